package dev.dbcheck.benchmark;

import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * dbcheck's synthetic data generator against the baseline it must keep up with: hand-written
 * {@code INSERT ... SELECT ... generate_series} SQL for the same tables (the example project's schema, with all its
 * indexes and constraints), the same volumes and the same distributions, in the same server and the same run.
 * The two alternate for a few rounds on fresh copies of the migrated database; the best round of each counts.
 * Both end with the tables vacuumed and analyzed and the materialized views refreshed; the time is from the first
 * INSERT to that point. Reported: rows/s of each, their ratio (target ≥ 0.9), the JVM heap the generator needed and the peak memory
 * of the PostgreSQL backend that ran the load.
 */
final class GeneratorBenchmark {

    static final String NAME = "generator";
    static final Path MIGRATIONS = Path.of("../example-project/src/main/resources/db/migration");

    /** The example project's declared volumes, scaled by -Dbenchmark.scale (default 1). */
    static Map<String, Long> volumes(double scale) {
        Map<String, Long> volumes = new LinkedHashMap<>();
        volumes.put("users", Math.round(100_000 * scale));
        volumes.put("products", Math.round(20_000 * scale));
        volumes.put("inventory", Math.round(20_000 * scale));
        volumes.put("orders", Math.round(1_000_000 * scale));
        volumes.put("order_items", Math.round(2_500_000 * scale));
        volumes.put("audit_logs", Math.round(50_000 * scale));
        return volumes;
    }

    /** The distributions the hand-written script hard-codes, declared the way the example project's pom does. */
    static List<ColumnSpec> columns() {
        return List.of(
                new ColumnSpec("orders", "status", null, null, null, null, null, List.of(
                        new ColumnSpec.Weighted("delivered", 70), new ColumnSpec.Weighted("shipped", 10),
                        new ColumnSpec.Weighted("paid", 10), new ColumnSpec.Weighted("pending", 10)), null),
                new ColumnSpec("orders", "total_amount", null, null, null, "5", "800", List.of(), null),
                new ColumnSpec("products", "price", null, null, null, "5", "500", List.of(), null),
                new ColumnSpec("products", "category", null, null, null, null, null, List.of(
                        new ColumnSpec.Weighted("apparel", 40), new ColumnSpec.Weighted("electronics", 20),
                        new ColumnSpec.Weighted("home", 20), new ColumnSpec.Weighted("books", 20)), null),
                new ColumnSpec("products", "metadata", null, null, null, null, null, List.of(),
                        "{\"material\": [\"organic cotton\", \"cotton\", \"polyester\", \"wool\", \"linen\"], "
                                + "\"type\": [\"shirt\", \"trousers\", \"dress\", \"jacket\", \"laptop\", \"lamp\"], "
                                + "\"fit\": [\"slim\", \"regular\"]}"),
                new ColumnSpec("order_items", "quantity", null, null, null, "1", "5", List.of(), null));
    }

    /** -Dbenchmark.verbose=true: the generator's progress and SQL on stderr. */
    private static final EngineLog VERBOSE = EngineLog.printingTo(System.err);

    record Round(String method, long rows, Duration time, long backendPeakKb, long heapPeakBytes) {
        double rowsPerSecond() {
            return rows / (time.toNanos() / 1e9);
        }
    }

