package dev.dbcheck.provision;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.PortRange;
import dev.dbcheck.provision.embedded.ServerUser;
import dev.dbcheck.provision.embedded.StaleClusters;
import dev.dbcheck.testing.ServerInChildJvm;
import dev.dbcheck.testing.TestPostgres;
import dev.dbcheck.testing.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server's life cycle: who it runs as, isolation between instances, and cleanup in every ending. */
class EmbeddedPostgresTest {

    @TempDir
    Path work;

    @org.junit.jupiter.api.BeforeEach
    void letTheServerUserIn() throws Exception {
        // @TempDir is private to this user; as root the server runs as nobody and must reach its cluster.
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A server with its cluster under {@code workRoot} instead of the test's folder. */
    private static EmbeddedPostgres startIn(Path workRoot) throws DbcheckException {
        return EmbeddedPostgres.start(TestPostgres.installation(), ServerUser.choose(null, true), workRoot, Map.of(),
                Duration.ofSeconds(60), EngineLog.SILENT);
    }

    private EmbeddedPostgres start(Map<String, String> settings) throws DbcheckException {
        return EmbeddedPostgres.start(TestPostgres.installation(), ServerUser.choose(null, true), work, settings,
                Duration.ofSeconds(60), EngineLog.SILENT);
    }

    @Test
    void runsAsAnUnprivilegedUserWhenTheBuildRunsAsRoot() throws Exception {
        try (EmbeddedPostgres server = start(Map.of())) {
            int serverUid = uidOf(server.pid());
            if (ServerUser.currentUid() == 0) {
                assertThat(serverUid).as("postgres must not run as root").isNotZero();
                assertThat(server.user().ownUid()).as("a uid no other build's server shares").isTrue();
                assertThat(serverUid).isEqualTo(server.user().uid()).isGreaterThanOrEqualTo(ServerUser.OWN_UID_FIRST);
                assertThat(Files.getAttribute(server.dataDirectory(), "unix:uid")).isEqualTo(serverUid);
                assertThat(Files.getAttribute(server.dataDirectory().getParent(), "unix:uid")).isEqualTo(serverUid);
                assertThat(Files.getPosixFilePermissions(server.dataDirectory().getParent()))
                        .as("the cluster directory is closed to everyone else")
                        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            } else {
                assertThat(serverUid).isEqualTo(ServerUser.currentUid());
            }
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('listen_addresses'),"
                         + " current_setting('unix_socket_directories')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
                assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
                assertThat(rs.getString(3)).isEmpty();
            }
        }
    }

