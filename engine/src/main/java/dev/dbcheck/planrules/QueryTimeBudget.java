package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dashboard query whose median execution time exceeds its budget ({@code -- budget:} or the default). */
public final class QueryTimeBudget implements PlanRule {

    static final String DEFAULT_BUDGET = "defaultBudget";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "query-time-budget",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "A dashboard query's median execution time exceeds its budget, or it was cancelled at the timeout.",
            "A dashboard has a time budget: queries over it block connection pools, queue behind each other and "
                    + "turn a slow page into an outage. The median of several runs on data at the declared volume "
                    + "is compared with the query's own budget (-- budget: 500ms) or the default.",
            List.of(RuleOption.duration(DEFAULT_BUDGET, "Budget for queries that declare none.", "2s")));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (results.isFastMode()) {
            return;
        }
        Duration fallback;
        try {
            fallback = ConfigValues.duration(DEFAULT_BUDGET, context.option(DEFAULT_BUDGET));
        } catch (ConfigException e) {
            throw new IllegalStateException(e); // validated with the configuration
        }
        for (QueryResult result : results.results()) {
            Duration budget = result.query().budget() != null ? result.query().budget() : fallback;
            if (result.timedOut()) {
                context.report(DbObject.query(result.query().name(), null),
                        "query " + result.query().name() + " did not finish within the query timeout ("
                                + results.config().queryTimeout().toSeconds() + " s) and was cancelled",
                        Fix.advice("find the plan with EXPLAIN and index its access path; raise queryTimeout only "
                                + "if the query is meant to take that long"),
                        QueryLines.of(result.query()));
                continue;
            }
            Double median = result.medianMs();
            if (median == null || median <= budget.toMillis()) {
                continue;
            }
            context.report(DbObject.query(result.query().name(), null),
                    String.format(Locale.ROOT, "query %s takes %.0f ms (median of %d runs: %s) at the declared "
                                    + "volume, over its %d ms budget; the slowest step: %s", result.query().name(),
                            median, result.timesMs().size(), result.timesMs().stream()
                                    .map(t -> String.format(Locale.ROOT, "%.0f", t)).collect(Collectors.joining(", ")),
                            budget.toMillis(), slowest(result)),
                    Fix.advice("index the slowest step's access path or pre-aggregate; or raise the budget with "
                            + "-- budget: ..."),
                    QueryLines.of(result.query()));
        }
    }

    private static String slowest(QueryResult result) {
        return result.plan().root().flatten().stream()
                .filter(n -> n.actualTotalTime() != null && n.children().isEmpty())
                .max(java.util.Comparator.comparing(n -> n.actualTotalTime() * (n.actualLoops() == null ? 1
                        : n.actualLoops())))
                .map(dev.dbcheck.dashboard.PlanNode::excerpt).orElse("(no timing)");
    }
}
