package dev.dbcheck.benchmark;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.change.ChangeConfig;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTracer;
import dev.dbcheck.change.TheChange;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.RawXml;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.migrate.Project;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.synthetic.SyntheticData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Migration safety's trace against its floor, measured in the same run: (1) each statement of an unsafe change on
 * orders at 100,000 and 1,000,000 rows — the lock hold time the trace measured, against the same statement run by
 * hand in a bare transaction on the same data (the floor), and the hold times' growth with the rows; (2) the whole
 * trace pass on the example project (its last migration as the change, its own volumes): production applied, the
 * data loaded, the change traced — against the same by hand (the scripts over JDBC, the same generator, the
 * statements bare).
 */
final class MigrationSafetyBenchmark {

    static final String NAME = "safety";

    private MigrationSafetyBenchmark() {
    }

    static final String PRODUCTION = """
            CREATE TABLE orders (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL,
                status      text NOT NULL,
                quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
                total       numeric(12, 2) NOT NULL,
                note        text
            );
            """;

    static final List<String> CHANGE = List.of(
            "CREATE INDEX orders_status_idx ON orders (status)",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)",
            "ALTER TABLE orders ALTER COLUMN quantity TYPE bigint",
            "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()");

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.safetyRounds", 3);
        List<String> lines = new ArrayList<>();
        lines.add("Each statement its own migration (one transaction), traced on a fresh database at the volume, then "
                + "run by hand in a bare transaction on a second fresh database with the same data; " + rounds
                + " rounds, medians (min–max, n).");
        lines.add("");
        lines.add("| statement | rows | lock held, traced | statement alone, by hand | traced ÷ floor |");
        lines.add("|---|---|---|---|---|");
        Map<String, Double> heldAt100k = new java.util.LinkedHashMap<>();
        Map<String, Double> heldAt1m = new java.util.LinkedHashMap<>();
        try (ProvisionedDatabase server = BenchDatabase.start("18", Map.of())) {
            for (long rows : List.of(100_000L, 1_000_000L)) {
                Map<String, List<Double>> traced = new java.util.LinkedHashMap<>();
                Map<String, List<Double>> bare = new java.util.LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    DataSpec data = new DataSpec(Map.of("orders", rows), 1000, List.of(), 1.0);
                    ChangeTrace trace;
                    try (ProvisionedDatabase db = fresh(server, "trace_" + rows + "_" + round)) {
                        List<MigrationScript> change = new ArrayList<>();
                        for (int i = 0; i < CHANGE.size(); i++) {
                            change.add(new MigrationScript(Path.of("V" + (i + 2) + ".sql"), "V" + (i + 2) + ".sql",
                                    CHANGE.get(i) + ";\n"));
                        }
                        trace = new ChangeTracer(new ChangeConfig(true, ChangeConfig.AUTO, null,
                                Duration.ofMillis(500), data), List.of(), null, EngineLog.SILENT).trace(db,
                                new TheChange(List.of(new MigrationScript(Path.of("V1.sql"), "V1.sql", PRODUCTION)),
                                        change, "the benchmark"));
                    }
                    for (ChangeTrace.TracedStatement st : trace.statements()) {
                        double held = st.locks().stream().mapToDouble(l -> l.held().toNanos() / 1e6).max()
                                .orElse(st.time().toNanos() / 1e6);
                        traced.computeIfAbsent(st.sql(), k -> new ArrayList<>()).add(held);
                    }
                    try (ProvisionedDatabase db = fresh(server, "bare_" + rows + "_" + round);
                         Connection c = db.connect()) {
                        PlainSqlMigrator.execute(c, PRODUCTION, "V1.sql");
                        new SyntheticData(new SnapshotReader(List.of(), Set.of()).read(c), data, EngineLog.SILENT)
                                .keepingWal().load(c, db::connect);
                        c.setAutoCommit(false);
                        try (Statement s = c.createStatement()) {
                            for (String sql : CHANGE) {
                                long start = System.nanoTime();
                                s.execute(sql);
                                c.commit();
                                bare.computeIfAbsent(sql, k -> new ArrayList<>()).add((System.nanoTime() - start)
                                        / 1e6);
                            }
                        }
                    }
                }
                for (String sql : CHANGE) {
                    Stats t = new Stats(traced.get(sql));
                    Stats b = new Stats(bare.get(sql));
                    (rows == 100_000L ? heldAt100k : heldAt1m).put(sql, t.median());
                    lines.add(String.format(Locale.ROOT, "| `%s` | %,d | %s | %s | %.2f× |", sql, rows, t, b,
                            t.median() / b.median()));
                }
            }
        }
        lines.add("");
        lines.add("Growth with the rows (hold time at 1,000,000 ÷ at 100,000): " + String.join(", ",
                CHANGE.stream().map(sql -> String.format(Locale.ROOT, "`%s` %.1f×", sql.split(" ")[0] + " "
                        + sql.split(" ")[1] + (sql.contains("TYPE") ? " … TYPE" : sql.contains("CHECK") ? " … CHECK"
                        : sql.contains("DEFAULT") ? " … DEFAULT" : ""), heldAt1m.get(sql) / heldAt100k.get(sql)))
                        .toList()) + ".");
        lines.add("");
        lines.addAll(examplePass(rounds));
        return lines;
    }

    /** The whole trace pass on the example project, its last migration the change, against the same by hand. */
    private static List<String> examplePass(int rounds) throws Exception {
        Path example = Path.of("../example-project");
        String pom = Files.readString(example.resolve("pom.xml"), StandardCharsets.UTF_8);
        String dashboards = pom.substring(pom.indexOf("<dashboards>"), pom.indexOf("</dashboards>")
                + "</dashboards>".length());
        DataSpec data = DbcheckConfig.builder(example).set("dashboards", RawXml.parse(dashboards)).build()
                .migrationSafety().data();
        List<MigrationScript> scripts = new FlywayMigrator(MigrationSettings.flyway(
                List.of(FlywayMigrator.DEFAULT_LOCATION), List.of(), Map.of()), Project.at(example)).scripts();
        List<MigrationScript> production = scripts.subList(0, scripts.size() - 1);
        List<MigrationScript> change = scripts.subList(scripts.size() - 1, scripts.size());
        List<Double> traced = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        long rows = 0;
        try (ProvisionedDatabase server = BenchDatabase.start("18", Map.of())) {
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                try (ProvisionedDatabase db = fresh(server, "example_trace_" + round)) {
                    ChangeTrace trace = new ChangeTracer(new ChangeConfig(true, ChangeConfig.AUTO, null,
                            Duration.ofMillis(500), data), List.of(), null, EngineLog.SILENT).trace(db,
                            new TheChange(production, change, "the benchmark"));
                    rows = trace.rows().values().stream().mapToLong(Long::longValue).sum();
                }
                traced.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                try (ProvisionedDatabase db = fresh(server, "example_bare_" + round); Connection c = db.connect()) {
                    PlainSqlMigrator.apply(c, production, null, EngineLog.SILENT);
                    DataSpec whole = new DataSpec(data.volumes(), data.defaultRows(), data.columns(), 1.0);
                    new SyntheticData(new SnapshotReader(List.of(), Set.of()).read(c), whole, EngineLog.SILENT)
                            .keepingWal().load(c, db::connect);
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        for (SqlStatement st : SqlScanner.split(change.get(0).content())) {
                            s.execute(st.text());
                        }
                    }
                    c.commit();
                }
                bare.add((System.nanoTime() - start) / 1e6);
            }
        }
        Stats t = new Stats(traced);
        Stats b = new Stats(bare);
        return List.of("The trace pass on the example project (V1–V6 production, " + change.get(0).file().getFileName()
                        + " the change, the pom's volumes: " + String.format(Locale.ROOT, "%,d", rows) + " rows), "
                        + "each on a fresh database of one server:",
                "",
                "| pass | time |",
                "|---|---|",
                "| the trace (production applied, data loaded, the change traced) | " + t + " |",
                "| the floor: the same scripts over JDBC, the same generator, the change bare | " + b + " |",
                String.format(Locale.ROOT, "| trace ÷ floor | %.2f× |", t.median() / b.median()));
    }

    /** A new database of the server, as a provisioned database that drops it on close. */
    private static ProvisionedDatabase fresh(ProvisionedDatabase server, String name) throws Exception {
        BenchDatabase.execute(server, "CREATE DATABASE " + name);
        return new ProvisionedDatabase() {
            @Override
            public String jdbcUrl() {
                return BenchDatabase.jdbcUrl(server, name);
            }

            @Override
            public String user() {
                return server.user();
            }

            @Override
            public String password() {
                return server.password();
            }

            @Override
            public String description() {
                return "database " + name;
            }

            @Override
            public void close() {
                try {
                    BenchDatabase.execute(server, "DROP DATABASE " + name + " WITH (FORCE)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