    @Test
    void aCachedTemplateClusterIsCopiedAfterTheFirstRunAndGetsItsOwnPassword() throws Exception {
        // binaries seen through a link in a private folder, so the template goes beside it and not in the shared cache
        Path binaries = Files.createSymbolicLink(work.resolve("18-binaries"), TestPostgres.installation().directory());
        var installation = dev.dbcheck.provision.embedded.PostgresInstallation.fromDirectory(binaries,
                TestPostgres.installation().version());
        Path template = work.resolve("18-binaries.cluster-v2");
        String first;
        try (EmbeddedPostgres server = EmbeddedPostgres.start(installation, ServerUser.choose(null, true), work,
                Map.of(), Duration.ofSeconds(60), EngineLog.SILENT)) {
            assertThat(server.fromTemplate()).isFalse();
            first = server.password();
        }
        assertThat(template.resolve("data/PG_VERSION")).exists();
        assertThat(Files.getPosixFilePermissions(template)).containsOnly(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        String templatePassword = Files.readString(template.resolve("password")).trim();
        assertThat(templatePassword).isEqualTo(first);
        try (EmbeddedPostgres server = EmbeddedPostgres.start(installation, ServerUser.choose(null, true), work,
                Map.of(), Duration.ofSeconds(60), EngineLog.SILENT)) {
            assertThat(server.fromTemplate()).isTrue();
            assertThat(server.password()).isNotEqualTo(templatePassword);
            assertThat(Files.getAttribute(server.dataDirectory().resolve("PG_VERSION"), "unix:uid"))
                    .isEqualTo(uidOf(server.pid()));
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3); // postgres, template0, template1: a pristine cluster
            }
            var properties = new java.util.Properties();
            properties.setProperty("user", EmbeddedPostgres.SUPERUSER);
            properties.setProperty("password", templatePassword);
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), properties))
                    .hasMessageContaining("password authentication failed");
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.start(installation, ServerUser.choose(null, true), work,
                Map.of(), Duration.ofSeconds(60), EmbeddedPostgres.ClusterSource.INITDB, EngineLog.SILENT)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("18-binaries", "18-binaries.cluster-v2", "18-binaries.cluster-v2.lock");
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        try (EmbeddedPostgres server = start(Map.of())) {
            var properties = new java.util.Properties();
            properties.setProperty("user", EmbeddedPostgres.SUPERUSER);
            properties.setProperty("password", "guess");
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), properties))
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void twoServersAtOnceUseSeparatePortsAndDirectoriesAndLeaveNothingBehind() throws Exception {
        CompletableFuture<EmbeddedPostgres> first = CompletableFuture.supplyAsync(() -> startUnchecked());
        CompletableFuture<EmbeddedPostgres> second = CompletableFuture.supplyAsync(() -> startUnchecked());
        EmbeddedPostgres a = first.get(90, TimeUnit.SECONDS);
        EmbeddedPostgres b = second.get(90, TimeUnit.SECONDS);
        try {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.directory()).isNotEqualTo(b.directory());
            for (EmbeddedPostgres server : List.of(a, b)) {
                try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertThat(rs.next()).isTrue();
                }
            }
        } finally {
            a.close();
            b.close();
        }
        for (EmbeddedPostgres server : List.of(a, b)) {
            assertThat(ProcessHandle.of(server.pid())).as("process %d", server.pid()).isEmpty();
            assertThat(server.directory()).doesNotExist();
        }
    }

    private EmbeddedPostgres startUnchecked() {
        try {
            return start(Map.of());
        } catch (DbcheckException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServerThatCannotStartFailsWithItsOwnMessageAndLeavesNothing() {
        assertThatThrownBy(() -> start(Map.of("shared_buffers", "lots")))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("PostgreSQL failed to start:")
                .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"lots\"");
        assertThat(clusterDirectories()).isEmpty();
    }

    @Test
    void aPortRangeIsSharedByParallelServersAndAnExhaustedOneIsReportedWithTheKey() throws Exception {
        int first = twoFreeAdjacentPorts();
        PortRange range = new PortRange(first, first + 1);
        try (EmbeddedPostgres one = start(range); EmbeddedPostgres two = start(range)) {
            assertThat(List.of(one.port(), two.port())).containsExactlyInAnyOrder(first, first + 1);
            try (Connection c = two.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT inet_server_port()")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(two.port());
            }
            assertThatThrownBy(() -> start(range))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("embeddedPorts: no free port in " + first + "-" + (first + 1) + " on 127.0.0.1 (all 2 "
                            + "in use); widen embeddedPorts, or leave it unset so that the system picks a free port");
            assertThat(clusterDirectories()).hasSize(2);
        }
        assertThat(clusterDirectories()).isEmpty();
    }

    private EmbeddedPostgres start(PortRange ports) throws DbcheckException {
        return EmbeddedPostgres.start(TestPostgres.installation(), ServerUser.choose(null, true), work, Map.of(),
                Duration.ofSeconds(60), EmbeddedPostgres.ClusterSource.TEMPLATE, ports, EngineLog.SILENT);
    }

    /** A port p such that p and p + 1 are free now. */
    private static int twoFreeAdjacentPorts() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (java.net.ServerSocket a = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int p = a.getLocalPort();
                if (p >= 65535) {
                    continue;
                }
                try (java.net.ServerSocket b = new java.net.ServerSocket(p + 1, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    return b.getLocalPort() - 1; // both bound: the pair is free now
                } catch (java.io.IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no two adjacent free ports");
    }

    @Test
    void aReadOnlyWorkDirectoryIsNamedInTheError() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount(work, "ro,size=1m")) {
            Path mount = tmpfs.path();
            assertThatThrownBy(() -> startIn(mount))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("workDirectory: cannot create the PostgreSQL cluster directory in " + mount
                            + ": Read-only file system; set workDirectory to a writable directory");
        }
    }

    @Test
    void aFullDiskFailsTheStartAndLeavesNothing() throws Exception {
        // room for the directory, not for a cluster (about 40 MB): the copy of the template runs out of space
        try (Tmpfs tmpfs = Tmpfs.mount(work, "size=4m,mode=755")) {
            Path mount = tmpfs.path();
            assertThatThrownBy(() -> startIn(mount))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("workDirectory: no space left on the file system of " + mount
                            + " for the PostgreSQL cluster (an empty one takes about 40 MB, synthetic data more); free "
                            + "space there or set workDirectory to another file system. What failed: ")
                    .hasMessageContaining("No space left on device");
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left).as("nothing left on the full disk").isEmpty();
            }
        }
    }

    @Test
    void runningOutOfDiskWhileLoadingTheDeclaredVolumesIsReportedAsSuch() throws Exception {
        // room for the cluster and the migration (about 40 MB), not for two million rows of synthetic data
        try (Tmpfs tmpfs = Tmpfs.mount(work, "size=72m,mode=755")) {
            Path mount = tmpfs.path();
            Path project = Files.createDirectories(work.resolve("project"));
            Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
            Files.writeString(migrations.resolve("V1__events.sql"), "CREATE TABLE events (id bigint GENERATED ALWAYS "
                    + "AS IDENTITY PRIMARY KEY, kind text NOT NULL, payload text NOT NULL);\n");
            dev.dbcheck.engine.DbcheckConfig config = dev.dbcheck.engine.DbcheckConfig.builder(project)
                    .set("workDirectory", mount.toString())
                    .item("dashboards.queries", Map.of("name", "kinds",
                            "sql", "SELECT kind, count(*) FROM events GROUP BY kind"))
                    .set("dashboards.volumes", Map.of("events", "2000000"))
                    .set("formats", List.of("none")).build();
            assertThatThrownBy(() -> new dev.dbcheck.engine.Dbcheck(config,
                    dev.dbcheck.provision.embedded.MavenRepositoryResolver.defaults(EngineLog.SILENT), List.of())
                    .run(EngineLog.SILENT))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("PostgreSQL ran out of disk space: the data of this run (the declared "
                            + "dashboard volumes, mostly) needs more room where the cluster lives — workDirectory for "
                            + "the embedded server, Docker's data root for a container, the server's disk — or lower "
                            + "dashboards.volumes. ")
                    .hasMessageContaining("No space left on device");
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left).as("the cluster is gone from the full disk").isEmpty();
            }
        }
    }

    @Test
    void runningOutOfDiskInAMigrationIsBlamedOnTheMigration() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount(work, "size=72m,mode=755")) {
            Path mount = tmpfs.path();
            Path project = Files.createDirectories(work.resolve("project"));
            Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
            Files.writeString(migrations.resolve("V1__backfill.sql"), "CREATE TABLE archive AS SELECT g AS id, "
                    + "repeat(md5(g::text), 40) AS body FROM generate_series(1, 200000) g;\n");
            dev.dbcheck.engine.DbcheckConfig config = dev.dbcheck.engine.DbcheckConfig.builder(project)
                    .set("workDirectory", mount.toString()).set("formats", List.of("none")).build();
            assertThatThrownBy(() -> new dev.dbcheck.engine.Dbcheck(config,
                    dev.dbcheck.provision.embedded.MavenRepositoryResolver.defaults(EngineLog.SILENT), List.of())
                    .run(EngineLog.SILENT))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("PostgreSQL ran out of disk space in the migrations phase: the database "
                            + "needs more room where the cluster lives — workDirectory for the embedded server, "
                            + "Docker's data root for a container, the server's disk. "
                            + "src/main/resources/db/migration/V1__backfill.sql:1: ")
                    .hasMessageContaining("No space left on device")
                    .hasMessageNotContaining("dashboard");
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left).as("the cluster is gone from the full disk").isEmpty();
            }
        }
    }

    @Test
    void anUnusableWorkDirectoryIsNamedInTheError() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> startIn(file))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("workDirectory: cannot create the PostgreSQL cluster directory in " + file + ": a file of "
                        + "that name is in the way (" + file + "); set workDirectory to a writable directory");
    }

    @Test
    void aWorkDirectoryTheServerUserCannotEnterIsNamedInTheError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ServerUser.currentUid() == 0, "only root switches users");
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> startIn(closed))
                .isInstanceOf(DbcheckException.class)
                .hasMessageContaining(closed + " cannot be entered by the server's own uid ")
                .hasMessageEndingWith("set workDirectory to a directory every user can enter.");
        try (Stream<Path> left = Files.list(closed)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theShutdownHookStopsTheServerAndDeletesTheClusterWhenTheJvmExits() throws Exception {
        Process child = childJvm("exit");
        String[] ready = readReady(child);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long pid = Long.parseLong(ready[1]);
        awaitGone(pid);
        assertThat(Path.of(ready[2])).doesNotExist();
    }

    @Test
    void aKilledJvmTakesItsServerDownAndTheNextRunRemovesTheCluster() throws Exception {
        Process child = childJvm("wait");
        String[] ready = readReady(child);
        long pid = Long.parseLong(ready[1]);
        assertThat(ProcessHandle.of(pid)).isPresent();
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(30, TimeUnit.SECONDS);
        if (ServerUser.currentUid() == 0 || Files.exists(Path.of("/usr/bin/setpriv"))) {
            awaitGone(pid); // the kernel's parent-death signal (setpriv --pdeathsig) stopped it
        }
        StaleClusters.sweep(work, EngineLog.SILENT);
        awaitGone(pid);
        assertThat(Path.of(ready[2])).doesNotExist();
    }

    @Test
    void worksWhenTheJvmRunsAsAnOrdinaryUser() throws Exception {
        // Only root can become another user to try this; CI here runs as root.
        org.junit.jupiter.api.Assumptions.assumeTrue(ServerUser.currentUid() == 0, "needs root to switch users");
        Path root = Files.createDirectory(work.resolve("ordinary"));
        Path classpath = Files.createDirectory(root.resolve("cp"));
        Path home = Files.createDirectory(root.resolve("home"));
        Path tmp = Files.createDirectory(root.resolve("tmp"));
        List<String> entries = new java.util.ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            // Keep jar names: the binaries jar is recognised by its name.
            Path target = Files.isDirectory(source) ? classpath.resolve("dir" + n++) : classpath.resolve(source.getFileName());
            copyTree(source, target);
            entries.add(target.toString());
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.toList()) {
                Files.setAttribute(p, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home, "-cp", String.join(File.pathSeparator, entries),
                ServerInChildJvm.class.getName(), tmp.toString(), "wait").redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("DBCHECK_CACHE_DIR");
        builder.environment().remove("XDG_CACHE_HOME");
        Process child = builder.start();
        String[] ready = readReady(child);
        long pid = Long.parseLong(ready[1]);
        assertThat(uidOf(pid)).as("the server runs as the JVM's own user").isEqualTo(65534);
        assertThat(home.resolve(".cache/dbcheck/postgres")).as("binaries cached in the user's home").isDirectory();
        child.destroy(); // SIGTERM: the JVM's shutdown hook stops the server
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitGone(pid);
        assertThat(Path.of(ready[2])).doesNotExist();
    }

    private static void copyTree(Path source, Path target) throws java.io.IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path p : tree.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
    }

    private Process childJvm(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerInChildJvm.class.getName(), work.toString(), mode)
                .redirectErrorStream(true).start();
    }

    private static String[] readReady(Process child) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child JVM ended without starting a server:\n" + seen);
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("postgres process %d is still running", pid).isFalse();
    }

    private List<Path> clusterDirectories() {
        try (Stream<Path> list = Files.list(work)) {
            return list.filter(p -> p.getFileName().toString().startsWith(EmbeddedPostgres.DIRECTORY_PREFIX)).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int uidOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.split("\\s+")[1]);
            }
        }
        throw new AssertionError("no Uid line for " + pid);
    }

    static boolean onLinux() {
        return new File("/proc/self").exists();
    }
}
