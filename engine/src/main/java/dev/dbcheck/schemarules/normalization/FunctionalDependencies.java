package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.sample.TableSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovers single-column functional dependencies {@code X → Y} in a table's rows: every value of X that occurs
 * more than once comes with one value of Y. X must repeat (enough repeating values, {@code minRepeating}), must not
 * be unique (then it is a candidate key and the dependency is what keys are for) and Y must vary.
 *
 * <p>Agreement alone is not evidence: with few rows, or a Y of two values, it happens by chance. So a dependency
 * is kept only when the probability of that much agreement between independent columns, given Y's value
 * frequencies and the sizes of X's groups, is below {@code 0.001} divided by the number of column pairs tested.
 * One pass over dictionary-encoded columns per pair: rows × columns² integer comparisons.
 */
final class FunctionalDependencies {

    /** Significance before the correction for the number of pairs tested. */
    private static final double ALPHA = 0.001;

    private FunctionalDependencies() {
    }

    /**
     * One dependency found.
     *
     * @param determinant       X
     * @param dependent         Y
     * @param rows              sampled rows with a non-null X
     * @param repeatingValues   values of X occurring more than once
     * @param rowsInRepeating   rows carrying one of those values
     */
    record Dependency(int determinant, int dependent, int rows, int repeatingValues, int rowsInRepeating) {
    }

    static List<Dependency> discover(TableSample sample, int minRepeating) {
        int columns = sample.columns().size();
        int n = sample.sampledRows();
        List<Dependency> found = new ArrayList<>();
        if (columns < 2 || n < 4) {
            return found;
        }
        double threshold = Math.log(ALPHA / Math.max(1, columns * (columns - 1)));
        for (int x = 0; x < columns; x++) {
            int[] xs = sample.codes(x);
            int space = sample.codeSpace(x);
            int[] size = new int[space];
            int[] first = new int[space];
            int rows = 0;
            for (int r = 0; r < n; r++) {
                int g = xs[r];
                if (g == 0) {
                    continue; // a NULL X determines nothing
                }
                if (size[g]++ == 0) {
                    first[g] = r;
                }
                rows++;
            }
            int repeating = 0;
            int rowsInRepeating = 0;
            int nonNullGroups = 0;
            Map<Integer, Integer> groupsBySize = new HashMap<>();
            for (int g = 1; g < space; g++) {
                if (size[g] > 0) {
                    nonNullGroups++;
                }
                if (size[g] > 1) {
                    repeating++;
                    rowsInRepeating += size[g];
                    groupsBySize.merge(size[g], 1, Integer::sum);
                }
            }
            if (repeating < minRepeating || nonNullGroups == rows || nonNullGroups <= 1) {
                continue; // too little support, X unique (a candidate key), or X constant
            }
            for (int y = 0; y < columns; y++) {
                if (y == x || sample.distinct(y) <= 1) {
                    continue;
                }
                if (holds(xs, sample.codes(y), first, n)
                        && chanceOfAgreement(sample.codes(y), sample.codeSpace(y), groupsBySize, n) < threshold) {
                    found.add(new Dependency(x, y, rows, repeating, rowsInRepeating));
                }
            }
        }
        return found;
    }

    private static boolean holds(int[] xs, int[] ys, int[] first, int n) {
        for (int r = 0; r < n; r++) {
            int g = xs[r];
            if (g != 0 && ys[r] != ys[first[g]]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The log-probability that independent columns agree this much: for each group of m rows sharing an X value,
     * the chance that all m rows share a Y value is the sum over Y's values of frequency^m.
     */
    private static double chanceOfAgreement(int[] ys, int space, Map<Integer, Integer> groupsBySize, int n) {
        int[] counts = new int[space];
        for (int y : ys) {
            counts[y]++;
        }
        double logP = 0;
        for (Map.Entry<Integer, Integer> bySize : groupsBySize.entrySet()) {
            int m = bySize.getKey();
            double pure = 0;
            for (int c : counts) {
                if (c > 0) {
                    pure += Math.pow((double) c / n, m);
                }
            }
            logP += bySize.getValue() * Math.log(Math.max(pure, Double.MIN_VALUE));
        }
        return logP;
    }
}
