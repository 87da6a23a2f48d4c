package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The same column name with different types in different tables ({@code user_id uuid} here, {@code bigint}
 * there). Types are compared by their underlying type (domains resolved, length limits ignored); the columns whose
 * type differs from the most common one are reported, with the tables that use the common one.
 */
public final class InconsistentColumnType implements SchemaRule {

    static final String IGNORED = "ignoredColumns";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "inconsistent-column-type",
            Category.TYPES,
            Severity.WARNING,
            "Same column name, different types across tables.",
            "A name that means one thing should have one type: user_id as uuid in one table and bigint in "
                    + "another cannot be joined without casts (which keep indexes from being used), one of them "
                    + "cannot be a foreign key to users, and values that fit one do not fit the other.",
            List.of(RuleOption.list(IGNORED, "Column names that may legitimately differ (comma-separated).", "id")));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        Set<String> ignored = Set.copyOf(context.listOption(IGNORED));
        Map<String, Map<String, List<Table>>> typesByName = new TreeMap<>();
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                if (ignored.contains(column.name())) {
                    continue;
                }
                typesByName.computeIfAbsent(column.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(typeOf(column), k -> new ArrayList<>()).add(table);
            }
        }
        for (Map.Entry<String, Map<String, List<Table>>> byName : typesByName.entrySet()) {
            Map<String, List<Table>> types = byName.getValue();
            if (types.size() < 2) {
                continue;
            }
            String common = types.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<String, List<Table>> e) -> e.getValue().size())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            List<String> holders = types.get(common).stream().map(t -> t.name().toString()).toList();
            // a handful of names say enough; thousands would make every message as long as the schema
            String elsewhere = holders.size() <= 5 ? String.join(", ", holders)
                    : String.join(", ", holders.subList(0, 5)) + " and " + (holders.size() - 5) + " more tables";
            for (Map.Entry<String, List<Table>> other : types.entrySet()) {
                if (other.getKey().equals(common)) {
                    continue;
                }
                for (Table table : other.getValue()) {
                    String col = Identifiers.quote(byName.getKey());
                    context.report(DbObject.column(table.name(), byName.getKey()),
                            "column " + table.name() + "." + col + " is " + other.getKey() + ", but " + col + " is "
                                    + common + " in " + elsewhere + ".",
                            castable(other.getKey(), common)
                                    ? Fix.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE "
                                    + common + " USING " + col + "::" + common + "; -- or rename the column if it "
                                    + "means something else")
                                    : Fix.advice("no cast turns " + other.getKey() + " into " + common + ": if "
                                    + col + " means the same thing here, add a " + common + " column, fill it and "
                                    + "drop this one; if not, rename it"));
                }
            }
        }
    }

    private static String typeOf(Column column) {
        String base = switch (column.typeName()) {
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bpchar" -> "character";
            case "varchar" -> "character varying";
            case "bool" -> "boolean";
            default -> column.typeName();
        };
        return column.array() ? base + "[]" : base;
    }

    /** Types PostgreSQL converts with a plain cast ({@code USING col::type}): within numbers, texts, times, JSON. */
    static boolean castable(String from, String to) {
        return family(from) != null && family(from).equals(family(to));
    }

    private static String family(String type) {
        String t = type.replaceAll("\\(.*\\)", "").replace("[]", "").trim();
        return switch (t) {
            case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> "number";
            case "text", "character varying", "character", "varchar", "char", "citext" -> "text";
            case "timestamp without time zone", "timestamp with time zone", "date" -> "time";
            case "json", "jsonb" -> "json";
            case "boolean" -> "boolean";
            case "uuid" -> "uuid";
            default -> null;
        };
    }
}