    static List<String> run() throws Exception {
        double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1"));
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        Map<String, Long> volumes = volumes(scale);
        List<String> lines = new ArrayList<>();
        try (ProvisionedDatabase db = BenchDatabase.start("18", Map.of())) {
            String template = "bench_template";
            BenchDatabase.execute(db, "CREATE DATABASE " + template);
            try (Connection c = BenchDatabase.connect(db, template)) {
                for (Path script : migrations()) {
                    PlainSqlMigrator.execute(c, Files.readString(script, StandardCharsets.UTF_8),
                            script.getFileName().toString());
                }
            }
            List<Round> handwritten = new ArrayList<>();
            List<Round> deferred = new ArrayList<>();
            List<Round> floors = new ArrayList<>();
            List<Round> generated = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                handwritten.add(handwritten(db, template, "hand_" + round, volumes, false));
                deferred.add(handwritten(db, template, "deferred_" + round, volumes, true));
                floors.add(floor(db, template, "floor_" + round, volumes));
                generated.add(generated(db, template, "gen_" + round, volumes));
            }
            Round hand = best(handwritten);
            Round strict = best(deferred);
            Round floor = best(floors);
            Round gen = best(generated);
            LintPathBenchmark.handwrittenLoadMs = hand.time().toNanos() / 1e6;
            LintPathBenchmark.floorLoadMs = floor.time().toNanos() / 1e6;
            lines.add(String.format(Locale.ROOT, "Tables of example-project at %s: %s", scale == 1 ? "its declared "
                    + "volumes" : "× " + scale + " its declared volumes", volumes));
            lines.add(String.format(Locale.ROOT, "%-38s %12s %10s %12s %14s %12s", "method", "rows", "time",
                    "rows/s", "backend peak", "JVM heap"));
            for (Round r : List.of(hand, strict, floor, gen)) {
                lines.add(String.format(Locale.ROOT, "%-38s %,12d %9.1fs %,12.0f %11.0f MB %12s", r.method(),
                        r.rows(), r.time().toNanos() / 1e9, r.rowsPerSecond(), r.backendPeakKb() / 1024.0,
                        r.heapPeakBytes() == 0 ? "-" : String.format(Locale.ROOT, "%.1f MB",
                                r.heapPeakBytes() / 1048576.0)));
            }
            lines.add(String.format(Locale.ROOT, "Ratio (dbcheck rows/s ÷ hand-written rows/s): %.2f (target ≥ 0.90)",
                    gen.rowsPerSecond() / hand.rowsPerSecond()));
            lines.add(String.format(Locale.ROOT, "Ratio against hand-written SQL that also builds its secondary indexes "
                    + "after the load (dbcheck's own technique): %.2f", gen.rowsPerSecond() / strict.rowsPerSecond()));
            lines.add(String.format(Locale.ROOT, "Ratio against the floor (unlogged tables, keys from row numbers, "
                    + "indexes after the load, a session per table, %d cores): %.2f (goal ≥ 0.80)", CORES,
                    gen.rowsPerSecond() / floor.rowsPerSecond()));
            lines.add("All rounds (s): hand-written " + times(handwritten) + "; hand-written, indexes after "
                    + times(deferred) + "; floor " + times(floors) + "; dbcheck " + times(generated));
        }
        return lines;
    }

    private static Round best(List<Round> rounds) {
        return rounds.stream().min((a, b) -> a.time().compareTo(b.time())).orElseThrow();
    }

    private static String times(List<Round> rounds) {
        return rounds.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.time().toNanos() / 1e9)).toList()
                .toString();
    }

    /**
     * The hand-written script. With {@code deferIndexes}, it first drops the secondary indexes dbcheck also defers
     * (not unique, not behind a constraint) and builds them after its inserts, with the same settings.
     */
    private static Round handwritten(ProvisionedDatabase db, String template, String name, Map<String, Long> volumes,
                                     boolean deferIndexes) throws Exception {
        BenchDatabase.execute(db, "CREATE DATABASE " + name + " TEMPLATE " + template);
        String script = script("/handwritten-load.sql", volumes);
        try (Connection c = BenchDatabase.connect(db, name); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            List<String> definitions = new ArrayList<>();
            List<String> drops = new ArrayList<>();
            if (deferIndexes) {
                secondaryIndexes(s, drops, definitions);
            }
            long start = System.nanoTime();
            for (String drop : drops) {
                s.execute(drop);
            }
            for (String statement : script.split("\n--;\n")) {
                s.execute(statement);
            }
            if (deferIndexes) {
                s.execute("SET maintenance_work_mem = '256MB'");
                s.execute("SET max_parallel_maintenance_workers = 2");
                for (String definition : definitions) {
                    s.execute(definition);
                }
            }
            readyForQueries(s, volumes);
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            long rows = rows(s, volumes.keySet());
            long peak = backendPeakKb(s);
            BenchDatabase.execute(db, "DROP DATABASE " + name + " WITH (FORCE)");
            return new Round(deferIndexes ? "hand-written, indexes after the load" : "hand-written INSERT ... SELECT",
                    rows, time, peak, 0);
        }
    }

    /** A load script of this module's resources with its {@code :table} placeholders replaced by the volumes. */
    private static String script(String resource, Map<String, Long> volumes) throws Exception {
        String script;
        try (InputStream in = GeneratorBenchmark.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, Long> v : volumes.entrySet()) {
            script = script.replace(":" + v.getKey(), Long.toString(v.getValue()));
        }
        return script;
    }

    /** The secondary indexes dbcheck defers (not unique, not behind a constraint): their DROPs and definitions. */
    private static void secondaryIndexes(Statement s, List<String> drops, List<String> definitions) throws Exception {
        try (ResultSet rs = s.executeQuery("""
                SELECT format('%I.%I', n.nspname, c.relname), pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = i.indrelid
                WHERE n.nspname = 'public' AND t.relkind = 'r' AND NOT i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""")) {
            while (rs.next()) {
                drops.add("DROP INDEX " + rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
    }

    /** What the generator does after its inserts, so that every method ends with tables ready for EXPLAIN ANALYZE. */
    private static void readyForQueries(Statement s, Map<String, Long> volumes) throws Exception {
        for (String table : volumes.keySet()) {
            s.execute("VACUUM (ANALYZE) " + table);
        }
        for (String view : List.of("daily_sales_stats", "cohort_sizes", "cohort_monthly_revenue")) {
            s.execute("REFRESH MATERIALIZED VIEW " + view);
            s.execute("ANALYZE " + view);
        }
    }

    private static final int CORES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * The floor ({@code floor-load.sql}): unlogged tables, foreign key checks off, keys computed from row numbers,
     * secondary indexes dropped before and built after, each table's INSERT in a session of its own (as many at
     * once as dbcheck uses: one per core, at most four); then the same VACUUM ANALYZE and refreshes as the others.
     */
    private static Round floor(ProvisionedDatabase db, String template, String name, Map<String, Long> volumes)
            throws Exception {
        BenchDatabase.execute(db, "CREATE DATABASE " + name + " TEMPLATE " + template);
        String script = script("/floor-load.sql", volumes);
        try (Connection c = BenchDatabase.connect(db, name); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            List<String> definitions = new ArrayList<>();
            List<String> drops = new ArrayList<>();
            secondaryIndexes(s, drops, definitions);
            long start = System.nanoTime();
            for (String drop : drops) {
                s.execute(drop);
            }
            // referencing tables first: a permanent table may not reference an unlogged one
            for (String table : List.of("order_items", "inventory", "audit_logs", "orders", "users", "products")) {
                s.execute("ALTER TABLE " + table + " SET UNLOGGED");
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(CORES);
            try {
                List<java.util.concurrent.Future<?>> inserts = new ArrayList<>();
                for (String statement : script.split("\n--;\n")) {
                    inserts.add(pool.submit(() -> {
                        try (Connection session = BenchDatabase.connect(db, name);
                             Statement t = session.createStatement()) {
                            t.execute("SET session_replication_role = replica");
                            t.execute("SET synchronous_commit = off");
                            t.execute(statement);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> insert : inserts) {
                    insert.get();
                }
            } finally {
                pool.shutdownNow();
            }
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            for (String definition : definitions) {
                s.execute(definition);
            }
            readyForQueries(s, volumes);
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            long rows = rows(s, volumes.keySet());
            long peak = backendPeakKb(s);
            BenchDatabase.execute(db, "DROP DATABASE " + name + " WITH (FORCE)");
            return new Round("floor, a session per table", rows, time, peak, 0);
        }
    }

    private static Round generated(ProvisionedDatabase db, String template, String name, Map<String, Long> volumes)
            throws Exception {
        BenchDatabase.execute(db, "CREATE DATABASE " + name + " TEMPLATE " + template);
        try (Connection c = BenchDatabase.connect(db, name); Statement s = c.createStatement()) {
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            DashboardConfig config = new DashboardConfig(null, List.of(), new DataSpec(volumes, 0, columns(), 1.0), "4MB", 2, 1,
                    Duration.ofMinutes(5), DashboardConfig.Mode.FULL);
            Heap.settled();
            Heap.resetPeaks();
            long start = System.nanoTime();
            // with sessions of its own, as dbcheck:verify loads (Dbcheck passes the database's connect)
            new SyntheticData(schema, config.data(), Boolean.getBoolean("benchmark.verbose") ? VERBOSE
                    : EngineLog.SILENT).load(c, () -> BenchDatabase.connect(db, name));
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            long heap = Heap.peak();
            long rows = rows(s, volumes.keySet());
            long peak = backendPeakKb(s);
            BenchDatabase.execute(db, "DROP DATABASE " + name + " WITH (FORCE)");
            return new Round("dbcheck generator", rows, time, peak, heap);
        }
    }

    private static long rows(Statement s, Set<String> tables) throws Exception {
        long rows = 0;
        for (String table : tables) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                rows += rs.getLong(1);
            }
        }
        return rows;
    }

    /** VmHWM of the backend process: the most memory it held at once. The server runs on this machine. */
    private static long backendPeakKb(Statement s) throws Exception {
        int pid;
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
