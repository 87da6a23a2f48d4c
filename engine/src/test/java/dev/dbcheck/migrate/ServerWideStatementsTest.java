package dev.dbcheck.migrate;

import dev.dbcheck.sql.SqlScanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements act on the whole server; everything else stays in the database it runs in. */
class ServerWideStatementsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP DATABASE IF EXISTS chinook                         | DROP DATABASE",
            "create database chinook                                 | CREATE DATABASE",
            "ALTER DATABASE app SET work_mem = '64MB'                | ALTER DATABASE",
            "CREATE ROLE app_reader                                  | CREATE ROLE",
            "CREATE USER app WITH PASSWORD 'x'                       | CREATE USER",
            "ALTER ROLE ci SUPERUSER                                 | ALTER ROLE",
            "DROP GROUP readers                                      | DROP GROUP",
            "GRANT app_reader TO ci                                  | GRANT of a role (role membership)",
            "REVOKE admin FROM ci                                    | REVOKE of a role (role membership)",
            "ALTER SYSTEM SET shared_preload_libraries = 'evil'      | ALTER SYSTEM",
            "CREATE TABLESPACE fast LOCATION '/tmp/x'                | CREATE TABLESPACE",
            "COPY (SELECT 1) TO PROGRAM 'id'                         | COPY ... PROGRAM (a program on the server's machine)",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p | CREATE SUBSCRIPTION",
            "GRANT SELECT ON orders TO app_reader                    | ",
            "GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO app | ",
            "COPY orders FROM STDIN                                  | ",
            "CREATE TABLE program (id int)                           | ",
            "COMMENT ON TABLE orders IS 'CREATE DATABASE x'          | ",
            "ALTER TABLE orders ADD COLUMN role text                 | ",
    })
    void findsWhatActsBeyondTheDatabase(String sql, String expected) {
        Optional<String> found = ServerWideStatements.serverWide(SqlScanner.split(sql).get(0));
        assertThat(found.orElse(null)).isEqualTo(expected);
    }
}
