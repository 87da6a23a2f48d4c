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

import java.util.List;
import java.util.Locale;

/**
 * A dashboard query that ran on no rows at the declared volume: nothing it read matched. Its plan and its time are
 * those of an empty result — an index scan that finds nothing is fast whatever the index — so the other plan
 * rules have little to judge, and an "ok" would mislead.
 */
public final class QueryMatchesNoRows implements PlanRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "query-matches-no-rows",
            Category.QUERY_PLANS,
            Severity.WARNING,
            "A dashboard query matched no rows in the synthetic data: its plan says little.",
            "A query is judged on the plan it gets at the declared volume. When none of the generated rows matches "
                    + "its conditions — a status value the data does not have, a parameter that finds no row, a "
                    + "date range outside the generated one — every scan returns at once, the time is that of an "
                    + "empty result, and a plan that would read millions of rows in production looks fine. Declare "
                    + "the values the query looks for (column specs), or a parameter value that exists.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (results.isFastMode()) {
            return; // nothing runs in fast mode
        }
        for (QueryResult result : results.results()) {
            if (result.plan() == null || result.timedOut()) {
                continue;
            }
            PlanNode root = result.plan().root();
            List<PlanNode> scans = root.flatten().stream().filter(n -> n.relation() != null
                    && n.actualRows() != null).toList();
            boolean emptyResult = !root.nodeType().equals("ModifyTable") && root.actualRows() != null
                    && root.totalActualRows() == 0;
            boolean nothingRead = !scans.isEmpty() && scans.stream().allMatch(n -> n.totalActualRows() == 0);
            if (scans.isEmpty() || !(emptyResult || nothingRead)) {
                continue;
            }
            // the scan whose condition matched nothing, of the table with the most rows
            PlanNode empty = scans.stream().filter(n -> n.totalActualRows() == 0)
                    .max(java.util.Comparator.comparingDouble(n -> rows(results, n))).orElse(scans.get(0));
            String condition = empty.filter() != null ? empty.filter() : empty.indexCondition();
            // a partition's scan is about its partitioned table, as the other plan rules see it
            dev.dbcheck.sql.QualifiedName table = results.rootOf(empty.schema(), empty.relation());
            context.report(DbObject.query(result.query().name(), table.name()),
                    "query " + result.query().name() + " ran on 0 rows at the declared volume: its plan says little; "
                            + "check its parameters and the declared distributions ("
                            + String.format(Locale.ROOT, "%s: none of %,.0f rows", table.name(), rows(results, empty))
                            + (condition == null ? "" : " matched " + condition) + ")",
                    Fix.advice("declare the values the query looks for as a column spec (<columns><column><name>"
                            + table.name() + "." + column(condition) + "</name><values>...</values></column>"
                            + "</columns>), or a parameter value that exists (-- param $1 = (SELECT ... LIMIT 1))"),
                    QueryLines.of(result.query(), empty.alias(), empty.relation()));
        }
    }

    private static final java.util.regex.Pattern COMPARED = java.util.regex.Pattern.compile(
            "^\\(*(?:\\w+\\.)?(\\w+) (?:=|<|>|<=|>=|IN|~~|= ANY)");

    /** The column the condition compares first ({@code (orders.status = 'refunded'::text)}), else a placeholder. */
    private static String column(String condition) {
        java.util.regex.Matcher m = condition == null ? null : COMPARED.matcher(condition);
        return m != null && m.find() ? m.group(1) : "<column>";
    }

    /** The rows of the scanned relation's table at the declared volume. */
    private static double rows(DashboardResults results, PlanNode scan) {
        return results.rowsAtVolume(results.rootOf(scan.schema(), scan.relation()));
    }
}
