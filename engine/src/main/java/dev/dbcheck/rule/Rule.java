package dev.dbcheck.rule;

import dev.dbcheck.base.DbcheckException;

import java.util.Set;

/**
 * A rule: one class, its {@link RuleMetadata}, what it reads, and a check that reports through the context. A rule
 * keeps no state between runs; the {@link RuleRunner} runs it once the run holds everything it reads. Most rules
 * are one of two kinds: {@link SchemaRule} (the snapshot, and real rows where there are any) and the plan rules of
 * {@code dev.dbcheck.planrules} (the dashboard queries' plans); {@link CustomSqlRule} reads the database.
 *
 * <p>To add a schema rule: write the class under {@code dev.dbcheck.schemarules.<category>}, list it in
 * {@code dev.dbcheck.engine.RuleCatalog}, add fixtures under {@code src/test/resources/fixtures/<rule-id>/} and a
 * page {@code docs/rules/<rule-id>.md} (docs/architecture.md).
 */
public interface Rule {

    RuleMetadata metadata();

    /** The evidence the rule needs; it does not run in a run without all of it. */
    Set<Input<?>> reads();

    /**
     * Evidence the rule looks at when the run has it, and does without otherwise (real rows: most schemas have
     * none). When a stage announces one as {@linkplain Evidence#coming coming}, the rule waits for that stage.
     */
    default Set<Input<?>> uses() {
        return Set.of();
    }

    /**
     * @throws DbcheckException only for a problem the user must fix in the rule's own definition (a custom SQL
     *                          rule's query); a built-in rule never throws
     */
    void check(Evidence evidence, RuleContext context) throws DbcheckException;
}
