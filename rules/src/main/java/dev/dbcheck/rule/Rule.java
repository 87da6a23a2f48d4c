package dev.dbcheck.rule;

import dev.dbcheck.data.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;

/**
 * A schema rule: one class, its {@link RuleMetadata}, and a pure check over the snapshot. A rule never queries
 * the database and keeps no state between runs; it reports through the context. A rule that can also judge real
 * rows (functional dependencies, list-valued text) overrides {@link #checkData}.
 *
 * <p>To add one: write the class under {@code dev.dbcheck.rules.<category>}, list it in {@link BuiltInRules},
 * add fixtures under {@code src/test/resources/fixtures/<rule-id>/} and a page {@code docs/rules/<rule-id>.md}.
 */
public interface Rule {

    RuleMetadata metadata();

    void check(SchemaSnapshot schema, RuleContext context);

    /**
     * Evidence from real rows, when the migrated database holds any (reference data or the user's sample data;
     * never synthetic data). Most rules have none.
     */
    default void checkData(SchemaSnapshot schema, SampledData data, RuleContext context) {
    }
}
