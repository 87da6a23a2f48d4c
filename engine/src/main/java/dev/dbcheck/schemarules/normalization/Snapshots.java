package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.schema.Column;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deliberate snapshots: values copied on purpose so that history stays as it was (the price paid, the address an
 * order shipped to). They are not normalization violations. Recognised by name conventions, by a column comment
 * containing {@code dbcheck:snapshot}, or by the {@code snapshotPattern} option of the normalization rules.
 */
final class Snapshots {

    static final String OPTION = "snapshotPattern";

    /** Conventions for "captured at the time": price and amount columns, *_at_order, *_snapshot, shipping_*, ... */
    static final String DEFAULT_PATTERN = "(^|_)(price|unit_price|list_price|amount|cost|total|subtotal|tax|vat"
            + "|discount|fee|rate|exchange_rate)($|_(?!(number|id|code|no)($|_)))"
            + "|_at_(order|purchase|sale|checkout|time|booking|signup|creation|payment|invoice)$"
            + "|(^|_)snapshot(_|$)|_snapshot$|_copy$|_as_of$|_historical$|^historical_"
            + "|^(shipping|billing|delivery|invoice|ship_to|bill_to|sold_to)_";

    /** Compiled once per pattern: the check runs for every column of every table (docs/benchmarks.md, scale). */
    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private Snapshots() {
    }

    /** The last word of tables whose rows record values as they were (a version row, a history, a log). */
    private static final java.util.Set<String> PAST = java.util.Set.of("version", "versions", "history",
            "histories", "log", "logs", "audit", "audits", "activity", "activities", "archive", "archives",
            "snapshot", "snapshots", "revision", "revisions", "changelog", "changelogs");

    /** A table whose rows keep what was true when they were written: its copies are what it is for. */
    static boolean recordsThePast(dev.dbcheck.schema.Table table) {
        java.util.List<String> words = dev.dbcheck.schemarules.Words.of(table.name().name());
        return !words.isEmpty() && PAST.contains(words.get(words.size() - 1));
    }

    /**
     * A table whose rows record events ({@code TaskEvent}, {@code user_events}, {@code events_partitioned},
     * {@code subtask_time_tracking}): an attribute copied into an event is the value as it was when it happened,
     * like a log's. Its keys still count.
     */
    static boolean recordsEvents(dev.dbcheck.schema.Table table) {
        java.util.List<String> words = dev.dbcheck.schemarules.Words.of(table.name().name());
        return words.contains("event") || words.contains("events") || words.contains("tracking");
    }

    static boolean isSnapshot(Column column, String pattern) {
        if (column.comment() != null && column.comment().contains("dbcheck:snapshot")) {
            return true;
        }
        return COMPILED.computeIfAbsent(pattern, p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
                .matcher(column.name().toLowerCase(Locale.ROOT)).find();
    }

    /** How a fix tells the reader to keep a deliberate copy. */
    static String howToMark(String table, String column) {
        return "if it is a deliberate snapshot (the value at the time), say so: COMMENT ON COLUMN " + table + "."
                + column + " IS 'dbcheck:snapshot ...' or name it " + column + "_at_order";
    }
}
