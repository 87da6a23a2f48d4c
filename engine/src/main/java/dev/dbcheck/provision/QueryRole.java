package dev.dbcheck.provision;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role the pom's custom rules and the dashboard queries run as on a server whose every other session is its
 * superuser's (embedded, docker): it reads and writes every table ({@code pg_read_all_data},
 * {@code pg_write_all_data}, {@code pg_read_all_stats}; {@code BYPASSRLS}, so that row security does not change
 * what a plan measures), and nothing more — no {@code pg_read_file}, no {@code COPY ... PROGRAM}, no {@code ALTER
 * SYSTEM}. Made once per server, after the migrations (its name has a random part, so that no migration can have
 * made it first); it goes with the server.
 *
 * @param name     {@code dbcheck_queries_<random>}
 * @param password random
 */
public record QueryRole(String name, String password) {

    /** Makes the role with the database's (superuser) credentials. */
    public static QueryRole create(ProvisionedDatabase database) throws SQLException {
        // the name is seen by every session (pg_roles): no part of the password
        QueryRole role = new QueryRole("dbcheck_queries_" + RandomHex.of(5), RandomHex.of(16));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            ThrowawaySettings.fastPasswordHashing(c, s);
            // name and password are hex: nothing to quote or escape
            s.execute("CREATE ROLE " + role.name() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "BYPASSRLS PASSWORD '" + role.password() + "'");
            s.execute("GRANT pg_read_all_data, pg_write_all_data, pg_read_all_stats TO " + role.name());
        }
        return role;
    }

    /** A connection to the database as this role. */
    public Connection connect(ProvisionedDatabase database) throws SQLException {
        return ProvisionedDatabase.open(database.jdbcUrl(), name, password);
    }

    @Override
    public String toString() {
        return "QueryRole[" + name + "]"; // never the password
    }
}
