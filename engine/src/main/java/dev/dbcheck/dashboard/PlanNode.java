package dev.dbcheck.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One node of a PostgreSQL plan, as {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} reports it; fields absent from
 * the plan are null.
 *
 * @param nodeType           "Seq Scan", "Index Scan", "Hash Join", ...
 * @param parallelAware      true for "Parallel Seq Scan" and the like
 * @param relation           the relation scanned, or null
 * @param schema             its schema, or null
 * @param alias              the alias the query used, or null
 * @param indexName          the index used, or null
 * @param planRows           the planner's row estimate
 * @param actualRows         rows produced per loop (ANALYZE), or null
 * @param actualLoops        loops (ANALYZE), or null
 * @param actualTotalTime    milliseconds per loop (ANALYZE), or null
 * @param filter             the Filter condition, or null
 * @param indexCondition     the Index Cond / Recheck Cond, or null
 * @param rowsRemovedByFilter rows read and thrown away by the filter, or null
 * @param sortMethod         "quicksort", "external merge", ... or null
 * @param sortSpaceType      "Memory" or "Disk", or null
 * @param sortSpaceKb        sort space used, in kB, or null
 * @param hashBatches        hash batches, or null
 * @param originalHashBatches hash batches planned, or null
 * @param peakMemoryKb       hash peak memory, in kB, or null
 * @param tempWrittenBlocks  temp blocks written (BUFFERS), or null
 * @param tempReadBlocks     temp blocks read (BUFFERS), or null
 * @param sharedHitBlocks    shared blocks hit (BUFFERS), or null
 * @param sharedReadBlocks   shared blocks read (BUFFERS), or null
 * @param disabled           true when the planner had to use a disabled node type (PostgreSQL 18 reports it)
 * @param children           the node's inputs
 */
public record PlanNode(String nodeType, boolean parallelAware, String relation, String schema, String alias,
                       String indexName, Double planRows, Double actualRows, Double actualLoops,
                       Double actualTotalTime, String filter, String indexCondition, Double rowsRemovedByFilter,
                       String sortMethod, String sortSpaceType, Long sortSpaceKb, Long hashBatches,
                       Long originalHashBatches, Long peakMemoryKb, Long tempWrittenBlocks, Long tempReadBlocks,
                       Long sharedHitBlocks, Long sharedReadBlocks, boolean disabled, List<PlanNode> children) {

    public PlanNode {
        children = List.copyOf(children);
    }

    /** This node and every node under it, depth first. */
    public List<PlanNode> flatten() {
        List<PlanNode> all = new ArrayList<>();
        visit(all::add);
        return all;
    }

    public void visit(Consumer<PlanNode> visitor) {
        visitor.accept(this);
        children.forEach(c -> c.visit(visitor));
    }

    /**
     * Whether this node itself wrote to disk: an external sort, a hash in several batches, or temp blocks beyond
     * what its inputs wrote (BUFFERS counts include the children's, so a Limit above a spilling Sort is not one).
     */
    public boolean spillsToDisk() {
        if ("Disk".equals(sortSpaceType) || (hashBatches != null && hashBatches > 1)) {
            return true;
        }
        if (tempWrittenBlocks == null || tempWrittenBlocks == 0) {
            return false;
        }
        long children = this.children.stream().mapToLong(c -> c.tempWrittenBlocks() == null ? 0
                : c.tempWrittenBlocks()).sum();
        return tempWrittenBlocks > children;
    }

    public boolean isSeqScan() {
        return "Seq Scan".equals(nodeType);
    }

    /** An access through an index: Index Scan, Index Only Scan, Bitmap Index Scan. */
    public boolean usesIndex() {
        return indexName != null;
    }

    /** Total rows produced over all loops. */
    public double totalActualRows() {
        return actualRows == null ? 0 : actualRows * (actualLoops == null ? 1 : actualLoops);
    }

    /** One line for messages: {@code Seq Scan on public.orders o (rows=1000000 loops=1) Filter: (status = 'paid'::text)}. */
    public String excerpt() {
        StringBuilder line = new StringBuilder(parallelAware && !nodeType.startsWith("Parallel") ? "Parallel " : "")
                .append(nodeType);
        if (indexName != null) {
            line.append(" using ").append(indexName);
        }
        if (relation != null) {
            // Schema-qualified as EXPLAIN VERBOSE prints it: the same table name may exist in several schemas.
            line.append(" on ").append(schema == null ? "" : schema + ".").append(relation);
            if (alias != null && !alias.equals(relation)) {
                line.append(' ').append(alias);
            }
        }
        if (actualRows != null) {
            line.append(String.format(java.util.Locale.ROOT, " (actual rows=%.0f loops=%.0f)", actualRows,
                    actualLoops == null ? 1 : actualLoops));
        } else if (planRows != null) {
            line.append(String.format(java.util.Locale.ROOT, " (rows=%.0f)", planRows));
        }
        if (indexCondition != null) {
            line.append(" Index Cond: ").append(indexCondition);
        }
        if (filter != null) {
            line.append(" Filter: ").append(filter);
        }
        if (sortSpaceType != null) {
            line.append(" Sort Method: ").append(sortMethod).append(' ').append(sortSpaceType).append(": ")
                    .append(sortSpaceKb).append("kB");
        }
        if (hashBatches != null && hashBatches > 1) {
            line.append(" Batches: ").append(hashBatches);
        }
        if (tempWrittenBlocks != null && tempWrittenBlocks > 0) {
            line.append(" Buffers: temp written=").append(tempWrittenBlocks);
        }
        return line.toString();
    }
}
