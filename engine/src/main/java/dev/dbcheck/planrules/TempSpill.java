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

/** A dashboard query that spilled past {@code work_mem}: temp blocks written, a sort on disk, hash batches > 1. */
public final class TempSpill implements PlanRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "temp-spill",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "A dashboard query spills to disk: it needs more than work_mem for a sort or a hash.",
            "When a sort or a hash table outgrows work_mem, PostgreSQL writes it to temporary files and reads it "
                    + "back: an external merge sort or a multi-batch hash join is many times slower than the same "
                    + "work in memory, and temp files compete with everything else for the disk. Sort and hash "
                    + "fewer rows (filter earlier, aggregate before joining, an index that returns rows in order) "
                    + "or give the query the memory it needs.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        for (QueryResult result : results.results()) {
            if (result.plan() == null || results.isFastMode()) {
                continue;
            }
            List<PlanNode> spills = result.plan().root().flatten().stream().filter(PlanNode::spillsToDisk).toList();
            if (spills.isEmpty()) {
                continue;
            }
            PlanNode first = spills.get(0);
            long kb = spills.stream().mapToLong(n -> n.tempWrittenBlocks() != null ? n.tempWrittenBlocks() * 8
                    : n.sortSpaceKb() != null ? n.sortSpaceKb() : 0).max().orElse(0);
            context.report(DbObject.query(result.query().name(), first.nodeType()),
                    "query " + result.query().name() + " spills past work_mem (" + results.config().workMem() + "): "
                            + String.join("; ", spills.stream().map(PlanNode::excerpt).toList()),
                    Fix.advice("sort or hash fewer rows (filter or aggregate earlier, or an index that delivers "
                            + "rows in order)" + (kb > 0 ? ", or give it about " + ((kb * 2 / 1024) + 1) + "MB: SET "
                            + "work_mem for the dashboard's role (ALTER ROLE ... SET work_mem)" : "")),
                    QueryLines.of(result.query(), first.alias(), first.relation()));
        }
    }
}
