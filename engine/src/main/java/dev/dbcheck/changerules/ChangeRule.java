package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleContext;

import java.util.Set;

/**
 * A migration safety rule: it judges the trace of the change (its locks, rewrites and hold times at the declared
 * volumes), not the SQL text, and reports on the statement's own {@code file:line}. Like every rule: one class, its
 * metadata, a pure check.
 */
public interface ChangeRule extends Rule {

    void check(ChangeTrace trace, RuleContext context);

    @Override
    default Set<Input<?>> reads() {
        return Set.of(ChangeTrace.TRACE);
    }

    @Override
    default void check(Evidence evidence, RuleContext context) {
        check(evidence.get(ChangeTrace.TRACE), context);
    }
}
