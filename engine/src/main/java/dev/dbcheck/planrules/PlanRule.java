package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleContext;

import java.util.Set;

/**
 * A rule over the dashboard queries' plans and the sizes after the synthetic load: like a schema rule, one class,
 * its metadata, a pure check; it runs once the dashboards stage has run.
 */
public interface PlanRule extends Rule {

    void check(DashboardResults results, RuleContext context);

    @Override
    default Set<Input<?>> reads() {
        return Set.of(DashboardResults.PLANS);
    }

    @Override
    default void check(Evidence evidence, RuleContext context) {
        check(evidence.get(DashboardResults.PLANS), context);
    }
}
