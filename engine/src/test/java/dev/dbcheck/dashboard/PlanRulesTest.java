package dev.dbcheck.dashboard;

import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every plan rule on real PostgreSQL with synthetic data: reported where it should be, and only there. */
class PlanRulesTest {

    static final String SCHEMA = String.join("\n",
            "CREATE TABLE customers (id uuid PRIMARY KEY DEFAULT uuidv7(), email text NOT NULL UNIQUE, region text NOT NULL);",
            "CREATE TABLE orders (",
            "    id uuid PRIMARY KEY DEFAULT uuidv7(),",
            "    customer_id uuid NOT NULL REFERENCES customers (id),",
            "    status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),",
            "    total numeric(12, 2) NOT NULL CHECK (total >= 0),",
            "    created_at timestamptz NOT NULL,",
            "    note text);",
            "CREATE INDEX orders_customer_id_idx ON orders (customer_id);",
            "CREATE INDEX orders_created_at_idx ON orders (created_at);",
            "CREATE INDEX orders_note_idx ON orders (note);",
            "CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL);");

    static DashboardQuery query(String file, String text) throws DbcheckException {
        return QueryFiles.parse("dashboards/" + file, text, file.replace(".sql", ""));
    }

    static List<DashboardQuery> queries() throws DbcheckException {
        return List.of(
                query("recent_orders.sql", "-- param $1 = now() - interval '7 days'\n"
                        + "SELECT id, total FROM orders WHERE created_at >= $1"),
                query("paid_by_status.sql", "SELECT count(*)\nFROM orders o\nWHERE o.status = 'paid' AND o.total > 100"),
                query("all_totals.sql", "-- allow-seq-scan: orders  the yearly report reads every order\n"
                        + "SELECT sum(total) FROM orders"),
                query("sorted_orders.sql", "-- allow-seq-scan: orders  sorting is the point here\n"
                        + "SELECT * FROM orders ORDER BY total, note"),
                query("slow_report.sql", "-- budget: 1ms\n-- allow-seq-scan: orders  measured for its time only\n"
                        + "SELECT status, count(*), sum(total) FROM orders GROUP BY status"),
                query("region_names.sql", "SELECT name FROM regions WHERE code = 'EU'"));
    }

    static DashboardConfig config(DashboardConfig.Mode mode, String workMem, Duration timeout) {
        return new DashboardConfig(null, List.of(), new DataSpec(Map.of("customers", 5000L, "orders", 50000L), 100, List.of(), 1.0), workMem, 0, 3, timeout, mode);
    }

    private static List<String> findings(DashboardResults results, Map<String, RuleSettings> settings) {
        List<String> lines = new ArrayList<>();
        for (Finding f : RuleCatalog.checkPlans(results, settings)) {
            lines.add(f.ruleId() + " " + f.object().display() + (f.position() == null ? "" : " @" + f.position()));
        }
        return lines;
    }

