package dev.dbcheck.maven;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.RawNode;
import dev.dbcheck.provision.embedded.ArtifactResolver;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.testing.TestPostgres;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The bad-input catalogue: each case is a small project with one thing wrong, run through {@code dbcheck:verify}
 * (the mojo, so the outcome is what Maven prints), and must fail the build with exactly the documented message —
 * never a stack trace, never a hang, nothing left behind. Cases that need a database run on the test JVM's one
 * PostgreSQL through the server provider (dbcheck creates and drops its own database there); the few about the
 * embedded server itself start one. docs/troubleshooting.md lists every message; {@link #theDocsListEveryCase}
 * keeps the two in step.
 */
class BadInputCatalogueTest {

    static final Path ROOT = Path.of("target/bad-input").toAbsolutePath();
    static final Path DOC = Path.of("../docs/troubleshooting.md");
    static final String USER = "catalogue_ci";
    static final String PASSWORD = "Catalogue-Secret-31";
    static EmbeddedPostgres server;

    @BeforeAll
    static void server() throws Exception {
        server = TestPostgres.server();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + USER);
            s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void dropRole() throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + USER);
        }
    }

    static Stream<Case> cases() {
        return BadInput.CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsTheBuildWithItsMessage(Case c) throws Exception {
        Path dir = ROOT.resolve(c.id());
        PostgresInstallation.deleteRecursively(dir);
        Files.createDirectories(dir);
        Project project = new Project(dir);
        VerifyMojo mojo = mojo(dir);
        c.setup().accept(project, mojo);
        List<String> log = capture(mojo);
        List<String> databasesBefore = TestPostgres.throwawayDatabases(server);

        Throwable thrown = runWithDeadline(mojo);

        assertThat(thrown).as("the build fails").isInstanceOf(MojoFailureException.class);
        String message = thrown.getMessage().replace(dir + "/", "").replace(relative(dir), "")
                .replaceAll("\\b" + server.port() + "\\b", "<port>");
        if (c.expected() == null) {
            fail("no expected message yet; got:\n" + message);
        }
        if (c.prefixOnly()) {
            assertThat(message).startsWith(c.expected());
        } else {
            assertThat(message).isEqualTo(c.expected());
        }
        assertThat(log).as("no stack trace").noneMatch(l -> l.contains("\tat ") || l.contains("Exception:"));
        assertThat(TestPostgres.throwawayDatabases(server)).as("no throwaway database left").isEqualTo(databasesBefore);
        assertThat(clusters(dir)).as("no cluster directory left").isEmpty();
    }

    /** Runs the build with a deadline: a hang is a failure of its own. */
    private static Throwable runWithDeadline(VerifyMojo mojo) throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                mojo.execute();
            } catch (MojoFailureException | MojoExecutionException | RuntimeException e) {
                thrown[0] = e;
            }
        }, "bad-input");
        t.start();
        t.join(TimeUnit.MINUTES.toMillis(2));
        if (t.isAlive()) {
            t.interrupt();
            fail("the build hung for 2 minutes");
        }
        return thrown[0];
    }

    @org.junit.jupiter.api.Test
    void theDocsListEveryCase() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (Case c : BadInput.CASES) {
            assertThat(doc).as("docs/troubleshooting.md lists case %s", c.id()).contains("`" + c.id() + "`");
            if (c.expected() != null) {
                assertThat(doc).as("docs/troubleshooting.md has the message of %s", c.id())
                        .contains(c.expected().replace("|", "\\|").replace("\n", " "));
            }
        }
        assertThat(BadInput.CASES).hasSizeGreaterThanOrEqualTo(25);
    }

    /** A mojo as Maven would configure it for a project in {@code dir}: server provider, reports off. */
    static VerifyMojo mojo(Path dir) {
        VerifyMojo mojo = new VerifyMojo(null, null) {
            @Override
            ArtifactResolver artifactResolver() {
                return MavenRepositoryResolver.defaults(EngineLog.SILENT);
            }
        };
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setOutputDirectory(dir.resolve("target/classes").toString());
        build.setDirectory(dir.resolve("target").toString());
        project.setBuild(build);
        mojo.project = project;
        mojo.environment = Map.of("DBCHECK_DB_USER", USER, "DBCHECK_DB_PASSWORD", PASSWORD);
        mojo.commandLine = Map.of();
        mojo.configuration = RawNode.element("configuration", List.of())
                .with("provider", "server")
                .with("server.url", server.jdbcUrl("postgres"))
                .with("postgresVersion", "18")
                .with("startupTimeout", "60s")
                .with("formats", "none")
                .with("reportDirectory", dir.resolve("target/dbcheck").toString())
                .with("baselineFile", dir.resolve("dbcheck-baseline.json").toString())
                .with("workDirectory", dir.resolve("target/pg").toString());
        return mojo;
    }

    /** The project's folder, with helpers to write its files. */
    record Project(Path dir) {
        Path migration(String name, String... lines) throws IOException {
            Path folder = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
            return Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }

        Path file(String relative, String content) throws IOException {
            Path f = dir.resolve(relative);
            Files.createDirectories(f.getParent());
            return Files.writeString(f, content, StandardCharsets.UTF_8);
        }

        Path orders() throws IOException {
            return migration("V1__orders.sql",
                    "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);",
                    "CREATE TABLE orders (",
                    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                    "    customer_id bigint NOT NULL REFERENCES customers (id),",
                    "    status text NOT NULL,",
                    "    total numeric(12,2) NOT NULL",
                    ");",
                    "CREATE INDEX orders_customer_id_idx ON orders (customer_id);");
        }
    }

    @FunctionalInterface
    interface Setup {
        void accept(Project project, VerifyMojo mojo) throws Exception;
    }

    /**
     * @param prefixOnly the message ends with something that varies by machine (an OS error text, a port)
     */
    record Case(String id, String situation, Setup setup, String expected, boolean prefixOnly) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static String relative(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path repo = cwd.getParent();
        return repo.relativize(dir) + "/";
    }

    static List<Path> clusters(Path dir) throws IOException {
        Path pg = dir.resolve("target/pg");
        if (!Files.isDirectory(pg)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(pg)) {
            return list.filter(p -> p.getFileName().toString().startsWith(EmbeddedPostgres.DIRECTORY_PREFIX)).toList();
        }
    }

    static List<String> capture(VerifyMojo mojo) {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void debug(CharSequence content, Throwable error) {
                // the cause chain, as with mvn -X: not part of what a user sees
            }

            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void error(CharSequence content) {
                lines.add(content.toString());
            }
        });
        return lines;
    }


    /** Occupies ports on loopback for as long as the returned sockets are open. */
    static List<ServerSocket> occupy(int from, int to) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        for (int port = from; port <= to; port++) {
            sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
        }
        return sockets;
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static File file(Path p) {
        return p.toFile();
    }
}
