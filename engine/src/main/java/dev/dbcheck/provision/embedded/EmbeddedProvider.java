package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.DatabaseProvider;
import dev.dbcheck.provision.ProvisionedDatabase;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** The default provider: PostgreSQL binaries from Maven Central, run as a private server for this run. */
public final class EmbeddedProvider implements DatabaseProvider {

    static final String DATABASE = "dbcheck";

    private final String version;
    private final ArtifactResolver resolver;
    private final Path cacheDirectory;
    private final Path workDirectory;
    private final Map<String, String> settings;
    private final Duration startupTimeout;
    private final String serverUser;
    private final PortRange ports;

    /** @param resolver finds the binaries jar */
    public EmbeddedProvider(EmbeddedOptions options, ArtifactResolver resolver) {
        this.version = options.version();
        this.resolver = resolver;
        this.cacheDirectory = options.cacheDirectory() != null ? options.cacheDirectory()
                : PostgresInstallation.defaultCacheDirectory();
        this.workDirectory = options.workDirectory() != null ? options.workDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"));
        this.settings = options.serverSettings();
        this.startupTimeout = options.startupTimeout();
        this.serverUser = options.serverUser();
        this.ports = options.ports();
    }

    /** Finds (downloading if needed) and extracts the binaries for this version on this platform. */
    public static PostgresInstallation install(String version, ArtifactResolver resolver, Path cacheDirectory,
                                               EngineLog log) throws DbcheckException {
        Platform platform = Platform.current();
        String artifactId = platform.binariesArtifactId();
        Path jar = resolver.resolveJar(ArtifactResolver.BINARIES_GROUP_ID, artifactId, version);
        return PostgresInstallation.fromJar(jar, version, version + "-" + platform, cacheDirectory, log);
    }

    @Override
    public ProvisionedDatabase provision(EngineLog log) throws DbcheckException {
        long start = System.nanoTime();
        PostgresInstallation installation = install(version, resolver, cacheDirectory, log);
        ServerUser user = ServerUser.choose(serverUser, true);
        EmbeddedPostgres server = EmbeddedPostgres.start(installation, user, workDirectory, settings, startupTimeout,
                EmbeddedPostgres.ClusterSource.TEMPLATE, ports, log);
        try {
            server.createDatabase(DATABASE, null);
        } catch (SQLException e) {
            server.close();
            throw new DbcheckException("Cannot create the database on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        log.info(String.format("PostgreSQL %s (embedded) on 127.0.0.1:%d started in %.2f s (%s %.2f s, start "
                        + "%.2f s)%s", version, server.port(), (System.nanoTime() - start) / 1e9,
                server.fromTemplate() ? "cluster copied from the cached template in" : "initdb",
                server.clusterTime().toNanos() / 1e9, server.startTime().toNanos() / 1e9,
                user.switchesUser() ? ", running as " + user.name() + (user.ownUid() ? " of its own" : "")
                        + " because this build runs as root" : ""));
        return new Embedded(server);
    }

    /** PostgreSQL 15+ says "is not available"; 14 names the control file it could not open. */
    private static final java.util.regex.Pattern MISSING_EXTENSION = java.util.regex.Pattern.compile(
            "extension \"([^\"]+)\" is not available|could not open extension control file \"[^\"]*/([^/\"]+)"
                    + "\\.control\"");

    /** An image of the extension's own project for this major, where there is a well-known one. */
    static String imageWith(String extension, int major) {
        return switch (extension) {
            case "postgis", "postgis_topology", "postgis_raster", "postgis_tiger_geocoder" ->
                    "postgis/postgis:" + major + "-" + (major >= 18 ? "3.6" : "3.5");
            case "vector" -> "pgvector/pgvector:pg" + major;
            case "timescaledb" -> "timescale/timescaledb:latest-pg" + major;
            default -> "postgres:" + major + " with " + extension + " installed";
        };
    }

    /** The embedded server seen as a throwaway database. */
    private static final class Embedded implements ProvisionedDatabase {
        private final EmbeddedPostgres server;
        private dev.dbcheck.provision.QueryRole queryRole;

        Embedded(EmbeddedPostgres server) {
            this.server = server;
        }

        /** An extension the binaries lack names the provider and an image that has it. */
        @Override
        public String explainMigrationError(String sqlState, String message) {
            java.util.regex.Matcher missing = MISSING_EXTENSION.matcher(message);
            if (!missing.find()) {
                return message;
            }
            String name = missing.group(1) != null ? missing.group(1) : missing.group(2);
            return "ERROR: extension \"" + name + "\" is not available: the embedded PostgreSQL binaries hold only "
                    + "the extensions that come with PostgreSQL itself (contrib); use provider docker with an image "
                    + "that has " + name + ": " + dev.dbcheck.base.Wording.current().example("docker.image",
                    imageWith(name, PostgresVersions.major(server.version())));
        }

        @Override
        public synchronized java.sql.Connection connectForProjectQueries() throws SQLException {
            if (queryRole == null) {
                queryRole = dev.dbcheck.provision.QueryRole.create(this);
            }
            return queryRole.connect(this);
        }

        @Override
        public String jdbcUrl() {
            return server.jdbcUrl(DATABASE);
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
            return "PostgreSQL " + server.version() + " (embedded) on 127.0.0.1:" + server.port();
        }

        @Override
        public java.util.Optional<String> lost() {
            return server.exitDescription();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
