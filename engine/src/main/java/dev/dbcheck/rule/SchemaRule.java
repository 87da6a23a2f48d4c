package dev.dbcheck.rule;

import dev.dbcheck.sample.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;

import java.util.Set;

/**
 * A rule over the schema snapshot: pure, it never queries the database. A rule that can also judge real rows
 * (functional dependencies, list-valued text) overrides {@link #checkData} and says so in {@link #uses()} (the rows
 * are read while the other rules run, and it waits for them); it is called when the migrated database holds rows
 * (reference data or the user's sample data; never synthetic data).
 */
public interface SchemaRule extends Rule {

    void check(SchemaSnapshot schema, RuleContext context);

    default void checkData(SchemaSnapshot schema, SampledData data, RuleContext context) {
    }

    @Override
    default Set<Input<?>> reads() {
        return Set.of(Evidence.SCHEMA);
    }

    @Override
    default void check(Evidence evidence, RuleContext context) {
        check(evidence.schema(), context);
        evidence.find(Evidence.ROWS).filter(rows -> !rows.isEmpty())
                .ifPresent(rows -> checkData(evidence.schema(), rows, context));
    }
}
