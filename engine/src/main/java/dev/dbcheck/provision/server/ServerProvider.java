package dev.dbcheck.provision.server;

import dev.dbcheck.base.Wording;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.BuildOwner;
import dev.dbcheck.provision.Cleanup;
import dev.dbcheck.provision.DatabaseProvider;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.RandomHex;
import dev.dbcheck.sql.Identifiers;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway database on an existing PostgreSQL server (a CI service container, a staging box): dbcheck creates
 * {@code dbcheck_<random>}, runs everything there and drops it at the end, on failure and at JVM shutdown. The
 * server's other databases are never written: the maintenance connection only creates and drops dbcheck's own.
 * Alternatively a given database is used, if it is empty, and emptied again afterwards.
 *
 * <p>Credentials come from the caller (settings.xml or the environment) and appear in no message, log line or
 * description; the URL must not carry them.
 */
public final class ServerProvider implements DatabaseProvider {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final String url;
    private final String user;
    private final String password;
    private final String credentialSource;
    private final String existingDatabase;
    private final int expectedMajor;
    private final java.util.Map<String, String> settings;
    private final String host;

    /**
     * @param target        the server, its credentials, and optionally an empty database to use
     * @param expectedMajor the configured PostgreSQL major; a different server major is reported as a warning
     * @param settings      server settings; applied to a created database ({@code ALTER DATABASE ... SET})
     */
    public ServerProvider(ServerTarget target, int expectedMajor, java.util.Map<String, String> settings)
            throws DbcheckException {
        this.url = checkedUrl(target.url());
        this.user = target.user();
        this.password = target.password();
        this.credentialSource = target.credentialSource();
        String existingDatabase = target.database();
        this.existingDatabase = existingDatabase == null || existingDatabase.isBlank() ? null : existingDatabase.trim();
        this.expectedMajor = expectedMajor;
        this.settings = java.util.Map.copyOf(settings);
        Properties parsed = Driver.parseURL(this.url, new Properties());
        this.host = parsed == null ? "the server" : parsed.getProperty("PGHOST", "localhost") + ":"
                + parsed.getProperty("PGPORT", "5432");
    }

    /**
     * The server URL, trimmed, if it is a PostgreSQL JDBC URL without credentials (a URL ends up in logs); the
     * configuration checks it with this before anything starts, the provider again for callers without one.
     */
    public static String checkedUrl(String url) throws ConfigException {
        String trimmed = url == null ? "" : url.trim();
        if (!URL.matcher(trimmed).matches()) {
            throw new ConfigException("server.url", "'" + trimmed + "' is not a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:5432/postgres)");
        }
        if (trimmed.toLowerCase(java.util.Locale.ROOT).matches(".*[?&](password|user)=.*")) {
            throw new ConfigException("server.url", "credentials do not belong in the URL (it may be logged); put "
                    + "them in settings.xml (" + Wording.current().setting("server.serverId") + ") or DBCHECK_DB_USER "
                    + "and DBCHECK_DB_PASSWORD");
        }
        return trimmed;
    }

