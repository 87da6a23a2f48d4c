package dev.dbcheck.security;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.ServerUser;
import dev.dbcheck.provision.embedded.StaleClusters;
import dev.dbcheck.testing.ServerInChildJvm;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SQL of a pull request runs on the embedded server, and as a superuser it may start programs there
 * ({@code COPY ... PROGRAM}). What those programs reach is what the server process reaches: these tests run such
 * SQL and check that it finds no secret of the build's environment and nothing of another build's server.
 */
class ServerIsolationTest {

    /** All the server process is given. */
    private static final Set<String> SERVER_ENVIRONMENT = Set.of("PATH", "LC_ALL", "TZ");
    /** What PostgreSQL sets for itself (its locale categories, its configuration directory) and {@code sh} adds. */
    private static final Set<String> SERVER_ADDS = Set.of("LC_COLLATE", "LC_CTYPE", "LC_MESSAGES", "LC_MONETARY",
            "LC_NUMERIC", "LC_TIME", "PGSYSCONFDIR", "PGLOCALEDIR", "PWD", "OLDPWD", "SHLVL", "_");

    @TempDir
    Path work;

    @BeforeEach
    void letTheServerUserIn() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theServerStartsWithNoneOfTheBuildsEnvironment() throws Exception {
        // a build with a CI token in its environment, as on every CI machine
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerInChildJvm.class.getName(), work.toString(), "wait")
                .redirectErrorStream(true);
        builder.environment().put("GITHUB_TOKEN", "ghp_dbcheckCanaryToken0123456789");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "dbcheck/canary/secret");
        Process child = builder.start();
        try {
            long pid = readyPid(child);
            String environ = Files.readString(Path.of("/proc", Long.toString(pid), "environ"),
                    StandardCharsets.UTF_8);
            Set<String> names = names(Arrays.asList(environ.split("\0")));
            assertThat(environ).doesNotContain("ghp_dbcheckCanaryToken").doesNotContain("dbcheck/canary/secret");
            assertThat(names).isSubsetOf(SERVER_ENVIRONMENT).contains("PATH", "LC_ALL");
        } finally {
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aProgramAMigrationStartsSeesNoneOfTheBuildsEnvironment() throws Exception {
        Set<String> outside = new HashSet<>(System.getenv().keySet());
        outside.removeAll(SERVER_ENVIRONMENT);
        assumeTrue(!outside.isEmpty(), "the build's environment holds something to hide");
        try (EmbeddedPostgres server = start(work); Connection c = server.connect("postgres")) {
            Set<String> names = new HashSet<>(program(c, "env | cut -d= -f1"));
            names.removeAll(SERVER_ADDS);
            assertThat(names).as("variables the server's programs see").isSubsetOf(SERVER_ENVIRONMENT)
                    .doesNotContainAnyElementsOf(outside);
        }
    }

    @Test
    void oneBuildsSqlCannotReachAnotherBuildsServer() throws Exception {
        assumeTrue(ServerUser.currentUid() == 0, "only a root build runs its servers as other users");
        try (EmbeddedPostgres a = start(Files.createDirectory(work.resolve("a")));
             EmbeddedPostgres b = start(Files.createDirectory(work.resolve("b")));
             Connection asA = a.connect("postgres")) {
            assertThat(a.user().uid()).as("each server its own uid").isNotEqualTo(b.user().uid());
            Path conf = b.dataDirectory().resolve("postgresql.auto.conf");
            String before = Files.readString(conf, StandardCharsets.UTF_8);
            long pid = b.pid();
            List<String> out = program(asA, String.join("; ",
                    "kill -0 " + pid + " 2>/dev/null; echo signal=$?",
                    "cat " + conf + " >/dev/null 2>&1; echo read=$?",
                    "(echo \"shared_preload_libraries = 'x'\" >> " + conf + ") 2>/dev/null; echo append=$?",
                    "cat /proc/" + pid + "/environ >/dev/null 2>&1; echo environ=$?",
                    "ls " + b.directory() + " >/dev/null 2>&1; echo list=$?"));
            assertThat(out).as("what a's SQL could do to b: each step must fail")
                    .extracting(line -> line.substring(0, line.indexOf('=')))
                    .containsExactly("signal", "read", "append", "environ", "list");
            assertThat(out).as("what a's SQL could do to b: each step must fail").noneMatch(l -> l.endsWith("=0"));
            assertThat(Files.readString(conf, StandardCharsets.UTF_8)).isEqualTo(before);
            try (Connection asB = b.connect("postgres"); Statement s = asB.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void theSweepActsOnlyOnClustersItCanProveAreItsOwn() throws Exception {
        Path shared = Files.createDirectory(work.resolve("shared"));
        try (EmbeddedPostgres victim = start(Files.createDirectory(work.resolve("victim")))) {
            // planted by another user: an owner file naming a dead build, a postmaster.pid naming someone's server
            Path planted = plant(shared, "planted", victim.pid());
            if (ServerUser.currentUid() == 0) {
                for (Path p : List.of(planted, planted.resolve("dbcheck-owner"), planted.resolve("data"))) {
                    Files.setAttribute(p, "unix:uid", 65534);
                }
            }
            // ours (an owner file of this user's, its build gone), but its postmaster.pid names another server
            Path lying = plant(shared, "lying", victim.pid());

            StaleClusters.sweep(shared, EngineLog.SILENT);

            assertThat(ProcessHandle.of(victim.pid())).as("the other server was not stopped")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            try (Connection c = victim.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            if (ServerUser.currentUid() == 0) {
                assertThat(planted).as("another user's directory is left alone").isDirectory();
            }
            assertThat(lying).as("an abandoned directory of ours is removed").doesNotExist();
        }
    }

    private static Path plant(Path root, String name, long pid) throws Exception {
        Path dir = Files.createDirectory(root.resolve(EmbeddedPostgres.DIRECTORY_PREFIX + name));
        Files.writeString(dir.resolve("dbcheck-owner"), "999999999 2001-01-01T00:00:00Z\n");
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("postmaster.pid"), pid + "\n" + data + "\n");
        return dir;
    }

    private static EmbeddedPostgres start(Path workRoot) throws Exception {
        return EmbeddedPostgres.start(TestPostgres.installation(), ServerUser.choose(null, true), workRoot, Map.of(),
                Duration.ofSeconds(60), EngineLog.SILENT);
    }

    /** Runs a shell command the way a migration can, and returns its output lines. */
    private static List<String> program(Connection c, String command) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS program_output (line text)");
            s.execute("TRUNCATE program_output");
            s.execute("COPY program_output FROM PROGRAM '" + command.replace("'", "''") + "'");
            try (ResultSet rs = s.executeQuery("SELECT line FROM program_output")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    private static Set<String> names(List<String> assignments) {
        Set<String> names = new HashSet<>();
        for (String a : assignments) {
            if (!a.isEmpty()) {
                names.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
            }
        }
        return names;
    }

    private static long readyPid(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.split(" ")[1]);
            }
        }
        throw new AssertionError("the child JVM ended without starting a server (exit " + child.waitFor() + ")");
    }
}
