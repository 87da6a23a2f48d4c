package dev.dbcheck.synthetic;

import java.util.List;

/**
 * How the pom wants one column's synthetic values to look; anything left null is derived from the schema (type,
 * check constraints, keys, partition bounds).
 *
 * @param table        {@code table} or {@code schema.table}
 * @param column       the column
 * @param distinct     how many different values
 * @param nullFraction share of NULLs, 0 to 1
 * @param skew         how values are spread over the distinct ones
 * @param min          lowest value (a number, a date or a timestamp, as SQL would read it)
 * @param max          highest value
 * @param values       a weighted list of values ({@code paid:70, shipped:20}); each weight defaults to 1
 * @param json         a JSON object shape for json/jsonb columns: each key maps to a constant or to an array of
 *                     weighted values ({@code {"material": ["organic cotton:5", "polyester:95"]}})
 */
public record ColumnSpec(String table, String column, Long distinct, Double nullFraction, Skew skew, String min,
                         String max, List<Weighted> values, String json) {

    public ColumnSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** uniform: every value as likely; zipf: a few values very common, a long tail of rare ones. */
    public enum Skew { UNIFORM, ZIPF }

    /** A value and its relative weight. */
    public record Weighted(String value, double weight) {
    }

    public boolean appliesTo(String schema, String tableName, String columnName) {
        if (!column.equals(columnName)) {
            return false;
        }
        return table.contains(".") ? table.equals(schema + "." + tableName) : table.equals(tableName);
    }
}
