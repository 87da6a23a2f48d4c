package dev.dbcheck.provision.server;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.BuildOwner;
import dev.dbcheck.provision.RandomHex;
import dev.dbcheck.sql.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role a run's SQL runs as on a shared server: made for the run, named like its database, owner of that
 * database and of nothing else, without SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS. A migration
 * that starts {@code DROP DATABASE IF EXISTS chinook; CREATE DATABASE chinook} (a sample-database script) is then
 * refused by the server itself, whatever the credentials the build was given may do. Dropped with the database.
 *
 * @param name     {@code dbcheck_<the database's random part>}
 * @param password random, known only to this run
 */
record RunRole(String name, String password) {

    /** The comment that says which build a role belongs to ({@link BuildOwner}). */
    static final String OWNER_COMMENT = "dbcheck run role of build ";

    /**
     * Makes the role, or returns null when the given credentials may not create roles (the caller then runs as
     * them, refusing what reaches beyond the database).
     */
    static RunRole create(Connection admin, String name, EngineLog log) throws SQLException {
        RunRole role = new RunRole(name, RandomHex.of(18));
        String quoted = Identifiers.alwaysQuote(name);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + quoted + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + role.password() + "'"); // hex: nothing to escape
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
        try (Statement s = admin.createStatement()) {
            s.execute("COMMENT ON ROLE " + quoted + " IS " + Identifiers.literal(OWNER_COMMENT
                    + BuildOwner.current()));
            // to make it the owner of the new database, the creating role must be able to act as it
            s.execute("GRANT " + quoted + " TO CURRENT_USER");
        } catch (SQLException e) {
            log.debug("Cannot prepare role " + name + " (" + e.getMessage() + "): running as the given role");
            drop(admin, role, log);
            return null;
        }
        return role;
    }

    /** Drops the role if there is one; a failure is logged, the run goes on. */
    static void drop(Connection admin, RunRole role, EngineLog log) {
        if (role == null) {
            return;
        }
        try (Statement s = admin.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + Identifiers.alwaysQuote(role.name()));
        } catch (SQLException e) {
            log.debug("Cannot drop role " + role.name() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RunRole[" + name + "]"; // never the password
    }
}
