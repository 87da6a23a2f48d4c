package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.sample.TableSample;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Dependencies found in a table's rows, grouped and worded for the 2NF and 3NF rules. */
final class DataDependencies {

    private DataDependencies() {
    }

    /**
     * Determinant → dependents. Of columns that determine each other (an id and the email that goes with it), only
     * one speaks for the group: a foreign key column or an *_id column, else the first in the table.
     */
    static Map<Integer, List<Integer>> byDeterminant(TableSample sample, int minRepeating, String snapshotPattern) {
        Map<Integer, Set<Integer>> found = new LinkedHashMap<>();
        for (FunctionalDependencies.Dependency d : FunctionalDependencies.discover(sample, minRepeating)) {
            Column dependent = sample.columns().get(d.dependent());
            if (dependent.generated() || Snapshots.isSnapshot(dependent, snapshotPattern)) {
                continue;
            }
            found.computeIfAbsent(d.determinant(), k -> new HashSet<>()).add(d.dependent());
        }
        Map<Integer, List<Integer>> result = new LinkedHashMap<>();
        for (Map.Entry<Integer, Set<Integer>> e : found.entrySet()) {
            int x = e.getKey();
            boolean represented = false;
            for (int y : e.getValue()) {
                Set<Integer> back = found.get(y);
                if (back != null && back.contains(x) && rank(sample, y) < rank(sample, x)) {
                    represented = true; // y and x determine each other, and y speaks for both
                    break;
                }
            }
            if (!represented) {
                List<Integer> dependents = new ArrayList<>(e.getValue());
                dependents.sort(null);
                result.put(x, dependents);
            }
        }
        return result;
    }

    /** Lower speaks first: a key column, a foreign key column, an *_id column, then table order. */
    private static int rank(TableSample sample, int column) {
        Column c = sample.columns().get(column);
        Table table = sample.table();
        boolean key = table.primaryKey().map(pk -> pk.columns().contains(c.name())).orElse(false);
        boolean foreignKey = table.constraints(ConstraintType.FOREIGN_KEY).stream()
                .anyMatch(fk -> fk.columns().contains(c.name()));
        boolean idLike = c.name().toLowerCase(Locale.ROOT).endsWith("_id");
        return (key ? 0 : foreignKey ? 1000 : idLike ? 2000 : 3000) + column;
    }

    /** The dependents that are not part of the key (prime attributes are allowed to depend on anything). */
    static List<Column> nonKey(TableSample sample, List<Integer> dependents, List<String> key) {
        List<Column> columns = new ArrayList<>();
        for (int y : dependents) {
            Column c = sample.columns().get(y);
            if (!key.contains(c.name())) {
                columns.add(c);
            }
        }
        return columns;
    }

    /** "in 4,812 rows each customer_id has one customer_email and one customer_name; 1,204 customer_ids repeat" */
    static String evidence(TableSample sample, Column determinant, List<Column> dependents) {
        int x = sample.indexOf(determinant.name());
        int[] codes = sample.codes(x);
        Map<Integer, Integer> counts = new HashMap<>();
        int rows = 0;
        for (int code : codes) {
            if (code != 0) {
                counts.merge(code, 1, Integer::sum);
                rows++;
            }
        }
        long repeating = counts.values().stream().filter(n -> n > 1).count();
        String x1 = Identifiers.quote(determinant.name());
        String example = example(sample, x, dependents);
        return String.format(Locale.ROOT, "in %,d %srows%s, each %s has exactly one %s; %,d %s values repeat%s",
                rows, sample.isComplete() ? "" : "sampled ", sample.isComplete() ? ""
                        : String.format(Locale.ROOT, " (of %,d)", sample.totalRows()), x1,
                String.join(" and one ", dependents.stream().map(c -> Identifiers.quote(c.name())).toList()),
                repeating, x1, example);
    }

    private static String example(TableSample sample, int x, List<Column> dependents) {
        int[] codes = sample.codes(x);
        Map<Integer, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] == 0) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(codes[r], r);
            if (first != null) {
                Column y = dependents.get(0);
                String value = sample.value(sample.indexOf(y.name()), first);
                return " (e.g. " + sample.value(x, first) + " → " + (value == null ? "NULL" : abbreviate(value)) + ")";
            }
        }
        return "";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 37) + "..." : value;
    }

    static String fix(Table table, Column determinant, List<Column> dependents) {
        String names = String.join(", ", dependents.stream().map(c -> Identifiers.quote(c.name())).toList());
        String name = determinant.name().toLowerCase(Locale.ROOT);
        String stem = Naming.keyStem(name);
        if (stem == null && name.indexOf('_') > 0) {
            stem = name.substring(0, name.indexOf('_')); // customer_email: the customer's
        }
        String target = stem != null ? stem + "s" : name + "_details";
        return "move " + names + " to a table keyed by " + Identifiers.quote(determinant.name()) + " (" + target
                + ") and reference it from " + table.name() + "; " + Snapshots.howToMark(table.name().toString(),
                Identifiers.quote(dependents.get(0).name()));
    }

    static boolean isKeyColumn(Table table, String column) {
        return table.primaryKey().map(pk -> pk.columns().contains(column)).orElse(false)
                || table.constraints(ConstraintType.UNIQUE).stream().map(Constraint::columns)
                .anyMatch(cols -> cols.size() == 1 && cols.get(0).equals(column));
    }
}
