package dev.dbcheck.maven;

/**
 * The {@code <server>} element, for {@code <provider>server</provider>}:
 * <pre>{@code
 * <server>
 *   <url>jdbc:postgresql://ci-db:5432/postgres</url>
 *   <serverId>ci-db</serverId>
 * </server>
 * }</pre>
 * The credentials live in settings.xml under {@code <servers><server><id>ci-db</id>} (the password may be
 * encrypted with {@code mvn --encrypt-password}), or in the environment: DBCHECK_DB_USER and DBCHECK_DB_PASSWORD,
 * else PGUSER and PGPASSWORD. They are never printed.
 */
public class ServerConfiguration {

    /** JDBC URL of a database dbcheck connects to for CREATE/DROP DATABASE, usually postgres; no credentials. */
    String url;
    /** The id of the settings.xml {@code <server>} holding the user name and password. */
    String serverId;
    /** An empty database to use instead of creating {@code dbcheck_<random>}; refused if not empty. */
    String database;
}
