package dev.dbcheck.maven;

import dev.dbcheck.provision.docker.DockerProvider;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.testing.TestDocker;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven builds of {@code dbcheck:verify} (the plugin as installed for the invoker builds), broken on purpose
 * while they run: the migration fails, a dashboard query fails, the PostgreSQL server is killed with SIGKILL, the
 * Maven JVM gets SIGINT (Ctrl-C) or SIGTERM, the cluster directory cannot be created. After each, the build has
 * failed (or stopped) with a clear message and no PostgreSQL process, cluster directory or database is left; the
 * same with the server provider (no throwaway database left) and the docker provider (no container left, also
 * when the container is killed under the build); what a build killed with SIGKILL leaves, the next build on the
 * host removes. A loop of 50 mixed runs ends with the same counts it began with. Four builds at once (and a multi-module build
 * with -T 2) all pass, on ports and directories of their own.
 */
class FaultsIT {

    static final Path WORK = Path.of("target/faults").toAbsolutePath();

    @BeforeAll
    static void clean() throws IOException {
        PostgresInstallation.deleteRecursively(WORK);
        Files.createDirectories(WORK);
    }

    // ---- one fault each

    @Test
    void aFailingMigrationFailsTheBuildAndLeavesNothing() throws Exception {
        Path project = project("migration-fails", Kind.MIGRATION_FAILS);
        Build build = Build.start(project);
        assertThat(build.waitFor(Duration.ofMinutes(3))).isEqualTo(1);
        assertThat(build.log()).contains("V2__items.sql:2: ERROR: relation \"products\" does not exist")
                .doesNotContain("\tat ");
        assertNothingLeft(project);
    }

    @Test
    void aFailingDashboardQueryFailsTheBuildAndLeavesNothing() throws Exception {
        Path project = project("query-fails", Kind.QUERY_FAILS);
        Build build = Build.start(project);
        assertThat(build.waitFor(Duration.ofMinutes(3))).isEqualTo(1);
        assertThat(build.log()).contains("ERROR: relation \"shipments\" does not exist (dashboard query broken)")
                .doesNotContain("\tat ");
        assertNothingLeft(project);
    }

