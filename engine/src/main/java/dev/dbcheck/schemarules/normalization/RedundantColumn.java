package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.sql.Identifiers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same fact twice in one row: a flag beside the same flag in another type ({@code is_enabled smallint} beside
 * {@code enabled boolean}), or a flag beside the time that says the same ({@code deleted boolean} beside
 * {@code deleted_at timestamptz}: deleted is {@code deleted_at IS NOT NULL}). Generated columns are derived on
 * purpose and kept in step by PostgreSQL, so they are not reported.
 */
public final class RedundantColumn implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "redundant-column",
            Category.NORMALIZATION,
            Severity.WARNING,
            "The same fact twice in one row: is_enabled beside enabled, deleted beside deleted_at.",
            "A row that says one thing in two columns can say two things: is_enabled = 1 while enabled is false, "
                    + "deleted true with no deleted_at. Every writer must set both, every reader must pick one, and "
                    + "nothing but discipline keeps them equal. Keep one column; derive the other in a view or a "
                    + "generated column if a reader needs it.",
            List.of());

    /** Types a yes/no fact is kept in. */
    private static final Set<String> FLAG_TYPES = Set.of("bool", "int2", "int4", "bpchar", "varchar", "text");
    /** Words a flag's name starts with that do not change what it says. */
    private static final Set<String> FLAG_PREFIXES = Set.of("is", "has", "was", "can", "flag");
    /** The time types a flag's moment is kept in. */
    private static final Set<String> TIME_TYPES = Set.of("timestamp", "timestamptz", "date");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.designedTables(schema)) {
            Map<String, Column> flags = new HashMap<>();
            Map<String, Column> times = new HashMap<>();
            for (Column column : table.columns()) {
                if (column.generated() || column.array()) {
                    continue;
                }
                if (TIME_TYPES.contains(column.typeName())) {
                    List<String> words = Words.of(column.name());
                    if (words.size() >= 2 && List.of("at", "on", "time", "date").contains(words.get(words.size() - 1))) {
                        times.put(String.join("_", words.subList(0, words.size() - 1)), column);
                    }
                }
                if (isFlagColumn(column)) {
                    String fact = fact(column.name());
                    Column twin = flags.putIfAbsent(fact, column);
                    if (twin != null && !twin.name().equals(column.name()) && isFlag(twin, column)) {
                        report(table, twin, column, "both say whether " + fact.replace('_', ' '),
                                context);
                    }
                }
            }
            for (Map.Entry<String, Column> flag : flags.entrySet()) {
                Column time = times.get(flag.getKey());
                if (time != null && flag.getValue().typeName().equals("bool")) {
                    report(table, time, flag.getValue(), Identifiers.quote(flag.getValue().name()) + " is "
                            + Identifiers.quote(time.name()) + " IS NOT NULL", context);
                }
            }
        }
    }

    /** {@code is_enabled}, {@code isEnabled}, {@code enabled_flag} and {@code enabled} say one fact: enabled. */
    private static String fact(String name) {
        List<String> words = Words.of(name);
        int from = !words.isEmpty() && FLAG_PREFIXES.contains(words.get(0)) && words.size() > 1 ? 1 : 0;
        int to = words.size() > 1 && words.get(words.size() - 1).equals("flag") ? words.size() - 1 : words.size();
        return String.join("_", words.subList(from, Math.max(from, to)));
    }

    /**
     * A column that holds yes or no: a boolean, a smallint or a char(1); an integer or a text only when its name says
     * it is a flag ({@code is_enabled}, {@code timeout_flag}) — a bare {@code timeout integer} is a value.
     */
    private static boolean isFlagColumn(Column column) {
        String type = column.typeName();
        if (type.equals("bool") || type.equals("int2") || type.equals("bpchar") && column.type().contains("(1)")) {
            return true;
        }
        return FLAG_TYPES.contains(type) && !Words.snake(column.name()).equals(fact(column.name()));
    }

    /** Two columns of one fact where at least one is plainly a flag: a boolean, or a name that says so. */
    private static boolean isFlag(Column a, Column b) {
        return a.typeName().equals("bool") || b.typeName().equals("bool")
                || !Words.snake(a.name()).equals(fact(a.name())) || !Words.snake(b.name()).equals(fact(b.name()));
    }

    private static void report(Table table, Column kept, Column copy, String why, RuleContext context) {
        String col = Identifiers.quote(copy.name());
        context.report(DbObject.column(table.name(), copy.name()),
                "the same fact twice in " + table.name() + ": " + col + " and " + Identifiers.quote(kept.name())
                        + " (" + why + "): every writer must set both and nothing keeps them equal.",
                Fix.sql("ALTER TABLE " + table.name() + " DROP COLUMN " + col + "; -- read "
                        + Identifiers.quote(kept.name()) + " instead, or make " + col + " a generated column"));
    }
}
