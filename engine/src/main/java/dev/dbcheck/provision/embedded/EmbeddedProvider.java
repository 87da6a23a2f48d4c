package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.DatabaseProvider;
import dev.dbcheck.provision.ProvisionedDatabase;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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
    /** Where clusters with synthetic data are kept, and the key of this run's inputs; null when nothing is reused. */
    private final LoadedClusters clusters;
    private final String dataKey;

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
        this.clusters = null;
        this.dataKey = null;
    }

    private EmbeddedProvider(EmbeddedProvider base, LoadedClusters clusters, String dataKey) {
        this.version = base.version;
        this.resolver = base.resolver;
        this.cacheDirectory = base.cacheDirectory;
        this.workDirectory = base.workDirectory;
        this.settings = base.settings;
        this.startupTimeout = base.startupTimeout;
        this.serverUser = base.serverUser;
        this.ports = base.ports;
        this.clusters = clusters;
        this.dataKey = dataKey;
    }

    /**
     * The same provider, starting from the cluster kept for {@code dataKey} when there is one
     * ({@link ProvisionedDatabase#reusedData}) and able to keep this run's ({@link ProvisionedDatabase#keepDataForReuse}).
     *
     * @param maxBytes what the kept clusters together may take
     */
    public EmbeddedProvider reusingData(String dataKey, long maxBytes) {
        return new EmbeddedProvider(this, LoadedClusters.in(cacheDirectory, maxBytes), dataKey);
    }

    /** Where this provider keeps clusters with data; null when it keeps none. */
    public LoadedClusters loadedClusters() {
        return clusters;
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
        long binaries = System.nanoTime() - start;
        ServerUser user = ServerUser.choose(serverUser, true);
        LoadedClusters.Entry kept = clusters == null ? null : clusters.find(dataKey).orElse(null);
        EmbeddedPostgres server = EmbeddedPostgres.start(installation, user, workDirectory, settings, startupTimeout,
                EmbeddedPostgres.ClusterSource.TEMPLATE, ports, clusters, kept, log);
        long createStart = System.nanoTime();
        try {
            if (server.loadedFrom().isPresent()) {
                setAsideKeptDatabase(server);
            }
            createStart = System.nanoTime();
            server.createDatabase(DATABASE, null);
        } catch (SQLException e) {
            server.close();
            throw new DbcheckException("Cannot create the database on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        long created = System.nanoTime();
        // each part, so that a slow start says where its time went (docs/benchmarks.md, "Embedded startup")
        log.info(String.format("PostgreSQL %s (embedded) on 127.0.0.1:%d started in %.2f s (binaries %.2f s, %s "
                        + "%.2f s, start %.2f s, password %.2f s, CREATE DATABASE %.2f s)%s", version, server.port(),
                (created - start) / 1e9, binaries / 1e9,
                server.loadedFrom().isPresent() ? "cluster with the kept synthetic data " + dataKey.substring(0, 12)
                        + " copied in" : server.fromTemplate() ? "cluster copied from the cached template in"
                        : "initdb",
                server.clusterTime().toNanos() / 1e9, server.startTime().toNanos() / 1e9,
                server.passwordTime().toNanos() / 1e9, (created - createStart) / 1e9,
                user.switchesUser() ? ", running as " + user.name() + (user.ownUid() ? " of its own" : "")
                        + " because this build runs as root" : ""));
        return new Embedded(server, dataKey);
    }

    /** The database that holds the kept data; the run's own database is made fresh beside it. */
    static final String REUSED_DATABASE = "dbcheck_reused";

    /**
     * The kept cluster's database was the earlier run's {@value #DATABASE}: renamed, so that this run migrates a
     * fresh one, and the earlier run's query role goes (its password is unknown, but nothing should be left of it).
     */
    private static void setAsideKeptDatabase(EmbeddedPostgres server) throws SQLException {
        try (java.sql.Connection c = server.connect("postgres"); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " RENAME TO " + REUSED_DATABASE);
            List<String> roles = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE "
                    + "'dbcheck\\_queries\\_%'")) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            for (String role : roles) {
                s.execute("DROP ROLE " + dev.dbcheck.sql.Identifiers.alwaysQuote(role));
            }
        }
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
        private final String dataKey;
        private dev.dbcheck.provision.QueryRole queryRole;

        Embedded(EmbeddedPostgres server, String dataKey) {
            this.server = server;
            this.dataKey = dataKey;
        }

        @Override
        public java.util.Optional<ReusedData> reusedData() {
            return server.loadedFrom().map(e -> new ReusedData(new Sibling(this, REUSED_DATABASE), e.key(),
                    e.metadata(), e.created(), server.clusterTime()));
        }

        @Override
        public boolean keepDataForReuse(String metadata) {
            if (dataKey == null) {
                return false;
            }
            boolean replace = server.loadedFrom().isPresent();
            if (replace) {
                // the kept data did not fit this run: not stored again inside the new entry
                try (java.sql.Connection c = server.connect("postgres"); java.sql.Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + REUSED_DATABASE + " WITH (FORCE)");
                } catch (SQLException e) {
                    return false;
                }
            }
            return server.keepOnClose(dataKey, metadata, replace);
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
        public java.sql.Connection connectForProjectQueries() throws SQLException {
            return queryRole().connect(this);
        }

        /** The server's query role, made on first use; the kept data's database shares it (roles are the server's). */
        synchronized dev.dbcheck.provision.QueryRole queryRole() throws SQLException {
            if (queryRole == null) {
                queryRole = dev.dbcheck.provision.QueryRole.create(this);
            }
            return queryRole;
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

    /** Another database of the same embedded server: the one with the kept data. */
    private record Sibling(Embedded server, String name) implements ProvisionedDatabase {

        @Override
        public java.sql.Connection connectForProjectQueries() throws SQLException {
            return server.queryRole().connect(this);
        }

        @Override
        public String jdbcUrl() {
            return server.server.jdbcUrl(name);
        }

        @Override
        public String user() {
            return server.user();
        }

        @Override
        public String password() {
            return server.password();
        }

        @Override
        public String description() {
            return server.description();
        }

        @Override
        public java.util.Optional<String> lost() {
            return server.lost();
        }

        @Override
        public void close() {
            // goes with the server
        }
    }
}
