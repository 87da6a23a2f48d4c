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
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 3NF from data: in the real rows, a column that is not a key determines other non-key columns
 * ({@code customer_id → customer_email}): they depend on the key only through it. Needs rows that exist after the
 * migrations (reference data) or sample data; synthetic data is never used.
 */
public final class TransitiveDependency implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "transitive-dependency",
            Category.NORMALIZATION,
            Severity.WARNING,
            "3NF, from data: a non-key column determines other non-key columns in the real rows.",
            "Third normal form: non-key columns depend on the key, the whole key and nothing but the key. When "
                    + "customer_id determines customer_email in every row, the email depends on the order only "
                    + "through the customer: it is repeated in each of the customer's orders, a change must reach "
                    + "all of them, and a customer without orders has nowhere to keep it. Found in rows loaded by "
                    + "the migrations or given as sample data, never in generated ones.",
            List.of(RuleOption.regex(Snapshots.OPTION, "Regular expression for column names that are deliberate "
                            + "snapshots (matched case-insensitively).", Snapshots.DEFAULT_PATTERN),
                    RuleOption.integer(PartialKeyDependency.MIN_REPEATING, "How many values of the determining "
                            + "column must repeat before a dependency counts.", 5)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** Real rows, where the migrated database has any: the run reads them while the schema-only rules run. */
    @Override
    public Set<Input<?>> uses() {
        return Set.of(Evidence.ROWS);
    }

    /** No schema evidence: a dependency between two columns shows only in their values. */
    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
    }

    @Override
    public void checkData(SchemaSnapshot schema, SampledData data, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        int minRepeating = context.intOption(PartialKeyDependency.MIN_REPEATING);
        for (TableSample sample : data.tables()) {
            Table table = sample.table();
            List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
            for (Map.Entry<Integer, List<Integer>> d
                    : DataDependencies.byDeterminant(sample, minRepeating, snapshotPattern).entrySet()) {
                Column determinant = sample.columns().get(d.getKey());
                if (key.contains(determinant.name()) || DataDependencies.isKeyColumn(table, determinant.name())) {
                    continue; // a key part is partial-key-dependency's; a key determines by definition
                }
                List<Column> dependents = DataDependencies.nonKey(sample, d.getValue(), key);
                if (dependents.isEmpty()) {
                    continue;
                }
                context.report(DbObject.column(table.name(), determinant.name()),
                        "3NF (from the data): " + DataDependencies.evidence(sample, determinant, dependents)
                                + ", and " + Identifiers.quote(determinant.name()) + " is not a key of "
                                + table.name() + ": those columns depend on it, not on the key.",
                        Fix.advice(DataDependencies.fix(table, determinant, dependents)));
            }
        }
    }
}