    @Test
    void aKilledServerIsReportedAsSuch() throws Exception {
        Path project = project("server-killed", Kind.SLOW_MIGRATION);
        Build build = Build.start(project);
        build.awaitLine("started in", Duration.ofMinutes(2));
        long postmaster = awaitPostmaster(project);
        kill("KILL", postmaster);
        assertThat(build.waitFor(Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(build.log()).contains("PostgreSQL stopped during the run: the embedded PostgreSQL (pid ")
                .contains("was killed by signal 9 (SIGKILL)").doesNotContain("\tat ");
        assertNothingLeft(project);
    }

    @Test
    void aFrozenServerFailsTheBuildInsteadOfHangingIt() throws Exception {
        Path project = project("server-frozen", Kind.SLOW_MIGRATION);
        Build build = Build.start(project);
        build.awaitLine("started in", Duration.ofMinutes(2));
        long postmaster = awaitPostmaster(project);
        kill("STOP", postmaster); // accepts TCP connections in the kernel, answers none
        // the next connection waits for the login timeout (30 s), then the build fails naming the cause
        assertThat(build.waitFor(Duration.ofMinutes(2))).as("the build ends").isEqualTo(1);
        assertThat(build.log()).contains("PostgreSQL stopped during the run: the embedded PostgreSQL (pid "
                + postmaster + ") is stopped (SIGSTOP or a debugger) and answers no connection")
                .doesNotContain("\tat ");
        assertNothingLeft(project);
    }

    /** Ctrl-C (SIGINT) and SIGTERM of the Maven JVM while a migration runs. */
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheBuildAndCleansUp(String signal) throws Exception {
        Path project = project("sig" + signal.toLowerCase(java.util.Locale.ROOT), Kind.SLOW_MIGRATION);
        Build build = Build.start(project);
        build.awaitLine("started in", Duration.ofMinutes(2));
        awaitPostmaster(project);
        kill(signal, build.pid());
        assertThat(build.waitFor(Duration.ofMinutes(1))).as("exit status").isNotZero();
        assertThat(build.log()).doesNotContain("\tat ");
        assertNothingLeft(project);
    }

    @Test
    void anUnwritableClusterDirectoryFailsClearly() throws Exception {
        Path project = project("unwritable", Kind.OK);
        Files.writeString(project.resolve("target/pg"), "a file where the cluster directory should go");
        Build build = Build.start(project);
        assertThat(build.waitFor(Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(build.log()).contains("workDirectory: cannot create the PostgreSQL cluster directory in ")
                .doesNotContain("\tat ");
        assertThat(postgresProcessesIn(project)).isEmpty();
    }

    // ---- the same faults with the server and docker providers: no throwaway database, no container left

    @Test
    void serverProviderCtrlCAndSigtermDropTheDatabaseAndAKilledBuildsOneIsDroppedByTheNextRun() throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS faults_ci");
            s.execute("CREATE ROLE faults_ci LOGIN CREATEDB PASSWORD 'Faults-Secret-5'");
        }
        Map<String, String> credentials = Map.of("DBCHECK_DB_USER", "faults_ci", "DBCHECK_DB_PASSWORD",
                "Faults-Secret-5");
        String[] serverArgs = {"-Ddbcheck.provider=server", "-Ddbcheck.server.url=" + server.jdbcUrl("postgres")};
        List<String> before = TestPostgres.throwawayDatabases(server);
        for (String signal : List.of("INT", "TERM")) {
            Path project = project("server-sig" + signal.toLowerCase(), Kind.SLOW_MIGRATION);
            Build build = Build.start(project, credentials, serverArgs);
            build.awaitLine("Created database dbcheck_", Duration.ofMinutes(2));
            awaitSleepingMigration(server);
            kill(signal, build.pid());
            assertThat(build.waitFor(Duration.ofMinutes(1))).as("exit status").isNotZero();
            assertThat(TestPostgres.throwawayDatabases(server)).as("after SIG" + signal).isEqualTo(before);
            assertThat(build.log()).doesNotContain("Faults-Secret-5", "faults_ci", "\tat ");
        }

        // SIGKILL: no hook runs, the database stays; the next build on this host drops it
        Path killed = project("server-sigkill", Kind.SLOW_MIGRATION);
        Build build = Build.start(killed, credentials, serverArgs);
        build.awaitLine("Created database dbcheck_", Duration.ofMinutes(2));
        awaitSleepingMigration(server);
        kill("KILL", build.pid());
        build.waitFor(Duration.ofMinutes(1));
        List<String> left = TestPostgres.throwawayDatabases(server);
        assertThat(left).as("what the killed build left").hasSize(before.size() + 1);
        Build next = Build.start(project("server-next", Kind.OK), credentials, serverArgs);
        assertThat(next.waitFor(Duration.ofMinutes(3))).as(next.log()).isZero();
        assertThat(next.log()).contains("Dropped database " + left.stream().filter(d -> !before.contains(d))
                .findFirst().orElseThrow() + " on 127.0.0.1:").doesNotContain("\tat ", "is read-only");
        assertThat(TestPostgres.throwawayDatabases(server)).isEqualTo(before);
    }

    @Test
    void dockerProviderSignalsAndAKilledContainerLeaveNoContainer() throws Exception {
        String image = TestDocker.postgresImage(); // skips (visibly) where no Docker engine can be had
        String[] dockerArgs = {"-Ddbcheck.provider=docker", "-Ddbcheck.docker.image=" + image};
        // dbcheck's line, not Testcontainers' "Container ... started in": the server has answered by then
        String started = "(docker " + image + ") on 127.0.0.1:";
        List<String> before = dbcheckContainers();
        for (String signal : List.of("INT", "TERM")) {
            Path project = project("docker-sig" + signal.toLowerCase(), Kind.SLOW_MIGRATION);
            Build build = Build.start(project, dockerArgs);
            build.awaitLine(started, Duration.ofMinutes(2));
            Thread.sleep(1500); // the migration's pg_sleep is running by now (or about to: cleanup is the same)
            kill(signal, build.pid());
            assertThat(build.waitFor(Duration.ofMinutes(1))).as("exit status").isNotZero();
            assertThat(dbcheckContainers()).as("containers after SIG" + signal).isEqualTo(before);
            // (Maven's own last lines may be cut short: the JVM halts once the shutdown hooks are done)
            assertThat(build.log()).doesNotContain("\tat ");
        }

        // the container dies under the build: reported as such, and removed
        Path project = project("docker-killed", Kind.SLOW_MIGRATION);
        Build build = Build.start(project, dockerArgs);
        build.awaitLine(started, Duration.ofMinutes(2));
        List<String> mine = new ArrayList<>(dbcheckContainers());
        mine.removeAll(before);
        assertThat(mine).hasSize(1);
        TestDocker.cli("kill", mine.get(0));
        assertThat(build.waitFor(Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(build.log()).contains("PostgreSQL stopped during the run: the container "
                + mine.get(0).substring(0, 12)).doesNotContain("\tat ");
        assertThat(dbcheckContainers()).isEqualTo(before);

        // SIGKILL of the build: the container stays until the next docker build on this host removes it
        Path sigkill = project("docker-sigkill", Kind.SLOW_MIGRATION);
        Build killedBuild = Build.start(sigkill, dockerArgs);
        killedBuild.awaitLine(started, Duration.ofMinutes(2));
        kill("KILL", killedBuild.pid());
        killedBuild.waitFor(Duration.ofMinutes(1));
        List<String> left = new ArrayList<>(dbcheckContainers());
        left.removeAll(before);
        assertThat(left).as("what the killed build left").hasSize(1);
        Build next = Build.start(project("docker-next", Kind.OK), dockerArgs);
        assertThat(next.waitFor(Duration.ofMinutes(3))).as(next.log()).isZero();
        assertThat(next.log()).contains("Removed container " + left.get(0).substring(0, 12))
                .as("nothing printed after the build, such as a shutdown hook's stack trace").doesNotContain("\tat ")
                .as("-Ddbcheck.docker.image is a plain property").doesNotContain("is read-only");
        assertThat(dbcheckContainers()).isEqualTo(before);
    }

    /** Full ids of the containers carrying dbcheck's owner label, whoever made them. */
    static List<String> dbcheckContainers() throws Exception {
        return TestDocker.cli("ps", "-a", "-q", "--no-trunc", "--filter", "label=" + DockerProvider.OWNER_LABEL).lines()
                .filter(l -> !l.isBlank()).sorted().toList();
    }

    /** Waits until a dbcheck database on the server runs the slow migration's pg_sleep. */
    static void awaitSleepingMigration(EmbeddedPostgres server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE "
                         + "'dbcheck\\_%' AND query LIKE '%pg_sleep%' AND state = 'active'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the slow migration did not start on the server");
    }

    // ---- many runs

    /**
     * The temp directory the fifty builds share, as builds on one machine share the system's: the test's own, so
     * that what it counts afterwards is what its builds started, whatever else runs on a shared CI machine.
     */
    static final Path SHARED_TMP = WORK.resolve("shared-tmp");

    @Test
    void fiftyMixedRunsLeaveTheMachineAsTheyFoundIt() throws Exception {
        long start = System.nanoTime();
        PostgresInstallation.deleteRecursively(SHARED_TMP);
        Files.createDirectories(SHARED_TMP);
        Kind[] kinds = {Kind.OK, Kind.MIGRATION_FAILS, Kind.QUERY_FAILS, Kind.SLOW_MIGRATION, Kind.SLOW_MIGRATION};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> mixedRun(n, kinds[n % kinds.length])));
        }
        List<String> summary = new ArrayList<>();
        for (Future<String> f : outcomes) {
            summary.add(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        System.out.printf("50 mixed runs (2 at a time) in %.0f s: %s%n", (System.nanoTime() - start) / 1e9, summary);
        assertThat(summary).allMatch(s -> s.endsWith("as expected"));
        assertThat(postgresProcessesIn(SHARED_TMP)).as("PostgreSQL processes of the fifty builds").isEmpty();
        assertThat(clusterDirectories(SHARED_TMP)).as("cluster directories in " + SHARED_TMP).isEmpty();
    }

    /** One run of the loop, in the shared temp directory like a real build; SLOW_MIGRATION runs get a signal. */
    private static String mixedRun(int n, Kind kind) throws Exception {
        Path project = project("loop-" + n, kind, false);
        Build build = Build.start(project, "-Djava.io.tmpdir=" + SHARED_TMP);
        int expected = kind == Kind.OK ? 0 : 1;
        if (kind == Kind.SLOW_MIGRATION) {
            build.awaitLine("started in", Duration.ofMinutes(2));
            awaitPostmasterOf(build);
            String signal = n % 2 == 0 ? "TERM" : "INT";
            kill(signal, build.pid());
            int status = build.waitFor(Duration.ofMinutes(1));
            return n + ":" + kind + "/SIG" + signal + " exit " + status + (status != 0 ? " as expected" : "");
        }
        int status = build.waitFor(Duration.ofMinutes(3));
        return n + ":" + kind + " exit " + status + (status == expected ? " as expected" : " UNEXPECTED:\n" + build.log());
    }

    @Test
    void fourBuildsAtOnceAndAMultiModuleBuildWithTwoThreadsAllPass() throws Exception {
        List<Build> builds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            builds.add(Build.start(project("parallel-" + i, Kind.OK)));
        }
        long start = System.nanoTime();
        Path multi = multiModule();
        builds.add(Build.start(multi, "-T", "2"));
        List<String> ports = new ArrayList<>();
        for (Build b : builds) {
            assertThat(b.waitFor(Duration.ofMinutes(5))).as(b.log()).isZero();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) started")
                    .matcher(b.log());
            while (m.find()) {
                ports.add(m.group(1));
            }
        }
        System.out.printf("4 builds + a 2-module -T 2 build at once: %.1f s, ports %s%n",
                (System.nanoTime() - start) / 1e9, ports);
        assertThat(ports).hasSize(6).doesNotHaveDuplicates();
        for (Build b : builds) {
            assertNothingLeft(b.project);
        }
    }