    @Override
    public ProvisionedDatabase provision(EngineLog log) throws DbcheckException {
        long start = System.nanoTime();
        String version;
        try (Connection admin = connect(url)) {
            version = serverVersion(admin, log);
            if (existingDatabase == null) {
                dropWhatDeadBuildsLeft(admin, log);
                String name = "dbcheck_" + RandomHex.of(5);
                RunRole role = RunRole.create(admin, name, log);
                try (Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + Identifiers.alwaysQuote(name)
                            + (role == null ? "" : " OWNER " + Identifiers.alwaysQuote(role.name())));
                } catch (SQLException e) {
                    RunRole.drop(admin, role, log);
                    if ("42501".equals(e.getSQLState())) {
                        throw new DbcheckException("The role from " + credentialSource + " may not create databases on "
                                + host + ": grant it CREATEDB (ALTER ROLE ... CREATEDB), or set "
                                + Wording.current().setting("server.database") + " to an empty database dbcheck may use");
                    }
                    throw new DbcheckException("Cannot create a database on " + host + ": " + e.getMessage(), e);
                }
                ServerDatabase db = new ServerDatabase(this, name, version, true, role);
                Cleanup.register(db);
                mark(admin, name, log);
                applySettings(admin, name, log);
                log.info(String.format("Created database %s on PostgreSQL %s at %s in %.2f s; it is dropped at the end",
                        name, version, host, (System.nanoTime() - start) / 1e9));
                if (role == null) {
                    log.warn("The role from " + credentialSource + " may not create roles, so the migrations run as "
                            + "that role, which can reach the server's other databases; dbcheck refuses statements "
                            + "that act beyond its database (CREATE/DROP DATABASE, roles, ALTER SYSTEM, COPY ... "
                            + "PROGRAM, tablespaces). Grant it CREATEROLE and dbcheck runs them as a role of its own "
                            + "that owns only the throwaway database");
                }
                return db;
            }
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
        try (Connection c = connect(withDatabase(existingDatabase))) {
            List<String> objects = EmptyDatabase.objects(c);
            if (!objects.isEmpty()) {
                throw new DbcheckException("Database " + existingDatabase + " on " + host + " is not empty ("
                        + String.join(", ", objects.subList(0, Math.min(5, objects.size())))
                        + (objects.size() > 5 ? ", ... " + objects.size() + " in all" : "")
                        + "); dbcheck only uses an empty one, which it empties again afterwards");
            }
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
        if (!settings.isEmpty()) {
            log.warn("serverSettings are not applied to the given database " + existingDatabase + " (it is not "
                    + "dbcheck's to change); set them on the server or let dbcheck create its own database");
        }
        ServerDatabase db = new ServerDatabase(this, existingDatabase, version, false, null);
        Cleanup.register(db);
        log.info(String.format("Using the empty database %s on PostgreSQL %s at %s; it is emptied at the end",
                existingDatabase, version, host));
        return db;
    }

    /** The comment that says which build a created database belongs to ({@link BuildOwner}). */
    static final String OWNER_COMMENT = "dbcheck throwaway database of build ";

    /** Marks the created database with this build, so that a later build can drop it if this one is killed. */
    private void mark(Connection admin, String database, EngineLog log) {
        try (Statement s = admin.createStatement()) {
            s.execute("COMMENT ON DATABASE " + Identifiers.alwaysQuote(database) + " IS "
                    + Identifiers.literal(OWNER_COMMENT + BuildOwner.current()));
        } catch (SQLException e) {
            log.debug("Cannot mark database " + database + " with its build: " + e.getMessage());
        }
    }

    /** The databases and run roles that builds of this host left when they were killed ({@link DeadBuilds}). */
    private void dropWhatDeadBuildsLeft(Connection admin, EngineLog log) {
        DeadBuilds.drop(admin, "database", "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
                + "WHERE datname ~ '^dbcheck_[0-9a-f]{10}$'", OWNER_COMMENT, " WITH (FORCE)", " on " + host, log);
        // their roles own nothing once the databases are gone
        DeadBuilds.drop(admin, "role", "SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles "
                + "WHERE rolname ~ '^dbcheck_[0-9a-f]{10}$'", RunRole.OWNER_COMMENT, "", "", log);
    }

    /**
     * A shared server's own settings are not dbcheck's to change; per-database defaults are ({@code work_mem},
     * planner costs). Settings that only the server's configuration can set are reported and skipped.
     */
    private void applySettings(Connection admin, String database, EngineLog log) {
        for (java.util.Map.Entry<String, String> e : settings.entrySet()) {
            try (Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + Identifiers.alwaysQuote(database) + " SET "
                        + e.getKey() + " = " + Identifiers.literal(e.getValue())); // names validated: [a-z_][a-z0-9_.]*
            } catch (SQLException ex) {
                log.warn("serverSettings." + e.getKey() + " is not applied on the server at " + host + ": "
                        + ex.getMessage());
            }
        }
    }

