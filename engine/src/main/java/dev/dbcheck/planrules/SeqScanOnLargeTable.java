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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dashboard query that reads a large table with a sequential scan (parallel or not) at the declared volume.
 * Scans of a partitioned table's partitions count together, under the partitioned table. Tables the query allows
 * ({@code -- allow-seq-scan: table reason}) are not reported.
 */
public final class SeqScanOnLargeTable implements PlanRule {

    static final String ROW_THRESHOLD = "rowThreshold";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "seq-scan-on-large-table",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "A dashboard query reads a table above the row threshold with a sequential scan.",
            "A sequential scan reads every page of the table, whatever the query needs: its cost grows with the "
                    + "table, not with the answer. At the declared volume that is the difference between a "
                    + "dashboard that answers in milliseconds and one that times out (and evicts everyone else's "
                    + "pages from the cache). Index the query's access path: the equality columns of its WHERE "
                    + "and JOIN, then its range column; or pre-aggregate in a materialized view.",
            List.of(RuleOption.integer(ROW_THRESHOLD, "Tables with more rows than this (at the declared volume) must "
                    + "not be scanned sequentially.", 10_000)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (results.isFastMode()) {
            return; // no-usable-index judges fast mode
        }
        long threshold = context.intOption(ROW_THRESHOLD);
        for (QueryResult result : results.results()) {
            if (result.plan() == null) {
                continue;
            }
            Map<QualifiedName, List<PlanNode>> scans = new LinkedHashMap<>();
            for (PlanNode node : result.plan().root().flatten()) {
                if (node.isSeqScan() && node.relation() != null) {
                    scans.computeIfAbsent(results.rootOf(node.schema(), node.relation()), k -> new ArrayList<>())
                            .add(node);
                }
            }
            for (Map.Entry<QualifiedName, List<PlanNode>> scan : scans.entrySet()) {
                QualifiedName table = scan.getKey();
                double rows = scan.getValue().stream().mapToDouble(n -> results.rowsAtVolume(
                        new QualifiedName(n.schema() == null ? "public" : n.schema(), n.relation()))).sum();
                if (rows <= threshold || allowed(result, table)) {
                    continue;
                }
                PlanNode node = scan.getValue().get(0);
                Table schemaTable = results.schema().table(table).orElse(null);
                String index = schemaTable == null ? null : IndexSuggestion.suggest(result.query(), node, schemaTable);
                context.report(DbObject.query(result.query().name(), table.toString()),
                        String.format(Locale.ROOT, "query %s reads %s (%,.0f rows at the declared volume, threshold "
                                        + "%,d) with %s: %s", result.query().name(), table, rows, threshold,
                                scan.getValue().size() == 1 ? "a sequential scan" : "sequential scans of "
                                        + scan.getValue().size() + " partitions",
                                scan.getValue().stream().map(PlanNode::excerpt)
                                        .collect(java.util.stream.Collectors.joining("; "))),
                        index != null ? Fix.sql(index) : Fix.advice("nothing in the query restricts " + table
                                + ", so an index cannot help: pre-aggregate it (a materialized view), or allow it with "
                                + "-- allow-seq-scan: " + table.name() + " <reason>"),
                        QueryLines.of(result.query(), node.alias(), node.relation(), table.name()));
            }
        }
    }

    static boolean allowed(QueryResult result, QualifiedName table) {
        return result.query().allowedSeqScans().containsKey(table.name())
                || result.query().allowedSeqScans().containsKey(table.toString())
                || result.query().allowedSeqScans().containsKey(table.schema() + "." + table.name());
    }
}
