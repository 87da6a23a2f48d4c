package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.Table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dashboard query declares the index its plan must use ({@code -- expect-index: orders_created_at_idx}) and the
 * plan does not use it: the index was dropped or renamed, a migration changed its columns, or the query no longer
 * matches it. This pins the access path a reviewer agreed on, in both modes.
 */
public final class ExpectedIndexNotUsed implements PlanRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "expected-index-not-used",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "A dashboard query's plan does not use the index it declares with -- expect-index.",
            "Declaring the index a query relies on turns a silent regression into a failed build: a migration "
                    + "that drops, renames or reorders the index, or a query edit that no longer matches it, "
                    + "shows up in the pull request instead of as a slow dashboard in production. A partition's "
                    + "index counts for the partitioned index it is attached to.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        Set<String> existing = new LinkedHashSet<>();
        for (Table t : results.schema().tables()) {
            for (Index i : t.indexes()) {
                existing.add(i.name());
            }
        }
        for (QueryResult result : results.results()) {
            if (result.plan() == null || result.query().expectedIndexes().isEmpty()) {
                continue;
            }
            Set<String> used = results.usedIndexes(result);
            for (String expected : result.query().expectedIndexes()) {
                String name = expected.contains(".") ? expected.substring(expected.lastIndexOf('.') + 1) : expected;
                if (used.contains(name)) {
                    continue;
                }
                String access = result.plan().root().flatten().stream()
                        .filter(n -> n.relation() != null)
                        .map(PlanNode::excerpt)
                        .collect(Collectors.joining("; "));
                if (!existing.contains(name)) {
                    context.report(DbObject.query(result.query().name(), expected),
                            "query " + result.query().name() + " expects index " + expected + ", which does not exist "
                                    + "after the migrations",
                            Fix.advice("create the index, or update the -- expect-index: line to the index's new name"),
                            QueryLines.of(result.query()));
                } else {
                    context.report(DbObject.query(result.query().name(), expected),
                            "query " + result.query().name() + " expects index " + expected + " but its plan "
                                    + (used.isEmpty() ? "uses no index" : "uses " + String.join(", ", used.stream()
                                    .sorted().toList())) + ": " + (access.isEmpty() ? "(no table access)" : access),
                            Fix.advice("make the query match the index (its leading columns in the WHERE clause, the "
                                    + "same expression, types that match) or change the index"),
                            QueryLines.of(result.query()));
                }
            }
        }
    }
}
