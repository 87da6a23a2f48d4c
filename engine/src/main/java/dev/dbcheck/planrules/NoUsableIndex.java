package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.Table;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fast mode, without data: planned with {@code enable_seqscan = off}, a sequential scan that remains means no index
 * can serve that access at all (PostgreSQL 18 marks it "Disabled"). Tables declared below the row threshold and
 * tables the query allows are not reported.
 */
public final class NoUsableIndex implements PlanRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "no-usable-index",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "Fast mode: no index can serve a dashboard query's access to a large table, even with sequential scans "
                    + "disabled.",
            "Without loading data, the planner can still say whether an index could serve each access: with "
                    + "sequential scans disabled it picks any usable index, however expensive. A sequential scan "
                    + "that remains has no index to use at all, so at volume the query will read the whole table.",
            List.of(RuleOption.integer(SeqScanOnLargeTable.ROW_THRESHOLD, "Tables declared with more rows than this "
                    + "must be reachable through an index.", 10_000)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (!results.isFastMode()) {
            return;
        }
        long threshold = context.intOption(SeqScanOnLargeTable.ROW_THRESHOLD);
        for (QueryResult result : results.results()) {
            if (result.plan() == null) {
                continue;
            }
            Set<QualifiedName> reported = new HashSet<>();
            for (PlanNode node : result.plan().root().flatten()) {
                if (!node.isSeqScan() || node.relation() == null) {
                    continue;
                }
                QualifiedName table = results.rootOf(node.schema(), node.relation());
                double rows = results.rowsAtVolume(table);
                if (rows <= threshold || SeqScanOnLargeTable.allowed(result, table) || !reported.add(table)) {
                    continue;
                }
                Table schemaTable = results.schema().table(table).orElse(null);
                String index = schemaTable == null ? null : IndexSuggestion.suggest(result.query(), node, schemaTable);
                context.report(DbObject.query(result.query().name(), table.toString()),
                        String.format(Locale.ROOT, "query %s has no usable index on %s (%,.0f rows declared): even "
                                + "with sequential scans disabled the planner must use %s", result.query().name(),
                                table, rows, node.excerpt() + (node.disabled() ? " (Disabled: true)" : "")),
                        index != null ? Fix.sql(index) : Fix.advice("nothing in the query restricts " + table
                                + ": pre-aggregate it or allow it with -- allow-seq-scan: " + table.name() + " <reason>"),
                        QueryLines.of(result.query(), node.alias(), node.relation(), table.name()));
            }
        }
    }
}
