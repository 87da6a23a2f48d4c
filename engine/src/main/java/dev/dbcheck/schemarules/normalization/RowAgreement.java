package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.sample.SampledData;
import dev.dbcheck.sample.TableSample;
import dev.dbcheck.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the real rows say about a suspected copy: a row's {@code copied} columns against the columns they would
 * copy in the row its {@code via} columns reference. A copy agrees with its source in most rows (a few stale ones
 * are the update anomaly the copy invites); where most rows that can be compared disagree, the columns hold a
 * fact of their own (ambari's privilege names its grantee, its permission a principal of its own), whatever the
 * names suggest.
 */
final class RowAgreement {

    private RowAgreement() {
    }

    /**
     * @param via        the row's referencing columns
     * @param referenced the columns of {@code parent} they reference, in the same order
     * @param copied     the row's suspected copies
     * @param sources    the columns of {@code parent} they would copy, in the same order
     */
    static boolean contradicts(SampledData rows, Table table, List<String> via, Table parent,
                               List<String> referenced, List<String> copied, List<String> sources) {
        Optional<TableSample> child = rows.table(table.name());
        Optional<TableSample> other = rows.table(parent.name());
        if (child.isEmpty() || other.isEmpty()) {
            return false; // no rows, no evidence either way
        }
        int[] viaAt = positions(child.get(), via);
        int[] copiedAt = positions(child.get(), copied);
        int[] referencedAt = positions(other.get(), referenced);
        int[] sourcesAt = positions(other.get(), sources);
        if (viaAt == null || copiedAt == null || referencedAt == null || sourcesAt == null) {
            return false; // a column the sampler does not read (a type without a comparable text form)
        }
        Map<List<String>, List<String>> sourceByKey = new HashMap<>();
        for (int r = 0; r < other.get().sampledRows(); r++) {
            List<String> key = values(other.get(), referencedAt, r);
            if (key != null) {
                sourceByKey.put(key, values(other.get(), sourcesAt, r));
            }
        }
        int agree = 0;
        int disagree = 0;
        for (int r = 0; r < child.get().sampledRows(); r++) {
            List<String> key = values(child.get(), viaAt, r);
            List<String> value = values(child.get(), copiedAt, r);
            List<String> source = key == null ? null : sourceByKey.get(key);
            if (value == null || source == null) {
                continue; // no reference, no copy, or the referenced row was not sampled
            }
            if (value.equals(source)) {
                agree++;
            } else {
                disagree++;
            }
        }
        return disagree > agree;
    }

    /** The columns' places in the sample, or null when one was not sampled. */
    private static int[] positions(TableSample sample, List<String> columns) {
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = sample.indexOf(columns.get(i));
            if (at[i] < 0) {
                return null;
            }
        }
        return at;
    }

    /** The row's values of the columns, or null when any is NULL (nothing to compare). */
    private static List<String> values(TableSample sample, int[] at, int row) {
        String[] values = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = sample.value(at[i], row);
            if (values[i] == null) {
                return null;
            }
        }
        return List.of(values);
    }
}
