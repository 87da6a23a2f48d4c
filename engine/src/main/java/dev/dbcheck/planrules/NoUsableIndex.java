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
import dev.dbcheck.schema.Index;
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
            wholeIndexScans(result.plan().root(), null, false, results, result, threshold, reported, context);
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

    /**
     * The other way a plan without data hides a full read: with sequential scans disabled the planner takes any
     * index, and scans all of it — no index condition (and no LIMIT above it that stops early), or a condition that
     * does not constrain the index's leading column. Full mode would find the sequential scan; fast mode must not
     * pass it.
     */
    private static void wholeIndexScans(PlanNode node, PlanNode parent, boolean underLimit, DashboardResults results,
                                        QueryResult result, long threshold, Set<QualifiedName> reported,
                                        RuleContext context) {
        boolean limited = underLimit || node.nodeType().equals("Limit");
        for (PlanNode child : node.children()) {
            wholeIndexScans(child, node, limited, results, result, threshold, reported, context);
        }
        if (node.indexName() == null || !node.nodeType().matches("Index Scan|Index Only Scan|Bitmap Index Scan")) {
            return;
        }
        PlanNode scan = node.relation() != null ? node : parent != null && parent.relation() != null ? parent : null;
        if (scan == null) {
            return;
        }
        QualifiedName table = results.rootOf(scan.schema(), scan.relation());
        Table schemaTable = results.schema().table(new QualifiedName(scan.schema() == null ? "public" : scan.schema(),
                scan.relation())).orElse(null);
        Index index = schemaTable == null ? null : schemaTable.indexes().stream()
                .filter(i -> i.name().equals(node.indexName())).findFirst().orElse(null);
        if (index == null || index.keys().isEmpty() || index.keys().get(0).column() == null) {
            return; // an expression index: its condition cannot be matched by name
        }
        if (index.predicate() != null) {
            return; // a partial index holds only the rows its predicate selects: reading all of it is the point
        }
        String leading = index.keys().get(0).column();
        String why;
        if (node.indexCondition() == null) {
            if (limited) {
                return; // rows in index order until the LIMIT: the index serves the query
            }
            why = "no index condition";
        } else if (!java.util.regex.Pattern.compile("(?<![\\w$])\"?" + java.util.regex.Pattern.quote(leading)
                + "\"?(?![\\w$])").matcher(node.indexCondition()).find()) {
            why = "its leading column " + leading + " is not in the condition " + node.indexCondition();
        } else {
            return;
        }
        double rows = results.rowsAtVolume(table);
        if (rows <= threshold || SeqScanOnLargeTable.allowed(result, table) || !reported.add(table)) {
            return;
        }
        String suggested = IndexSuggestion.suggest(result.query(), scan, schemaTable);
        context.report(DbObject.query(result.query().name(), table.toString()),
                String.format(Locale.ROOT, "query %s has no usable index on %s (%,.0f rows declared): with "
                        + "sequential scans disabled the planner reads all of index %s (%s): %s — fast mode cannot "
                        + "measure it; at volume it is a full read, as full mode's sequential scan would show",
                        result.query().name(), table, rows, index.name(), why, node.excerpt()),
                suggested != null ? Fix.sql(suggested) : Fix.advice("nothing in the query restricts " + table
                        + " by an index's leading column: pre-aggregate it or allow it with -- allow-seq-scan: "
                        + table.name() + " <reason>"),
                QueryLines.of(result.query(), scan.alias(), scan.relation(), table.name()));
    }
}
