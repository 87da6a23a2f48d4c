package dev.dbcheck.dashboard;

import dev.dbcheck.engine.DbcheckException;
import dev.dbcheck.engine.EngineLog;
import dev.dbcheck.engine.PhaseTimings;
import dev.dbcheck.migration.PlainSqlMigrator;
import dev.dbcheck.rule.BuiltInRules;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleEngine;
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
        return new DashboardConfig(null, List.of(), Map.of("customers", 5000L, "orders", 50000L), 100, List.of(),
                1.0, workMem, 0, 3, timeout, mode);
    }

    private static List<String> findings(DashboardResults results, Map<String, RuleSettings> settings) {
        List<String> lines = new ArrayList<>();
        for (Finding f : new RuleEngine(List.of(), settings, List.of()).runPlans(results, BuiltInRules.planRules())) {
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
                    "unused-index public.orders_note_idx on public.orders(note)");
            Finding scan = new RuleEngine(List.of(), Map.of(), List.of()).runPlans(results, BuiltInRules.planRules())
                    .stream().filter(f -> f.ruleId().equals("seq-scan-on-large-table")).findFirst().orElseThrow();
            assertThat(scan.message()).contains("(50,000 rows at the declared volume, threshold 10,000)")
                    .contains("Seq Scan on public.orders o").doesNotContain("Index Scan");
            assertThat(scan.fix()).isEqualTo("CREATE INDEX CONCURRENTLY orders_status_total_idx ON public.orders "
                    + "(status, total);");
            // With the production work_mem and generous budgets nothing spills and nothing is slow.
            DashboardResults roomy = new Dashboards(new DashboardConfig(null, List.of(), Map.of("customers", 5000L,
                    "orders", 50000L), 100, List.of(), 1.0, "64MB", 0, 1, Duration.ofMinutes(1),
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
            List<Finding> found = new RuleEngine(List.of(), Map.of(), List.of()).runPlans(results,
                    BuiltInRules.planRules());
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
}