    private String serverVersion(Connection c, EngineLog log) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int")) {
            rs.next();
            int major = rs.getInt(2) / 10000;
            if (expectedMajor > 0 && major != expectedMajor) {
                log.warn("The server at " + host + " runs PostgreSQL " + major + " but postgresVersion is "
                        + expectedMajor + ": findings and plans are those of PostgreSQL " + major);
            }
            return rs.getString(1).replaceAll(" .*", "");
        }
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return ProvisionedDatabase.open(jdbcUrl, user, password);
    }

    /** The URL with its database replaced. */
    String withDatabase(String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(url);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** One readable message per way a connection fails; never the user name, never the password. */
    private DbcheckException connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new DbcheckException("The PostgreSQL server at " + host + " rejected the credentials from "
                    + credentialSource + " (SQLSTATE " + state + ": authentication failed)");
        }
        if (state.equals("3D000")) {
            return new DbcheckException("server.url: the database in " + url + " does not exist on " + host);
        }
        if (state.startsWith("08")) {
            return new DbcheckException("Cannot reach the PostgreSQL server at " + host + " (server.url): "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage()) + ". Check that it runs and accepts TCP connections from here, or use "
                    + "provider embedded (no server needed) or docker");
        }
        return new DbcheckException("PostgreSQL server at " + host + ": " + e.getMessage().replace(
                user == null ? "\u0000" : user, "<user>"), e);
    }

    /**
     * The run's database on the server: one dbcheck created is dropped at the end; a given one is emptied again,
     * since it is not dbcheck's to drop.
     */
    private static final class ServerDatabase implements ProvisionedDatabase {
        private final ServerProvider provider;
        private final String name;
        private final String version;
        private final boolean created;
        /** The role the run's SQL runs as; null: the given credentials' role. */
        private final RunRole role;
        private boolean closed;

        ServerDatabase(ServerProvider provider, String name, String version, boolean created, RunRole role) {
            this.provider = provider;
            this.name = name;
            this.version = version;
            this.created = created;
            this.role = role;
        }

        @Override
        public String jdbcUrl() {
            return provider.withDatabase(name);
        }

        @Override
        public String user() {
            return role != null ? role.name() : provider.user;
        }

        @Override
        public String password() {
            return role != null ? role.password() : provider.password;
        }

        /** A privilege the run's own role was denied is named as the confinement it is. */
        @Override
        public String explainMigrationError(String sqlState, String message) {
            if (role == null || !"42501".equals(sqlState)) {
                return message;
            }
            return message + " (the server provider runs the project's SQL as " + role.name() + ", a role that "
                    + "owns only the throwaway database (no superuser, CREATEDB or CREATEROLE), so that nothing "
                    + "reaches the server's other databases and roles; use provider embedded or docker, whose whole "
                    + "server is the build's, for SQL that needs more)";
        }

        @Override
        public boolean confinedToItsDatabase() {
            return role != null;
        }

        @Override
        public String description() {
            return "PostgreSQL " + version + " (server) at " + provider.host + ", database " + name;
        }

        @Override
        public synchronized void close() throws DbcheckException {
            if (closed) {
                return;
            }
            closed = true;
            Cleanup.unregister(this);
            if (created) {
                try (Connection admin = provider.connect(provider.url); Statement s = admin.createStatement()) {
                    // FORCE ends this run's own sessions that are still open (PostgreSQL 13+)
                    s.execute("DROP DATABASE IF EXISTS " + Identifiers.alwaysQuote(name) + " WITH (FORCE)");
                    if (role != null) {
                        s.execute("DROP ROLE IF EXISTS " + Identifiers.alwaysQuote(role.name()));
                    }
                } catch (SQLException e) {
                    throw new DbcheckException("Cannot drop database " + name + " on " + provider.host + ": "
                            + e.getMessage() + "; drop it by hand", e);
                }
            } else {
                try (Connection c = provider.connect(jdbcUrl())) {
                    EmptyDatabase.clear(c);
                    List<String> left = EmptyDatabase.objects(c);
                    if (!left.isEmpty()) {
                        throw new DbcheckException("Database " + name + " on " + provider.host + " could not be "
                                + "emptied again: the migrations left " + String.join(", ", left) + ", which "
                                + "dbcheck cannot undo; remove them by hand, or let dbcheck create its own "
                                + "database (unset " + Wording.current().setting("server.database") + ")");
                    }
                } catch (SQLException e) {
                    throw new DbcheckException("Cannot empty database " + name + " on " + provider.host + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }
}
