package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.sample.SampledData;
import dev.dbcheck.sample.TableSample;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 2NF: in a table with a composite primary key, a non-key column that depends on one part of the key only.
 * Schema evidence: the column repeats an attribute of the table that key part references
 * ({@code order_items(order_id, product_id, product_name)} with {@code products.name}). Data evidence: in the real
 * rows, each value of one key column comes with a single value of the column.
 */
public final class PartialKeyDependency implements SchemaRule {

    static final String MIN_REPEATING = "minRepeatingValues";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "partial-key-dependency",
            Category.NORMALIZATION,
            Severity.WARNING,
            "2NF: a column of a composite-key table that depends on only part of the key.",
            "Second normal form: every non-key column depends on the whole key. A column that depends on one "
                    + "part (the product's name in an order line keyed by order and product) is repeated in every "
                    + "row with that part, so a change must update all of them (update anomaly), and it cannot be "
                    + "recorded until a row with the whole key exists (insertion anomaly). Deliberate snapshots "
                    + "(the price paid, the name at the time) are not violations and are recognised.",
            List.of(RuleOption.regex(Snapshots.OPTION, "Regular expression for column names that are deliberate "
                            + "snapshots (matched case-insensitively).", Snapshots.DEFAULT_PATTERN),
                    RuleOption.integer(MIN_REPEATING, "Data evidence: how many key values must repeat before a "
                            + "dependency found in the rows counts.", 5)));

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
    public void check(SchemaSnapshot schema, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        for (Table table : Scope.designedTables(schema)) {
            for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.inherited() || !CopiedColumns.isPartOfCompositeKey(table, fk)) {
                    continue;
                }
                Table parent = schema.table(fk.references().table()).orElse(null);
                if (parent == null) {
                    continue;
                }
                Function<Column, Optional<Column>> sourceOf = CopiedColumns.copiesOf(fk, parent);
                for (Column column : CopiedColumns.candidates(table, snapshotPattern)) {
                    Optional<Column> source = sourceOf.apply(column);
                    source.ifPresent(s -> report(table, column, fk, parent, s, context));
                }
            }
        }
    }

    private static void report(Table table, Column column, Constraint fk, Table parent, Column source,
                               RuleContext context) {
        String key = Identifiers.columnList(table.primaryKey().orElseThrow().columns());
        String part = Identifiers.columnList(fk.columns());
        String col = Identifiers.quote(column.name());
        context.report(DbObject.column(table.name(), column.name()),
                "2NF: " + table.name() + "." + col + " depends on " + part + " alone, only part of the key (" + key
                        + "): it repeats " + parent.name() + "." + Identifiers.quote(source.name())
                        + ", which " + part + " references, in every row for that " + part + ".",
                Fix.sql("ALTER TABLE " + table.name() + " DROP COLUMN " + col + "; -- join " + parent.name()
                        + " for it instead; " + Snapshots.howToMark(table.name().toString(), col)));
    }

    @Override
    public void checkData(SchemaSnapshot schema, SampledData data, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        int minRepeating = context.intOption(MIN_REPEATING);
        for (TableSample sample : data.tables()) {
            Table table = sample.table();
            List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
            if (key.size() < 2) {
                continue;
            }
            Map<Integer, List<Integer>> dependencies = DataDependencies.byDeterminant(sample, minRepeating,
                    snapshotPattern);
            for (Map.Entry<Integer, List<Integer>> d : dependencies.entrySet()) {
                Column determinant = sample.columns().get(d.getKey());
                if (!key.contains(determinant.name())) {
                    continue; // not part of the key: transitive-dependency's
                }
                List<Column> dependents = DataDependencies.nonKey(sample, d.getValue(), key);
                if (dependents.isEmpty()) {
                    continue;
                }
                context.report(DbObject.column(table.name(), dependents.get(0).name()),
                        "2NF (from the data): " + DataDependencies.evidence(sample, determinant, dependents)
                                + ", yet " + Identifiers.quote(determinant.name()) + " is only part of the key ("
                                + Identifiers.columnList(key) + ").",
                        Fix.advice(DataDependencies.fix(table, determinant, dependents)));
            }
        }
    }
}
