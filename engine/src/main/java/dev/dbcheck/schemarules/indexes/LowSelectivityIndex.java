package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.sample.TableSample;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A B-tree index that leads with a column of few values — a boolean, or a column with few distinct values in the
 * real rows or in the declared column specs: a lookup on one value reads a large share of the table through the
 * index, which costs more than reading the table. A partial index on the rare value is the fix.
 */
public final class LowSelectivityIndex implements SchemaRule {

    static final String MAX_DISTINCT = "maxDistinct";
    static final String MIN_ROWS = "minRows";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "low-selectivity-index",
            Category.INDEXES,
            Severity.WARNING,
            "B-tree index whose columns are all booleans or columns of few distinct values.",
            "An index earns its upkeep when a lookup reads a small part of the table. On a boolean, or a status "
                    + "with a handful of values where one dominates, a lookup of the common value returns most "
                    + "rows — slower through the index than a sequential scan, so the planner ignores it — and a "
                    + "lookup of the rare value reads an index that holds every row. A partial index on the rare "
                    + "value (WHERE NOT is_active, WHERE status = 'pending') is small and serves exactly those "
                    + "queries. A selective column in the index, before or after the few-valued one "
                    + "((category, price), (created_at, is_active)), makes it selective and is not reported.",
            List.of(RuleOption.integer(MAX_DISTINCT, "A leading column with at most this many distinct values "
                            + "(in real rows or declared) counts as low-selectivity.", 10),
                    RuleOption.integer(MIN_ROWS, "Real rows a table needs before its distinct values are judged.",
                            1000)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** Real rows, where the migrated database has any: the run reads them while the schema-only rules run. */
    @Override
    public Set<Input<?>> uses() {
        return Set.of(Evidence.ROWS);
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        SchemaSnapshot schema = evidence.schema();
        SampledData rows = evidence.find(Evidence.ROWS).orElse(SampledData.NONE);
        Evidence.DeclaredColumns declared = evidence.find(Evidence.DECLARED_COLUMNS)
                .orElse(new Evidence.DeclaredColumns(java.util.Map.of(), java.util.Map.of()));
        int maxDistinct = context.intOption(MAX_DISTINCT);
        for (Table table : schema.tables()) {
            if (table.isPartition()) {
                continue;
            }
            for (Index index : table.indexes()) {
                if (!index.method().equals("btree") || index.unique() || index.isPartial() || index.keys().isEmpty()
                        || index.keys().get(0).column() == null) {
                    continue;
                }
                Column lead = table.column(index.keys().get(0).column()).orElse(null);
                String evidenceText = lead == null ? null : fewValues(table, lead, rows, declared, maxDistinct, context);
                if (evidenceText == null || !restHasFewValues(table, index, rows, declared, maxDistinct, context)) {
                    continue;
                }
                context.report(DbObject.index(table.name(), index.name(), DuplicateIndex.columnsOf(index)),
                        "index " + DuplicateIndex.describe(index) + " on " + table.name() + " leads with "
                                + Identifiers.quote(lead.name()) + ", " + evidenceText
                                + (index.keys().size() > 1 ? ", and its other columns have few values too" : "")
                                + ": a lookup of a common value reads most of the table through it, and one of a "
                                + "rare value reads an index holding every row.",
                        fix(table, index, lead, declared.rarestOf(table.schema(), table.name().name(), lead.name())));
            }
        }
    }

    /**
     * Why the column has few values — a boolean, declared so, or seen so in enough real rows — or null. An array
     * is never judged here: array-btree-index speaks about it.
     */
    private static String fewValues(Table table, Column column, SampledData rows, Evidence.DeclaredColumns declared,
                                    int maxDistinct, RuleContext context) {
        if (column.array()) {
            return null;
        }
        if (column.typeName().equals("bool")) {
            return "a boolean (two values)";
        }
        Long declaredDistinct = declared.distinctOf(table.schema(), table.name().name(), column.name());
        if (declaredDistinct != null && declaredDistinct <= maxDistinct) {
            return "declared with " + declaredDistinct + " distinct values";
        }
        Optional<TableSample> sample = rows.table(table.name());
        if (sample.isPresent() && sample.get().totalRows() >= context.intOption(MIN_ROWS)
                && sample.get().indexOf(column.name()) >= 0
                && sample.get().distinct(sample.get().indexOf(column.name())) <= maxDistinct) {
            return String.format(java.util.Locale.ROOT, "%d distinct values in %,d rows",
                    sample.get().distinct(sample.get().indexOf(column.name())), sample.get().totalRows());
        }
        return null;
    }

    /**
     * Whether the key columns after the first have few values too. A selective column behind the leading one —
     * {@code (category, price)}, {@code (is_active, created_at)} — makes the index the equality-then-range design
     * it is meant to be: a lookup reads one category's prices in order, not most of the table. Expressions and
     * columns nothing is known about count as selective.
     */
    private static boolean restHasFewValues(Table table, Index index, SampledData rows,
                                            Evidence.DeclaredColumns declared, int maxDistinct, RuleContext context) {
        for (int i = 1; i < index.keys().size(); i++) {
            String name = index.keys().get(i).column();
            Column column = name == null ? null : table.column(name).orElse(null);
            if (column == null || fewValues(table, column, rows, declared, maxDistinct, context) == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        check(Evidence.of(schema), context);
    }

    /**
     * The same index made partial on the rare value, keyed by its remaining columns (or the primary key): SQL where
     * the rare value is known (a boolean's true, a declared weight), advice where it is not.
     */
    private static Fix fix(Table table, Index index, Column lead, String rarest) {
        List<String> rest = new ArrayList<>();
        index.keys().subList(1, index.keys().size()).forEach(k -> rest.add(k.display()));
        if (rest.isEmpty()) {
            table.primaryKey().ifPresent(pk -> pk.columns().forEach(c -> rest.add(Identifiers.quote(c))));
        }
        String col = Identifiers.quote(lead.name());
        String predicate = lead.typeName().equals("bool") ? col
                : rarest != null ? col + " = '" + rarest.replace("'", "''") + "'" : null;
        if (rest.isEmpty() || predicate == null) {
            return Fix.advice("replace it with a partial index for the value the queries look for (WHERE " + col
                    + " = '<rare value>'), keyed by a column that tells rows apart");
        }
        String concurrently = table.isPartitioned() ? "" : "CONCURRENTLY ";
        return Fix.sql("DROP INDEX " + concurrently + Identifiers.qualified(table.schema(), index.name())
                + "; CREATE INDEX " + concurrently + Identifiers.quote(index.name()) + " ON " + table.name() + " ("
                + String.join(", ", rest) + ") WHERE " + predicate + ";"
                + (lead.typeName().equals("bool") ? " -- or WHERE NOT " + col + ", for the value the queries select"
                : ""));
    }
}
