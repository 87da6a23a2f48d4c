package dev.dbcheck.maven;

import dev.dbcheck.provision.docker.DockerProvider;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.testing.TestDocker;
import dev.dbcheck.testing.TestPostgres;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

/**
 * {@code dbcheck:verify} end to end through the server provider (a separately started PostgreSQL acting as the
 * team's server, credentials from settings.xml) and through the docker provider (Testcontainers, the locally built
 * image): findings, reports, the build's outcome, and nothing left behind — no database, no container, no
 * credential in the log or the reports.
 */
@MojoTest
class ProviderMojoTest {

    private static final String POM = "src/test/resources/unit/providers/pom.xml";
    private static final String PASSWORD = "Pl4gin-Secret-5b90";
    private static final String ROLE = "plugin_ci";

    @TempDir
    Path reports;

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void verifyRunsOnAServerAndDropsItsDatabase(VerifyMojo mojo) throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + ROLE);
            s.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        }
        Server entry = new Server();
        entry.setId("ci-db");
        entry.setUsername(ROLE);
        entry.setPassword(PASSWORD);
        Settings settings = new Settings();
        settings.addServer(entry);
        when(mojo.session.getSettings()).thenReturn(settings);
        mojo.commandLine = Map.of("dbcheck.server.url", server.jdbcUrl("postgres"), "dbcheck.postgresVersion", "18",
                "dbcheck.reportDirectory", reports.toString());
        migrations(mojo);
        List<String> log = capture(mojo);
        List<String> before = databases(server);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("foreign-key-without-index");

        assertThat(databases(server)).as("dbcheck's database is dropped").isEqualTo(before);
        assertThat(log).anyMatch(l -> l.matches("\\[info] Created database dbcheck_[0-9a-f]{10} on PostgreSQL .*"));
        assertCredentialsAbsent(log, ROLE, PASSWORD);
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE " + ROLE);
        }
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void verifyRunsThroughTestcontainersAndRemovesTheContainer(VerifyMojo mojo) throws Exception {
        String image = TestDocker.postgresImage(); // skips (visibly) where no Docker engine can be had
        mojo.commandLine = Map.of("dbcheck.provider", "docker", "dbcheck.docker.image", image,
                "dbcheck.postgresVersion", "18", "dbcheck.reportDirectory", reports.toString());
        migrations(mojo);
        List<String> log = capture(mojo);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("foreign-key-without-index");

        assertThat(log).anyMatch(l -> l.matches("\\[info] PostgreSQL 18[0-9.]* \\(docker " + image.replace(".", "\\.")
                + "\\) on 127\\.0\\.0\\.1:\\d+ started in [0-9.]+ s"));
        assertThat(Files.readString(reports.resolve("dbcheck.sarif"))).contains("foreign-key-without-index");
        assertThat(containers()).as("no container of this JVM left").isEmpty();
    }

    private void assertCredentialsAbsent(List<String> log, String... secrets) throws Exception {
        List<String> texts = new ArrayList<>(log);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).hasSizeGreaterThan(log.size()); // the reports were written
        for (String secret : secrets) {
            assertThat(texts).noneMatch(t -> t.contains(secret));
        }
    }

    /** The harness's base directory is the plugin's; the migrations sit beside the test pom. */
    private static void migrations(VerifyMojo mojo) {
        mojo.configuration = mojo.givenConfiguration().with("migrations.locations", "filesystem:src/test/"
                + "resources/unit/providers/src/main/resources/db/migration");
    }

    private static List<String> capture(VerifyMojo mojo) {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public boolean isDebugEnabled() {
                return true;
            }

            @Override
            public void debug(CharSequence content) {
                lines.add("[debug] " + content);
            }

            @Override
            public void debug(CharSequence content, Throwable error) {
                lines.add("[debug] " + content + " " + error);
            }

            @Override
            public void info(CharSequence content) {
                lines.add("[info] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                lines.add("[warn] " + content);
            }

            @Override
            public void error(CharSequence content) {
                lines.add("[error] " + content);
            }
        });
        return lines;
    }

    private static List<String> databases(EmbeddedPostgres server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> containers() throws Exception {
        return TestDocker.containersOwnedBy(DockerProvider.owner());
    }
}
