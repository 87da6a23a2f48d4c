package dev.dbcheck.schemarules.naming;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.sql.Identifiers;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names that do not follow the project's convention: one pattern per kind of object, with a preset (PostgreSQL's
 * own: snake_case tables and columns, the suffixes PostgreSQL generates — {@code _pkey}, {@code _fkey},
 * {@code _key}, {@code _check}, {@code _idx}). Off by default: a convention is a team's choice.
 */
public final class NamingConvention implements SchemaRule {

    static final String PRESET = "preset";
    static final String TABLES = "tablePattern";
    static final String COLUMNS = "columnPattern";
    static final String INDEXES = "indexPattern";
    static final String PRIMARY_KEYS = "primaryKeyPattern";
    static final String FOREIGN_KEYS = "foreignKeyPattern";
    static final String UNIQUES = "uniquePattern";
    static final String CHECKS = "checkPattern";

    private static final String SNAKE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "naming-convention",
            Category.NAMING,
            Severity.OFF,
            "A table, column, index or constraint whose name does not follow the configured convention.",
            "One convention makes a schema readable at a glance: snake_case needs no quoting (a camelCase name "
                    + "must be quoted in every query, or PostgreSQL folds it to lower case), and the suffixes "
                    + "PostgreSQL itself generates (_pkey, _fkey, _key, _check, _idx) tell what an object is from "
                    + "its name in an error message or a plan. Off by default; switch it on with a preset or your "
                    + "own patterns.",
            List.of(RuleOption.choice(PRESET, "snake-postgres: snake_case names and PostgreSQL's generated "
                            + "suffixes; snake: snake_case only, any suffix.", "snake-postgres", "snake-postgres",
                            "snake"),
                    RuleOption.regex(TABLES, "Pattern for table names; empty for the preset's.", ""),
                    RuleOption.regex(COLUMNS, "Pattern for column names; empty for the preset's.", ""),
                    RuleOption.regex(INDEXES, "Pattern for index names (indexes of constraints are judged as the "
                            + "constraint); empty for the preset's.", ""),
                    RuleOption.regex(PRIMARY_KEYS, "Pattern for primary key names; empty for the preset's.", ""),
                    RuleOption.regex(FOREIGN_KEYS, "Pattern for foreign key names; empty for the preset's.", ""),
                    RuleOption.regex(UNIQUES, "Pattern for unique constraint names; empty for the preset's.", ""),
                    RuleOption.regex(CHECKS, "Pattern for check constraint names; empty for the preset's.", "")));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        boolean suffixes = context.option(PRESET).equals("snake-postgres");
        Pattern tables = pattern(context, TABLES, SNAKE);
        Pattern columns = pattern(context, COLUMNS, SNAKE);
        Pattern indexes = pattern(context, INDEXES, suffixes ? SNAKE + "_idx" : SNAKE);
        Pattern pkeys = pattern(context, PRIMARY_KEYS, suffixes ? SNAKE + "_pkey" : SNAKE);
        Pattern fkeys = pattern(context, FOREIGN_KEYS, suffixes ? SNAKE + "_fkey" : SNAKE);
        Pattern uniques = pattern(context, UNIQUES, suffixes ? SNAKE + "_key" : SNAKE);
        Pattern checks = pattern(context, CHECKS, suffixes ? SNAKE + "_check" : SNAKE);
        for (Table table : Scope.designedTables(schema)) {
            String t = table.name().name();
            if (!tables.matcher(t).matches()) {
                String better = snake(t);
                context.report(table.isMaterializedView() ? DbObject.materializedView(table.name())
                                : DbObject.table(table.name()), "table name " + Identifiers.quote(t) + " does not match "
                                + tables.pattern() + ".",
                        rename(tables, better, (table.isMaterializedView() ? "ALTER MATERIALIZED VIEW " : "ALTER TABLE ")
                                + table.name() + " RENAME TO " + Identifiers.quote(better) + ";"));
            }
            for (Column column : table.columns()) {
                if (!columns.matcher(column.name()).matches()) {
                    String better = snake(column.name());
                    context.report(DbObject.column(table.name(), column.name()), "column name "
                                    + Identifiers.quote(column.name()) + " of " + table.name() + " does not match "
                                    + columns.pattern() + ".",
                            rename(columns, better, "ALTER TABLE " + table.name() + " RENAME COLUMN "
                                    + Identifiers.quote(column.name()) + " TO " + Identifiers.quote(better) + ";"));
                }
            }
            for (Constraint c : table.constraints()) {
                if (c.inherited()) {
                    continue;
                }
                Pattern p;
                String suffix;
                switch (c.type()) {
                    case PRIMARY_KEY -> { p = pkeys; suffix = "pkey"; }
                    case FOREIGN_KEY -> { p = fkeys; suffix = "fkey"; }
                    case UNIQUE -> { p = uniques; suffix = "key"; }
                    case CHECK -> { p = checks; suffix = "check"; }
                    default -> { continue; }
                }
                if (!p.matcher(c.name()).matches()) {
                    String better = generated(t, c.type() == ConstraintType.PRIMARY_KEY ? List.of() : c.columns(), suffix);
                    context.report(DbObject.constraint(table.name(), c.name(), c.columns()), "constraint name "
                                    + Identifiers.quote(c.name()) + " on " + table.name() + " does not match "
                                    + p.pattern() + ".",
                            rename(p, better, "ALTER TABLE " + table.name() + " RENAME CONSTRAINT "
                                    + Identifiers.quote(c.name()) + " TO " + Identifiers.quote(better) + ";"));
                }
            }
            for (Index index : table.indexes()) {
                if (index.constraintName() != null || index.parentIndex() != null) {
                    continue; // named after its constraint, or its partitioned parent
                }
                if (!indexes.matcher(index.name()).matches()) {
                    String better = generated(t, index.leadingColumns(), "idx");
                    context.report(DbObject.index(table.name(), index.name(), index.leadingColumns()), "index name "
                                    + Identifiers.quote(index.name()) + " on " + table.name() + " does not match "
                                    + indexes.pattern() + ".",
                            rename(indexes, better, "ALTER INDEX " + Identifiers.qualified(table.schema(), index.name())
                                    + " RENAME TO " + Identifiers.quote(better) + ";"));
                }
            }
        }
    }

    private static Pattern pattern(RuleContext context, String option, String preset) {
        String given = context.option(option);
        return Pattern.compile(given == null || given.isBlank() ? preset : given);
    }

    /** The rename as SQL when the new name follows the convention, else advice to choose one. */
    private static Fix rename(Pattern pattern, String better, String sql) {
        return pattern.matcher(better).matches() ? Fix.sql(sql)
                : Fix.advice("rename it to a name that matches " + pattern.pattern());
    }

    /** PostgreSQL's own choice: {@code orders_customer_id_fkey}, {@code orders_pkey}, snake_cased. */
    static String generated(String table, List<String> columns, String suffix) {
        StringBuilder name = new StringBuilder(snake(table));
        columns.forEach(c -> name.append('_').append(snake(c)));
        String base = name.toString();
        int limit = IdentifierTooLong.MAX_BYTES - suffix.length() - 1;
        return (base.length() > limit ? base.substring(0, limit) : base) + "_" + suffix;
    }

    /** {@code OrderItems} → {@code order_items}, {@code listPrice} → {@code list_price}, {@code Shipping Cost} → {@code shipping_cost}. */
    static String snake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "x";
        }
        return Character.isDigit(s.charAt(0)) ? "t_" + s : s;
    }
}