    // ---- projects

    enum Kind { OK, MIGRATION_FAILS, QUERY_FAILS, SLOW_MIGRATION }

    static Path project(String name, Kind kind) throws IOException {
        return project(name, kind, true);
    }

    /**
     * @param ownWorkDirectory clusters under the project's target/pg (true) or in the system temp directory
     */
    static Path project(String name, Kind kind, boolean ownWorkDirectory) throws IOException {
        Path dir = WORK.resolve(name);
        PostgresInstallation.deleteRecursively(dir);
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(migrations.resolve("V1__orders.sql"), String.join("\n",
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);",
                "CREATE TABLE orders (",
                "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                "    customer_id bigint NOT NULL REFERENCES customers (id),",
                "    total numeric(12,2) NOT NULL",
                ");",
                "CREATE INDEX orders_customer_id_idx ON orders (customer_id);", ""));
        switch (kind) {
            case MIGRATION_FAILS -> Files.writeString(migrations.resolve("V2__items.sql"),
                    "CREATE TABLE order_items (\n    product_id bigint REFERENCES products (id)\n);\n");
            case SLOW_MIGRATION -> Files.writeString(migrations.resolve("V2__slow.sql"), "SELECT pg_sleep(120);\n");
            default -> {
            }
        }
        String dashboards = kind == Kind.QUERY_FAILS ? """
                <dashboards>
                  <defaultRows>1000</defaultRows>
                  <queries>
                    <query><name>broken</name><sql>SELECT count(*) FROM shipments</sql></query>
                  </queries>
                </dashboards>
                """ : "";
        Files.writeString(dir.resolve("pom.xml"), pom("it.faults", name.replaceAll("[^a-z0-9-]", "-"),
                "<preferredKey>identity</preferredKey>", dashboards, ownWorkDirectory));
        return dir;
    }

    static Path multiModule() throws IOException {
        Path dir = WORK.resolve("multi-module");
        PostgresInstallation.deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it.faults</groupId><artifactId>multi</artifactId><version>1.0</version>
                  <packaging>pom</packaging>
                  <modules><module>shop</module><module>billing</module></modules>
                  <!-- the aggregator names the plugin (so the dbcheck: prefix resolves) and skips it itself -->
                  <build><plugins><plugin>
                    <groupId>dev.dbcheck</groupId><artifactId>dbcheck-maven-plugin</artifactId><version>%s</version>
                    <configuration><skip>true</skip></configuration>
                  </plugin></plugins></build>
                </project>
                """.formatted(System.getProperty("dbcheck.version")));
        for (String module : List.of("shop", "billing")) {
            Path m = project("multi-module/" + module, Kind.OK);
            Files.writeString(m.resolve("pom.xml"), Files.readString(m.resolve("pom.xml"))
                    .replace("<artifactId>multi-module-" + module + "</artifactId>", "<artifactId>" + module
                            + "</artifactId>"));
        }
        return dir;
    }

    static String pom(String group, String artifact, String ruleOptions, String dashboards,
                      boolean ownWorkDirectory) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>1.0</version>
                  <packaging>pom</packaging>
                  <build><plugins><plugin>
                    <groupId>dev.dbcheck</groupId><artifactId>dbcheck-maven-plugin</artifactId><version>%s</version>
                    <configuration>
                      %s
                      <formats><format>none</format></formats>
                      <rules><rule><id>serial-primary-key</id><options>%s</options></rule></rules>
                      %s
                    </configuration>
                  </plugin></plugins></build>
                </project>
                """.formatted(group, artifact, System.getProperty("dbcheck.version"),
                ownWorkDirectory ? "<workDirectory>${project.build.directory}/pg</workDirectory>" : "",
                ruleOptions, dashboards);
    }

    // ---- a Maven process

    static final class Build {
        final Path project;
        final Process process;
        final Path logFile;

        private Build(Path project, Process process, Path logFile) {
            this.project = project;
            this.process = process;
            this.logFile = logFile;
        }

        static Build start(Path project, String... extra) throws IOException {
            return start(project, Map.of(), extra);
        }

        static Build start(Path project, Map<String, String> environment, String... extra) throws IOException {
            return startGoal(project, "dbcheck:verify", environment, extra);
        }

        static Build startGoal(Path project, String goal, Map<String, String> environment, String... extra)
                throws IOException {
            Path maven = Path.of(System.getProperty("maven.home"), "bin", "mvn");
            Path settings = WORK.resolve("settings.xml");
            if (!Files.exists(settings)) {
                String repo = Path.of(System.getProperty("dbcheck.outerRepository")).toUri().toString();
                Files.writeString(settings, """
                        <settings><profiles><profile><id>it-repo</id>
                          <activation><activeByDefault>true</activeByDefault></activation>
                          <repositories><repository><id>local.central</id><url>%s</url>
                            <releases><checksumPolicy>ignore</checksumPolicy></releases></repository></repositories>
                          <pluginRepositories><pluginRepository><id>local.central</id><url>%s</url>
                            <releases><checksumPolicy>ignore</checksumPolicy></releases></pluginRepository></pluginRepositories>
                        </profile></profiles></settings>
                        """.formatted(repo, repo));
            }
            // The signals these tests send must reach Maven as a terminal would send them, whatever the suite was
            // started from: a shell running it in the background (nohup, `&`, some CI agents) makes its children
            // ignore SIGINT, and the JVM then never sees a Ctrl-C. env resets INT and TERM to their defaults.
            List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM", maven.toString(),
                    "-B", "-o", "-s", settings.toString(),
                    "-Dmaven.repo.local=" + Path.of("target/local-repo").toAbsolutePath(), goal));
            command.addAll(List.of(extra));
            Path log = project.resolve("build.log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().remove("MAVEN_OPTS");
            pb.environment().remove("GITHUB_ACTIONS");
            pb.environment().putAll(environment);
            return new Build(project, pb.start(), log);
        }

        long pid() {
            return process.pid();
        }

        String log() throws IOException {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        }

        void awaitLine(String text, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (log().contains(text)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the build ended before '" + text + "':\n" + log());
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + log());
        }

        int waitFor(Duration timeout) throws Exception {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the build hung for " + timeout + ":\n" + log());
            }
            return process.exitValue();
        }
    }

    // ---- what is left

    static void assertNothingLeft(Path project) throws Exception {
        // the JVM's shutdown hook and the kernel's parent-death signal act within moments of the exit
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && (!postgresProcessesIn(project).isEmpty()
                || !clusters(project).isEmpty())) {
            Thread.sleep(100);
        }
        assertThat(postgresProcessesIn(project)).as("PostgreSQL processes of " + project).isEmpty();
        assertThat(clusters(project)).as("cluster directories of " + project).isEmpty();
    }

    static List<Path> clusters(Path project) throws IOException {
        Path pg = project.resolve("target/pg");
        if (!Files.isDirectory(pg)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(pg)) {
            return list.toList();
        }
    }

    static List<Path> clusterDirectories(Path tmp) throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("dbcheck-pg-")).sorted().toList();
        }
    }

    /** PostgreSQL processes (postmaster and backends) running in a cluster under the project's folder. */
    static List<Long> postgresProcessesIn(Path project) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path p : proc.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("cwd")).startsWith(project)) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        }
        return pids;
    }

    static long awaitPostmaster(Path project) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (Path dir : clusters(project)) {
                Path pidFile = dir.resolve("data/postmaster.pid");
                if (Files.exists(pidFile)) {
                    return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no postmaster.pid under " + project);
    }

    /** The postmaster that is a descendant of the build (for runs in the shared temp directory). */
    static long awaitPostmasterOf(Build build) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var found = build.process.toHandle().descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false)).findFirst();
            if (found.isPresent()) {
                return found.get().pid();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no PostgreSQL under the build:\n" + build.log());
    }

    static void kill(String signal, long pid) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(p.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

}
