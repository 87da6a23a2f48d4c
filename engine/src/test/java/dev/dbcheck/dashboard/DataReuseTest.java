package dev.dbcheck.dashboard;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PostgresVersions;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.testing.RecordingLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reusing the synthetic data an earlier build generated (issue 21): a hit, a miss on each input the data depends
 * on, two builds at once, a damaged entry, an entry another user could have written, and the size cap. Every run
 * is a whole {@link Dbcheck} run on an embedded server of its own, keeping its data in a cache directory of this
 * class's.
 */
class DataReuseTest {

    @TempDir
    static Path shared;
    private static Path cache;
    @TempDir
    Path work;

    @BeforeAll
    static void cacheTheServerUserCanReach() throws Exception {
        // as root the server runs as a uid of its own: the binaries extracted here must be reachable by it
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = Files.createDirectories(shared.resolve("cache"));
    }

    @BeforeEach
    void reachableWork() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = cache.resolve("data-v1");
        if (Files.exists(data)) {
            dev.dbcheck.provision.embedded.PostgresInstallation.deleteRecursively(data);
        }
    }

    private Path project(String name) throws Exception {
        Path project = Files.createDirectories(work.resolve(name));
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__customers.sql"), """
                CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                """, StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("V2__orders.sql"), """
                CREATE TABLE orders (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    customer_id bigint NOT NULL REFERENCES customers (id),
                    status text NOT NULL,
                    total numeric(10,2) NOT NULL
                );
                CREATE INDEX orders_customer_id_idx ON orders (customer_id);
                """, StandardCharsets.UTF_8);
        return project;
    }

    private DbcheckConfig.Builder config(Path project) {
        return DbcheckConfig.builder(project)
                .set("cacheDirectory", cache.toString())
                .set("workDirectory", work.toString())
                .item("dashboards.queries", Map.of("name", "by_status",
                        "sql", "SELECT status, count(*) FROM orders GROUP BY status"))
                .set("dashboards.volumes", Map.of("customers", "3000", "orders", "20000"))
                .set("dashboards.runs", "1")
                .set("formats", List.of("none"));
    }

    private record Run(RunResult result, List<String> log) {
        boolean generated(String reason) {
            return log.contains("Generating the synthetic data: " + reason);
        }

        boolean reused() {
            return log.stream().anyMatch(l -> l.startsWith("Reused synthetic data "));
        }

        boolean kept() {
            return log.stream().anyMatch(l -> l.startsWith("Kept the synthetic data for reuse as "));
        }

        /** What each plan node read: the same data gives the same rows. */
        List<String> rowsRead() {
            List<String> rows = new ArrayList<>();
            for (QueryResult q : result.dashboards().results()) {
                q.plan().root().flatten().forEach(n -> rows.add(n.nodeType() + " " + n.relation() + " "
                        + n.actualRows()));
            }
            return rows;
        }
    }

    private static Run run(DbcheckConfig.Builder config) throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        RunResult result = new Dbcheck(config.build(), MavenRepositoryResolver.defaults(EngineLog.SILENT), List.of())
                .run(RecordingLog.into(log));
        return new Run(result, List.copyOf(log));
    }

    private static List<Path> entries() throws Exception {
        Path root = cache.resolve("data-v1");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    @Test
    void aSecondBuildOfTheSameProjectReusesTheDataAndMeasuresTheSameRows() throws Exception {
        Path project = project("shop");
        Run cold = run(config(project));
        assertThat(cold.generated("no kept data for this project yet")).as(String.join("\n", cold.log())).isTrue();
        assertThat(cold.kept()).isTrue();
        assertThat(entries()).hasSize(1);
        String key = entries().get(0).getFileName().toString();

        Run warm = run(config(project));
        assertThat(warm.log()).anyMatch(l -> l.matches("Reused synthetic data " + key.substring(0, 12)
                + " from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(schema, volumes and column specs unchanged\\) in "
                + "\\d+\\.\\d s"));
        assertThat(warm.log()).noneMatch(l -> l.startsWith("Synthetic data: public.orders"));
        assertThat(warm.kept()).as("nothing new to keep").isFalse();
        assertThat(warm.rowsRead()).isEqualTo(cold.rowsRead()).contains("Seq Scan orders 20000.0");
        assertThat(warm.result().dashboards().loads()).extracting(l -> l.table() + " " + l.existingRows() + " "
                + l.generatedRows()).isEqualTo(cold.result().dashboards().loads().stream().map(l -> l.table() + " "
                + l.existingRows() + " " + l.generatedRows()).toList());
        assertThat(warm.result().findings()).isEqualTo(cold.result().findings());
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("dbcheck-pg-")))
                    .as("no cluster directory left").isEmpty();
        }
    }

    @Test
    void eachInputTheDataDependsOnMakesItGeneratedAgainAndSaysWhich() throws Exception {
        Path project = project("shop");
        Path migrations = project.resolve("src/main/resources/db/migration");
        assertThat(run(config(project)).kept()).isTrue();

        Files.writeString(migrations.resolve("V2__orders.sql"), "ALTER TABLE customers ADD COLUMN name text;\n"
                + Files.readString(migrations.resolve("V2__orders.sql")), StandardCharsets.UTF_8);
        assertThat(run(config(project)).generated("V2__orders.sql changed")).isTrue();

        Files.writeString(migrations.resolve("V3__refunds.sql"), "CREATE TABLE refunds (id bigint PRIMARY KEY, "
                + "order_id bigint NOT NULL REFERENCES orders (id));\n", StandardCharsets.UTF_8);
        assertThat(run(config(project)).generated("V3__refunds.sql is new")).isTrue();

        UnaryOperator<DbcheckConfig.Builder> moreOrders = c -> c.set("dashboards.volumes",
                Map.of("customers", "3000", "orders", "25000"));
        assertThat(run(moreOrders.apply(config(project))).generated("the declared volumes changed")).isTrue();

        UnaryOperator<DbcheckConfig.Builder> statuses = c -> moreOrders.apply(c).item("dashboards.columns",
                Map.of("name", "orders.status", "values", "paid:90, refunded:10"));
        assertThat(run(statuses.apply(config(project))).generated("the column specs changed")).isTrue();

        String seventeen = PostgresVersions.resolve("17", "postgresVersion");
        Run older = run(statuses.apply(config(project)).set("postgresVersion", "17"));
        assertThat(older.generated("PostgreSQL " + PostgresVersions.resolve("18", "postgresVersion") + " → "
                + seventeen)).as(String.join("\n", older.log())).isTrue();

        Run again = run(statuses.apply(config(project)).set("postgresVersion", "17"));
        assertThat(again.reused()).as("and unchanged once more, reused").isTrue();
        assertThat(again.result().database()).startsWith("PostgreSQL " + seventeen);
    }

    @Test
    void aMigrationThatMakesAnotherSchemaEachTimeIsCaughtByTheFingerprint() throws Exception {
        Path project = project("shop");
        // the same file, another schema: the reusing cluster has one database more (the kept one)
        Files.writeString(project.resolve("src/main/resources/db/migration/V3__moody.sql"), """
                DO $$ BEGIN
                  IF (SELECT count(*) FROM pg_database) > 4 THEN
                    ALTER TABLE orders ADD COLUMN mood text;
                  END IF;
                END $$;
                """, StandardCharsets.UTF_8);
        assertThat(run(config(project)).kept()).isTrue();
        Run second = run(config(project));
        assertThat(second.generated("the migrated schema differs from the one the kept data was made on (a "
                + "migration that does not always make the same schema?)")).as(String.join("\n", second.log()))
                .isTrue();
        assertThat(second.kept()).as("replaced by this run's").isTrue();
        assertThat(entries()).hasSize(1);
    }

    @Test
    void twoBuildsAtOnceWithAnEmptyCacheBothGenerateAndOneKeepsItsData() throws Exception {
        Path first = project("first");
        Path second = project("second");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(() -> run(config(first)));
            Future<Run> b = pool.submit(() -> run(config(second)));
            Run ra = a.get();
            Run rb = b.get();
            assertThat(ra.reused() || rb.reused()).isFalse();
            assertThat(List.of(ra.kept(), rb.kept())).as("the same inputs: one entry").containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries()).hasSize(1);
        try (Stream<Path> list = Files.list(cache.resolve("data-v1"))) {
            assertThat(list.map(p -> p.getFileName().toString())).as("no half-saved entry left")
                    .noneMatch(n -> n.startsWith(".saving-") || n.startsWith(".removing-"));
        }
        assertThat(run(config(first)).reused()).isTrue();
    }

    @Test
    void aDamagedEntryIsFoundRemovedAndMadeAgain() throws Exception {
        Path project = project("shop");
        run(config(project));
        Path entry = entries().get(0);
        Path biggest;
        try (Stream<Path> files = Files.walk(entry.resolve("data/base"))) {
            biggest = files.filter(Files::isRegularFile)
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x5a; // same size, other content: a bad disk, a broken CI cache restore
        Files.write(biggest, bytes);

        Run second = run(config(project));
        String relative = entry.resolve("data").relativize(biggest).toString();
        assertThat(second.log()).as(String.join("\n", second.log())).contains("The kept synthetic data "
                + entry.getFileName() + " is damaged (" + relative + " differs from what was kept (" + bytes.length
                + " bytes, manifest " + bytes.length + ")): removing it and generating the data again");
        assertThat(second.generated("the kept data could not be used (see above)")).isTrue();
        assertThat(second.kept()).isTrue();
        assertThat(run(config(project)).reused()).isTrue();
    }

    @Test
    void anEntryAnotherUserCouldHaveWrittenIsNeverStarted() throws Exception {
        Path project = project("shop");
        run(config(project));
        Path entry = entries().get(0);
        Path conf = entry.resolve("data/postgresql.conf");
        Files.setAttribute(conf, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);

        Run second = run(config(project));
        assertThat(second.log()).anyMatch(l -> l.startsWith("Not using the kept synthetic data " + entry + ": "
                + conf + " is owned by uid 65534, not by this user"));
        assertThat(second.reused()).isFalse();
        assertThat(second.generated("the kept data could not be used (see above)")).isTrue();
    }

    @Test
    void theSizeCapRemovesTheLeastRecentlyUsedEntryFirst() throws Exception {
        Path a = project("a");
        Path b = project("b");
        Path c = project("c");
        UnaryOperator<DbcheckConfig.Builder> volumes = cfg -> cfg;
        run(config(a).set("dashboards.volumes", Map.of("customers", "3000", "orders", "20001")));
        run(config(b).set("dashboards.volumes", Map.of("customers", "3000", "orders", "20002")));
        List<Path> two = entries();
        assertThat(two).hasSize(2);
        long each = 0;
        for (Path e : two) {
            try (Stream<Path> files = Files.walk(e.resolve("data"))) {
                each = Math.max(each, files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum());
            }
        }
        Thread.sleep(1100); // file times of one second's resolution on some file systems
        Run usedAgain = run(config(a).set("dashboards.volumes", Map.of("customers", "3000", "orders", "20001")));
        assertThat(usedAgain.reused()).isTrue();
        String cap = (each * 2 + each / 2) / 1024 + "kB"; // room for two entries, not three
        Run third = run(volumes.apply(config(c)).set("dashboards.volumes", Map.of("customers", "3000",
                "orders", "20003")).set("dashboards.dataCacheSize", cap));
        assertThat(third.kept()).isTrue();
        String bKey = two.stream().map(p -> p.getFileName().toString())
                .filter(k -> !usedAgain.log().stream().anyMatch(l -> l.contains(k.substring(0, 12))))
                .findFirst().orElseThrow();
        assertThat(third.log()).anyMatch(l -> l.startsWith("Removed the kept synthetic data " + bKey + " ("));
        assertThat(entries()).hasSize(2).noneMatch(p -> p.getFileName().toString().equals(bKey));
        assertThat(run(config(a).set("dashboards.volumes", Map.of("customers", "3000", "orders", "20001")))
                .reused()).as("the recently used one stayed").isTrue();
    }

    @Test
    void withReuseOffNothingIsKeptOrReused() throws Exception {
        Path project = project("shop");
        Run off = run(config(project).set("dashboards.reuseData", "false"));
        assertThat(off.log()).noneMatch(l -> l.startsWith("Generating the synthetic data")
                || l.startsWith("Kept the synthetic data"));
        assertThat(off.log()).anyMatch(l -> l.startsWith("Synthetic data: public.orders 20,000 rows"));
        assertThat(entries()).isEmpty();
    }
}