    @Test
    void fullModeReportsScansSpillsBudgetsAndUnusedIndexes() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            DashboardResults results = new Dashboards(config(DashboardConfig.Mode.FULL, "64kB", Duration.ofMinutes(1)),
                    java.nio.file.Path.of(".")).run(c, schema, queries(), new PhaseTimings(), EngineLog.SILENT);
            assertThat(results.results()).allSatisfy(r -> assertThat(r.timesMs()).hasSize(3));
            List<String> found = findings(results, Map.of(
                    "index-budget-exceeded", new RuleSettings(null, Map.of("totalSize", "1kB", "indexesPerTable", "3"),
                            List.of(), List.of())));
            assertThat(found).containsExactlyInAnyOrder(
                    "seq-scan-on-large-table query paid_by_status → public.orders @dashboards/paid_by_status.sql:2",
                    "temp-spill query sorted_orders → Sort @dashboards/sorted_orders.sql:2",
                    "query-time-budget query slow_report @dashboards/slow_report.sql:3",
                    "index-budget-exceeded all indexes",
                    "index-budget-exceeded public.orders",
                    "unused-index public.orders_note_idx on public.orders(note)",
                    // regions has 100 generated codes: 'EU' is none of them
                    "query-matches-no-rows query region_names → regions @dashboards/region_names.sql:1");
            Finding scan = RuleCatalog.checkPlans(results, Map.of())
                    .stream().filter(f -> f.ruleId().equals("seq-scan-on-large-table")).findFirst().orElseThrow();
            assertThat(scan.message()).contains("(50,000 rows at the declared volume, threshold 10,000)")
                    .contains("Seq Scan on public.orders o").doesNotContain("Index Scan");
            assertThat(scan.fixText()).isEqualTo("CREATE INDEX CONCURRENTLY orders_status_total_idx ON public.orders "
                    + "(status, total);");
            // With the production work_mem and generous budgets nothing spills and nothing is slow.
            DashboardResults roomy = new Dashboards(new DashboardConfig(null, List.of(), new DataSpec(Map.of("customers", 5000L,
                    "orders", 50000L), 100, List.of(), 1.0), "64MB", 0, 1, Duration.ofMinutes(1),
                    DashboardConfig.Mode.FULL), java.nio.file.Path.of("."))
                    .run(c, schema, queries().subList(0, 4), new PhaseTimings(), EngineLog.SILENT);
            assertThat(findings(roomy, Map.of("unused-index", RuleSettings.DEFAULTS)))
                    .noneMatch(f -> f.startsWith("temp-spill") || f.startsWith("query-time-budget"));
        }
    }

    @Test
    void fastModeFindsAccessesNoIndexCanServe() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            DashboardResults results = new Dashboards(config(DashboardConfig.Mode.FAST, "4MB", Duration.ofMinutes(1)),
                    java.nio.file.Path.of(".")).run(c, schema, queries(), new PhaseTimings(), EngineLog.SILENT);
            assertThat(results.stats()).as("nothing loaded").isEmpty();
            assertThat(findings(results, Map.of())).containsExactly(
                    "no-usable-index query paid_by_status → public.orders @dashboards/paid_by_status.sql:2");
        }
    }

    @Test
    void aQueryRunningPastTheTimeoutIsCancelledAndReported() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            DashboardResults results = new Dashboards(config(DashboardConfig.Mode.FULL, "4MB", Duration.ofMillis(300)),
                    java.nio.file.Path.of(".")).run(c, schema, List.of(query("forever.sql", "SELECT pg_sleep(30)")),
                    new PhaseTimings(), EngineLog.SILENT);
            assertThat(results.results().get(0).timedOut()).isTrue();
            List<Finding> found = RuleCatalog.checkPlans(results, Map.of());
            assertThat(found).extracting(Finding::message).containsExactly(
                    "query forever did not finish within the query timeout (0 s) and was cancelled");
        }
    }

    @Test
    void aBrokenQueryFailsWithItsFileAndLineBeforeAnyDataIsLoaded() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Dashboards dashboards = new Dashboards(config(DashboardConfig.Mode.FULL, "4MB", Duration.ofMinutes(1)),
                    java.nio.file.Path.of("."));
            assertThatThrownBy(() -> dashboards.run(c, schema, List.of(query("typo.sql",
                    "-- name: typo\nSELECT id\nFROM orders\nWHER status = 'paid'")), new PhaseTimings(), EngineLog.SILENT))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("dashboards/typo.sql:4: ERROR: syntax error at or near \"status\" (dashboard query typo)");
            assertThatThrownBy(() -> dashboards.run(c, schema, List.of(query("missing.sql",
                    "SELECT *\nFROM shipments")), new PhaseTimings(), EngineLog.SILENT))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("dashboards/missing.sql:2: ERROR: relation \"shipments\" does not exist (dashboard query "
                            + "missing)");
            assertThat(SyntheticDataTest.number(c, "SELECT count(*) FROM orders")).as("nothing loaded").isZero();
            assertThatThrownBy(() -> query("unbound.sql", "SELECT * FROM orders\nWHERE total > $1 AND status = $2"))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("dashboards/unbound.sql:2: parameter $1 has no value; declare one before the query: "
                            + "-- param $1 = <SQL expression>");
        }
    }

    @Test
    void expectedIndexesAreCheckedInBothModesAndTheBudgetHoldsAtItsDefaults() throws Exception {
        List<DashboardQuery> queries = List.of(
                query("by_customer.sql", "-- expect-index: orders_customer_id_idx\n"
                        + "-- param $1 = (SELECT id FROM customers ORDER BY email LIMIT 1)\n"
                        + "SELECT id FROM orders WHERE customer_id = $1"),
                query("by_cast.sql", "-- expect-index: orders_customer_id_idx\n-- allow-seq-scan: orders  the bug\n"
                        + "SELECT id FROM orders WHERE customer_id::text = 'x'"),
                query("renamed.sql", "-- expect-index: orders_customer_idx\n"
                        + "SELECT id FROM orders WHERE created_at > now() - interval '1 day'"));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            for (DashboardConfig.Mode mode : DashboardConfig.Mode.values()) {
                DashboardResults results = new Dashboards(config(mode, "4MB", Duration.ofMinutes(1)),
                        java.nio.file.Path.of(".")).run(c, schema, queries, new PhaseTimings(), EngineLog.SILENT);
                List<Finding> found = RuleCatalog.checkPlans(results, Map.of());
                assertThat(found).filteredOn(f -> f.ruleId().equals("expected-index-not-used"))
                        .as("in %s mode", mode).extracting(f -> f.object().display() + ": " + f.message())
                        .satisfiesExactlyInAnyOrder(
                                m -> assertThat(m).startsWith("query by_cast → orders_customer_id_idx: query by_cast "
                                        + "expects index orders_customer_id_idx but its plan uses no index: Seq Scan on "
                                        + "public.orders"),
                                m -> assertThat(m).isEqualTo("query renamed → orders_customer_idx: query renamed "
                                        + "expects index orders_customer_idx, which does not exist after the "
                                        + "migrations"));
                assertThat(found).as("2 GB and 10 indexes per table are far away").noneMatch(f -> f.ruleId()
                        .equals("index-budget-exceeded"));
            }
        }
    }

    @Test
    void aQueryThatModifiesDataChangesNothing() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            DashboardResults results = new Dashboards(config(DashboardConfig.Mode.FULL, "4MB", Duration.ofMinutes(1)),
                    java.nio.file.Path.of(".")).run(c, schema, List.of(query("close.sql",
                            "-- allow-seq-scan: orders  a batch job\nUPDATE orders SET note = 'closed'"),
                    query("purge.sql", "-- allow-seq-scan: orders  a batch job\nDELETE FROM orders")),
                    new PhaseTimings(), EngineLog.SILENT);
            assertThat(results.results()).allSatisfy(r -> assertThat(r.plan().root().nodeType()).isIn("ModifyTable"));
            assertThat(SyntheticDataTest.number(c, "SELECT count(*) FROM orders")).isEqualTo(50_000);
            assertThat(SyntheticDataTest.number(c, "SELECT count(*) FROM orders WHERE note = 'closed'")).isZero();
        }
    }

    @Test
    void scansOfPartitionsCountForTheirPartitionedTable() throws Exception {
        String schemaSql = String.join("\n",
                "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at timestamptz NOT NULL, kind text NOT NULL,",
                "    PRIMARY KEY (id, at)) PARTITION BY RANGE (at);",
                "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');",
                "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
                "CREATE INDEX events_at_idx ON events (at);");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, schemaSql, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            // 16,000 rows in all, about 8,000 per partition: only the partitioned table is over the threshold
            DashboardResults results = new Dashboards(new DashboardConfig(null, List.of(), new DataSpec(Map.of("events", 16_000L), 100, List.of(), 1.0), "4MB", 0, 1, Duration.ofMinutes(1), DashboardConfig.Mode.FULL),
                    java.nio.file.Path.of(".")).run(c, schema, List.of(
                            query("by_kind.sql", "SELECT count(*) FROM events WHERE kind = 'click'"),
                            query("recent.sql", "-- expect-index: events_at_idx\n"
                                    + "SELECT count(*) FROM events WHERE at >= '2026-06-01' AND at < '2026-06-02'")),
                    new PhaseTimings(), EngineLog.SILENT);
            List<Finding> found = RuleCatalog.checkPlans(results, Map.of());
            assertThat(found).extracting(f -> f.ruleId() + " " + f.object().display()).containsExactlyInAnyOrder(
                    "seq-scan-on-large-table query by_kind → public.events",
                    // no generated kind is 'click': reported on the partitioned table, not on a partition
                    "query-matches-no-rows query by_kind → events");
            assertThat(found.stream().filter(f -> f.ruleId().equals("seq-scan-on-large-table")).findFirst()
                    .orElseThrow().message()).contains("(16,000 rows at the declared volume").contains("events_2025")
                    .contains("events_2026");
            assertThat(results.budget()).extracting(b -> b.table().toString() + " " + b.rows())
                    .containsExactly("public.events 16000");
        }
    }

    /**
     * The docs' own pattern, {@code -- param $1 = (SELECT ... LIMIT 1)}: the subquery gives a sample value, once,
     * and is never judged — neither its sequential scan in full mode nor in fast mode, where the parameter stays a
     * parameter (a generic plan, as a client's prepared statement gets).
     */
    @Test
    void aParameterIsEvaluatedOnceAndItsExpressionIsNeverJudged() throws Exception {
        DashboardQuery byCustomer = query("customer_orders.sql", "-- name: orders of one customer\n"
                + "-- param $1 = (SELECT customer_id FROM orders ORDER BY total DESC LIMIT 1)\n"
                + "SELECT id, total\nFROM orders\nWHERE customer_id = $1");
        assertThat(byCustomer.parameters()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
        for (DashboardConfig.Mode mode : DashboardConfig.Mode.values()) {
            try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
                SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
                DashboardResults results = new Dashboards(config(mode, "4MB", Duration.ofMinutes(1)),
                        java.nio.file.Path.of(".")).run(c, schema, List.of(byCustomer), new PhaseTimings(),
                        EngineLog.SILENT);
                QueryResult result = results.results().get(0);
                List<PlanNode> nodes = result.plan().root().flatten();
                assertThat(nodes).as(mode + ": only orders is read, by customer_id")
                        .filteredOn(n -> n.relation() != null).extracting(PlanNode::relation).containsOnly("orders");
                assertThat(nodes).extracting(PlanNode::indexName).contains("orders_customer_id_idx");
                assertThat(result.query().sql()).as(mode.toString()).doesNotContain("SELECT customer_id")
                        .contains(mode == DashboardConfig.Mode.FULL ? "WHERE customer_id = '" : "WHERE customer_id = $1");
                assertThat(findings(results, Map.of())).as(mode + ": nothing judged of the subquery")
                        .noneMatch(f -> !f.startsWith("unused-index "));
                if (mode == DashboardConfig.Mode.FULL) {
                    assertThat(result.plan().root().actualRows()).as("the value is a real customer's").isPositive();
                }
            }
        }
    }

    @Test
    void aParameterThatFailsNamesItsLine() throws Exception {
        DashboardQuery broken = query("broken_param.sql", "-- name: broken\n-- param $1 = (SELECT nope FROM orders LIMIT 1)\n"
                + "SELECT id FROM orders WHERE customer_id = $1");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            assertThatThrownBy(() -> new Dashboards(config(DashboardConfig.Mode.FULL, "4MB", Duration.ofMinutes(1)),
                    java.nio.file.Path.of(".")).run(c, schema, List.of(broken), new PhaseTimings(), EngineLog.SILENT))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("dashboards/broken_param.sql:2: parameter $1 = (SELECT nope FROM orders LIMIT 1): "
                            + "ERROR: column \"nope\" does not exist (dashboard query broken)");
        }
    }

    @Test
    void twoQueriesCannotShareAName() {
        DashboardConfig config = new DashboardConfig(null, List.of(new DashboardQuery("recent_orders", "pom.xml", 1,
                "SELECT 1", null, Map.of(), List.of())), new DataSpec(Map.of(), 100, List.of(), 1.0), "4MB", 0, 1,
                Duration.ofMinutes(1), DashboardConfig.Mode.FULL);
        java.nio.file.Path dir = java.nio.file.Path.of("target/dashboards-duplicate");
        assertThatThrownBy(() -> {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("recent_orders.sql"), "SELECT 2");
            new Dashboards(new DashboardConfig(dir, config.queries(), new DataSpec(Map.of(), 100, List.of(), 1.0), "4MB", 0, 1,
                    Duration.ofMinutes(1), DashboardConfig.Mode.FULL), java.nio.file.Path.of(".")).queries();
        }).isInstanceOf(DbcheckException.class)
                .hasMessage("pom.xml:1: dashboard query name 'recent_orders' is already used by "
                        + "target/dashboards-duplicate/recent_orders.sql:1; give one of them another -- name:");
    }

    @Test
    void aPartialLoadIsProjectedToTheDeclaredVolume() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            // a quarter of 40,000 orders: 10,000 rows loaded, below the threshold; 40,000 declared, above it
            DashboardResults results = new Dashboards(new DashboardConfig(null, List.of(), new DataSpec(Map.of("customers", 2000L,
                    "orders", 40_000L), 100, List.of(), 0.25), "4MB", 0, 1, Duration.ofMinutes(1),
                    DashboardConfig.Mode.FULL), java.nio.file.Path.of("."))
                    .run(c, schema, List.of(queries().get(1)), new PhaseTimings(), EngineLog.SILENT);
            assertThat(SyntheticDataTest.number(c, "SELECT count(*) FROM orders")).isEqualTo(10_000);
            DashboardResults.BudgetRow orders = results.budget().stream()
                    .filter(b -> b.table().name().equals("orders")).findFirst().orElseThrow();
            assertThat(orders.rows()).isEqualTo(10_000);
            assertThat(orders.scale()).isEqualTo(4.0);
            assertThat(orders.projectedIndexBytes()).isEqualTo(4 * orders.indexBytes());
            List<Finding> found = RuleCatalog.checkPlans(results, Map.of());
            assertThat(found).filteredOn(f -> f.ruleId().equals("seq-scan-on-large-table")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("(40,000 rows at the declared volume"));
            List<Finding> tight = RuleCatalog.checkPlans(results, Map.of("index-budget-exceeded", new RuleSettings(null,
                    Map.of("totalSize", "1MB"), List.of(), List.of())));
            assertThat(tight).filteredOn(f -> f.ruleId().equals("index-budget-exceeded")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("(projected from a 25% load)"));
        }
    }
}
