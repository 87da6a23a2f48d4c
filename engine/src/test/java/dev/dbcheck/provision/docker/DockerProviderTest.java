package dev.dbcheck.provision.docker;

import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The docker provider against a real Docker engine, with a PostgreSQL image built locally (no registry here):
 * a whole dbcheck run through Testcontainers, settings reaching the server, and the error paths — no daemon, a
 * missing image, a server that is not ready in time — each with one message and no container left behind.
 */
class DockerProviderTest {

    static String image;

    @BeforeEach
    void image() throws Exception {
        image = TestDocker.postgresImage(); // each test is skipped (visibly) where no Docker engine can be had
    }

    @Test
    void aWholeRunGoesThroughAContainerThatIsRemovedAfterwards(@TempDir Path project) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), String.join("\n",
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                "    customer_id bigint NOT NULL REFERENCES customers (id), payload json);", ""),
                StandardCharsets.UTF_8);
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "docker").set("docker.image", image)
                .set("serverSettings", Map.of("work_mem", "7MB")).set("formats", List.of("none")).build();
        List<String> log = new ArrayList<>();
        long since = System.currentTimeMillis() / 1000 - 1;
        RunResult result = new Dbcheck(config, (g, a, v) -> {
            throw new AssertionError("the docker provider needs no binaries");
        }, List.of()).run(RecordingLog.into(log));
        assertThat(result.database()).startsWith("PostgreSQL 18").contains("(docker " + image + ")");
        assertThat(result.findings()).extracting(Finding::ruleId)
                .contains("foreign-key-without-index", "json-column");
        assertThat(log).anyMatch(l -> l.matches("PostgreSQL 18[0-9.]* \\(docker " + image.replace(".", "\\.")
                + "\\) on .+:\\d+ started in [0-9.]+ s"));
        assertThat(ourContainers()).as("no container left").isEmpty();
        // inside a container (/.dockerenv here) Testcontainers would start an alpine helper to find the Docker
        // host; dbcheck runs the image it was asked to run and nothing else, and pulls nothing
        List<String> events = TestDocker.cli("events", "--since", Long.toString(since), "--until",
                Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "type=container", "--filter",
                "type=image", "--format", "{{.Type}} {{.Action}} {{.From}}").lines().toList();
        assertThat(events).as("Docker events of the run").isNotEmpty()
                .allSatisfy(e -> assertThat(e).startsWith("container ").endsWith(" " + image));
    }

    @Test
    void serverSettingsReachTheServer() throws Exception {
        try (ProvisionedDatabase db = new DockerProvider(image, Map.of("work_mem", "7MB", "random_page_cost", "1.1"),
                Duration.ofMinutes(2)).provision(EngineLog.SILENT);
             Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(value(s, "SHOW work_mem")).isEqualTo("7MB");
            assertThat(value(s, "SHOW random_page_cost")).isEqualTo("1.1");
            assertThat(value(s, "SHOW fsync")).as("the throwaway server's fast settings").isEqualTo("off");
            assertThat(value(s, "SELECT inet_server_addr() IS NOT NULL")).isEqualTo("t");
            assertThat(db.jdbcUrl()).matches("jdbc:postgresql://(localhost|127\\.0\\.0\\.1):\\d+/dbcheck.*");
            // the project's queries run without superuser rights in the container too
            try (Connection q = db.connectForProjectQueries(); Statement qs = q.createStatement()) {
                assertThat(value(qs, "SELECT current_setting('is_superuser')")).isEqualTo("off");
                assertThatThrownBy(() -> qs.executeQuery("SELECT pg_read_file('/etc/passwd')"))
                        .hasMessageContaining("permission denied for function pg_read_file");
            }
        }
        assertThat(ourContainers()).isEmpty();
    }

    @Test
    void withoutADaemonItFailsAtOnceNamingTheAlternatives() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new DockerProvider(image, Map.of(), Duration.ofMinutes(1),
                Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock")).provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("No Docker daemon is reachable at unix:///nonexistent/docker.sock (no socket "
                        + "/nonexistent/docker.sock). Start Docker, point DOCKER_HOST at a running daemon, or use "
                        + "provider embedded (PostgreSQL from Maven Central, no Docker needed) or server");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds, not Testcontainers' retries").isLessThan(5);
        assertThatThrownBy(() -> new DockerProvider(image, Map.of(), Duration.ofMinutes(1),
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:1")).provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("No Docker daemon is reachable at tcp://127.0.0.1:1 (Connection refused)");
    }

    @Test
    void aMissingImageIsNamed() throws Exception {
        assertThatThrownBy(() -> new DockerProvider("dbcheck-test/no-such-image:0", Map.of(), Duration.ofMinutes(1))
                .provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("Docker image dbcheck-test/no-such-image:0 is not on this machine and could not "
                        + "be pulled (")
                .hasMessageEndingWith("Pull or build it (docker pull dbcheck-test/no-such-image:0), or set "
                        + "docker.image (dbcheck.docker.image) to an image you have");
        assertThat(ourContainers()).isEmpty();
    }

    @Test
    void aServerNotReadyInTimeIsStoppedAndReported() throws Exception {
        assertThatThrownBy(() -> new DockerProvider(image, Map.of(), Duration.ofMillis(300))
                .provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("The container of image " + image + " did not accept connections within the "
                        + "startup timeout (300ms, startupTimeout)");
        assertThat(ourContainers()).isEmpty();
    }

    @Test
    void containersOfBuildsThatDiedAreRemovedAtTheNextStart() throws Exception {
        String dead = DockerProvider.owner().replaceAll("/\\d+/\\d+$", "/999999/1");
        String alive = DockerProvider.owner();
        String deadId = TestDocker.cli("create", "--label", DockerProvider.OWNER_LABEL + "=" + dead, image).trim();
        String aliveId = TestDocker.cli("create", "--label", DockerProvider.OWNER_LABEL + "=" + alive, image).trim();
        String otherHost = TestDocker.cli("create", "--label", DockerProvider.OWNER_LABEL + "=elsewhere/1/1", image)
                .trim();
        try {
            try (ProvisionedDatabase db = new DockerProvider(image, Map.of(), Duration.ofMinutes(2))
                    .provision(EngineLog.SILENT)) {
                assertThat(db.description()).contains("docker");
            }
            List<String> left = TestDocker.cli("ps", "-a", "-q", "--no-trunc").lines().toList();
            assertThat(left).doesNotContain(deadId).contains(aliveId, otherHost);
        } finally {
            TestDocker.cli("rm", "-f", deadId, aliveId, otherHost);
        }
    }

    static List<String> ourContainers() throws Exception {
        return TestDocker.containersOwnedBy(DockerProvider.owner());
    }

    private static String value(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
