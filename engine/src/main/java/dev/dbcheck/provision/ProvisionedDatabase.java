package dev.dbcheck.provision;

import dev.dbcheck.base.DbcheckException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database that exists only for this run. Closing it stops the server or drops the database, and removes
 * every file and process that came with it.
 */
public interface ProvisionedDatabase extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    /** For the log: what it is and where, never credentials ({@code PostgreSQL 18.1 (embedded) on 127.0.0.1:51234}). */
    String description();

    default Connection connect() throws SQLException {
        return open(jdbcUrl(), user(), password());
    }

    /**
     * A connection as dbcheck opens every one: named {@code dbcheck} in {@code pg_stat_activity}, with a connect
     * and a {@link #LOGIN_TIMEOUT}. A null user or password is left to the driver's defaults.
     */
    static Connection open(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "dbcheck");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", Long.toString(LOGIN_TIMEOUT.toSeconds()));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * How long a connection may take to be accepted. The TCP handshake of a frozen server (its postmaster
     * stopped, swapping) succeeds in the kernel and then nothing answers: without a limit the build waits forever.
     */
    java.time.Duration LOGIN_TIMEOUT = java.time.Duration.ofSeconds(30);

    /**
     * Why the server is gone, when it went away during the run (killed, crashed, container removed), so that the
     * build says so instead of reporting the connection error the loss caused; empty while it runs.
     */
    default java.util.Optional<String> lost() {
        return java.util.Optional.empty();
    }

    /**
     * A connection for the SQL of the pom and of the dashboard files (custom rules, dashboard queries), as a role
     * without superuser rights where {@link #connect} is the superuser's ({@link QueryRole}); the same role as
     * {@link #connect} where that is no superuser already (the server provider).
     */
    default Connection connectForProjectQueries() throws SQLException {
        return connect();
    }

    /**
     * Whether the SQL of the run can act only on this database: true when the whole server is the run's
     * (embedded, docker) or the run's role owns nothing else (the server provider with a role of its own).
     * When false, statements that reach beyond the database are refused before the migrations run.
     */
    default boolean confinedToItsDatabase() {
        return true;
    }

    /**
     * A migration's error in words that say what about this database caused it, where there is something to say:
     * the server provider's role of the run's own was denied a privilege, the embedded binaries lack an extension.
     *
     * @param sqlState the error's SQLSTATE, or null
     * @param message  PostgreSQL's words ({@code ERROR: ...})
     * @return the message to report: {@code message} itself when there is nothing to add
     */
    default String explainMigrationError(String sqlState, String message) {
        return message;
    }

    /**
     * Synthetic data an earlier build kept for the inputs this run was provisioned with (only the embedded
     * provider keeps any): a database of this server that holds it, with what was stored beside it. It is
     * offered, not checked: the caller compares the metadata with this run's migrated schema before using it.
     */
    default java.util.Optional<ReusedData> reusedData() {
        return java.util.Optional.empty();
    }

    /**
     * Keeps this database's data for later builds with the same inputs when the run ends (the offered
     * {@link #reusedData} is dropped first, and its entry replaced).
     *
     * @param metadata what a later build reads back as {@link ReusedData#metadata}
     * @return false when this provider keeps nothing between builds
     */
    default boolean keepDataForReuse(String metadata) {
        return false;
    }

    /**
     * Data kept by an earlier build.
     *
     * @param database a database of the same server holding it (closing it does nothing; it goes with the server)
     * @param key      the entry's name ({@code 3f9c1a2b...})
     * @param created  when it was kept
     * @param copyTime what copying it took at the start
     */
    record ReusedData(ProvisionedDatabase database, String key, String metadata, java.time.Instant created,
                      java.time.Duration copyTime) {
    }

    @Override
    void close() throws DbcheckException;
}
