package dev.dbcheck.report;

import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.dashboard.QueryFiles;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.place.Suppressions;
import dev.dbcheck.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed project run through the engine on real PostgreSQL, the way dbcheck:verify runs it: a migration with
 * findings in several categories and one suppression, and two dashboard queries on synthetic data (one scanning a
 * large table sequentially, one served by an index).
 */
final class ReportFixture {

    static final String MIGRATION_PATH = "src/main/resources/db/migration/V1__shop.sql";

    static final String MIGRATION = String.join("\n",
            "CREATE TABLE customers (",
            "    id     serial PRIMARY KEY,",
            "    email  text NOT NULL,",
            "    phone1 text,",
            "    phone2 text,",
            "    phone3 text",
            ");",
            "",
            "CREATE TABLE orders (",
            "    id          uuid PRIMARY KEY DEFAULT uuidv7(),",
            "    customer_id integer NOT NULL REFERENCES customers (id),",
            "    status      text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),",
            "    total       numeric(12, 2) NOT NULL,",
            "    created_at  timestamptz NOT NULL,",
            "    payload     json,",
            "    -- dbcheck:ignore json-column: the webhook's signed body, kept byte for byte",
            "    raw_body    json",
            ");",
            "",
            "CREATE INDEX orders_created_at_idx ON orders (created_at);",
            "");

    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("paid_orders", "-- name: paid_orders\n"
                + "-- Orders waiting to ship: \"paid\" & not yet shipped <status>.\n"
                + "SELECT id, total\nFROM orders\nWHERE status = 'paid'\n");
        // a whole day inside the generated range (the last two years up to today): the same rows at any hour
        // a fixed date in a fixed range: the parameter's value is in the plan, and the golden files stay the same
        QUERIES.put("recent_orders", "-- param $1 = date '2026-03-01'\n"
                + "SELECT id, total\nFROM orders\nWHERE created_at >= $1 AND created_at < $1 + 1\n");
    }

    private ReportFixture() {
    }

    /** The run, with the migration shifted down by {@code blankLines} lines (positions move, identities don't). */
    static RunResult run(int blankLines) throws Exception {
        String migration = "\n".repeat(blankLines) + MIGRATION;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, migration, MIGRATION_PATH);
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            PhaseTimings timings = new PhaseTimings();
            Linter linter = new Linter(Map.of(), List.of(), List.of(), metadata());
            List<Finding> findings = new ArrayList<>(timings.time("rules", () -> linter.findings(c, snapshot, List.of())));
            List<DashboardQuery> queries = new ArrayList<>();
            List<MigrationScript> sources = new ArrayList<>();
            sources.add(new MigrationScript(Path.of(MIGRATION_PATH), MIGRATION_PATH, migration));
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                String path = "src/main/dashboards/" + q.getKey() + ".sql";
                queries.add(QueryFiles.parse(path, q.getValue(), q.getKey()));
                sources.add(new MigrationScript(Path.of(path), path, q.getValue()));
            }
            DashboardConfig config = new DashboardConfig(null, List.of(), new DataSpec(Map.of("customers", 2000L, "orders",
                    20_000L), 100, List.of(new dev.dbcheck.synthetic.ColumnSpec("orders", "created_at", null, null,
                    null, "2026-01-01", "2026-07-01", List.of(), null)), 1.0), "4MB", 0, 1, Duration.ofMinutes(1), DashboardConfig.Mode.FULL);
            DashboardResults dashboards = new Dashboards(config, Path.of(".")).run(c, snapshot, queries, timings,
                    EngineLog.SILENT);
            findings.addAll(linter.planFindings(dashboards));
            Suppressions.Outcome outcome = linter.place(findings, snapshot, sources);
            List<Finding> sorted = new ArrayList<>(outcome.findings());
            RuleRunner.sort(sorted);
            return new RunResult(sorted, outcome.suppressed(), List.of(), List.of(), snapshot, timings,
                    "PostgreSQL (the test server)", Severity.ERROR, metadata(), dashboards);
        }
    }

    static Map<String, RuleMetadata> metadata() {
        Map<String, RuleMetadata> all = new LinkedHashMap<>();
        for (RuleMetadata m : RuleCatalog.all()) {
            if (m.defaultSeverity() != Severity.OFF) {
                all.put(m.id(), m);
            }
        }
        return all;
    }
}
