package dev.dbcheck.rule;

import dev.dbcheck.dashboard.DashboardResults;

/**
 * A rule over the dashboard queries' plans and the sizes after the synthetic load. Like a schema rule: one class,
 * its metadata, a pure check; it reports through the context.
 */
public interface PlanRule {

    RuleMetadata metadata();

    void check(DashboardResults results, RuleContext context);
}
