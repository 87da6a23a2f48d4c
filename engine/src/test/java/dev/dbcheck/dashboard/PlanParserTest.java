package dev.dbcheck.dashboard;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading plans recorded from PostgreSQL 18 with EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). */
class PlanParserTest {

    private static PlanParser.Plan plan(String name) throws Exception {
        return PlanParser.parse(Files.readString(Path.of("src/test/resources/plans/" + name + ".json")));
    }

    private static List<PlanNode> seqScans(PlanParser.Plan plan) {
        return plan.root().flatten().stream().filter(PlanNode::isSeqScan).toList();
    }

    @Test
    void aSequentialScanWithItsFilterAndTimes() throws Exception {
        PlanParser.Plan plan = plan("seq-scan");
        PlanNode scan = plan.root();
        assertThat(scan.isSeqScan()).isTrue();
        assertThat(scan.relation()).isEqualTo("orders");
        assertThat(scan.schema()).isEqualTo("public");
        assertThat(scan.alias()).isEqualTo("o");
        assertThat(scan.parallelAware()).isFalse();
        assertThat(scan.filter()).isEqualTo("((o.status = 'paid'::text) AND (o.customer_id = 42))");
        assertThat(scan.rowsRemovedByFilter()).isPositive();
        assertThat(scan.sharedHitBlocks()).isNotNull();
        assertThat(plan.executionTimeMs()).isPositive();
        assertThat(scan.excerpt()).startsWith("Seq Scan on public.orders o (actual rows=")
                .endsWith("Filter: ((o.status = 'paid'::text) AND (o.customer_id = 42))");
    }

    @Test
    void aParallelSequentialScanUnderGather() throws Exception {
        PlanParser.Plan plan = plan("parallel-seq-scan");
        assertThat(plan.root().flatten()).extracting(PlanNode::nodeType)
                .containsExactly("Aggregate", "Gather", "Aggregate", "Seq Scan");
        PlanNode scan = seqScans(plan).get(0);
        assertThat(scan.parallelAware()).isTrue();
        assertThat(scan.excerpt()).startsWith("Parallel Seq Scan on public.orders");
    }

    @Test
    void partitionsAreScannedOneByOne() throws Exception {
        assertThat(seqScans(plan("partitions"))).extracting(n -> n.schema() + "." + n.relation())
                .containsExactly("app.events_a", "app.events_b");
    }

    @Test
    void spillsShowAsDiskSortsHashBatchesAndTempBlocks() throws Exception {
        PlanNode sort = plan("sort-spill").root();
        assertThat(sort.sortSpaceType()).isEqualTo("Disk");
        assertThat(sort.sortMethod()).isEqualTo("external merge");
        assertThat(sort.tempWrittenBlocks()).isPositive();
        assertThat(sort.excerpt()).contains("Sort Method: external merge Disk: ");

        PlanNode hash = plan("hash-spill").root().flatten().stream().filter(n -> "Hash".equals(n.nodeType()))
                .findFirst().orElseThrow();
        assertThat(hash.hashBatches()).isGreaterThan(1);
        assertThat(hash.excerpt()).contains("Batches: " + hash.hashBatches());
        assertThat(plan("index-scan").root().flatten()).noneMatch(n -> n.tempWrittenBlocks() != null
                && n.tempWrittenBlocks() > 0);
    }

    @Test
    void anIndexScanNamesItsIndex() throws Exception {
        PlanNode scan = plan("index-scan").root();
        assertThat(scan.usesIndex()).isTrue();
        assertThat(scan.indexName()).isEqualTo("orders_pkey");
        assertThat(scan.indexCondition()).isEqualTo("((orders.id >= 10) AND (orders.id <= 20))");
    }

    @Test
    void aDisabledNodeIsMarked() throws Exception {
        PlanParser.Plan plan = plan("disabled-seq-scan");
        assertThat(plan.root().isSeqScan()).isTrue();
        assertThat(plan.root().disabled()).isTrue();
        assertThat(plan.executionTimeMs()).as("EXPLAIN without ANALYZE").isNull();
        assertThat(plan.root().actualRows()).isNull();
        assertThat(plan.root().excerpt()).isEqualTo("Seq Scan on public.orders (rows=" + Math.round(plan.root().planRows())
                + ") Filter: (orders.status = 'paid'::text)");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> PlanParser.parse("[{\"QUERY PLAN\": 1}]")).hasMessage("not an EXPLAIN (FORMAT JSON) result");
    }
}
