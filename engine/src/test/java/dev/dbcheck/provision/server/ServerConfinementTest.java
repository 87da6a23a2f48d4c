package dev.dbcheck.provision.server;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.BuildOwner;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server provider on a team's server: the project's SQL must act only on dbcheck's throwaway database. A
 * canary database stands for the team's own; migrations written to reach it (a sample-database script's
 * {@code DROP DATABASE IF EXISTS ...; CREATE DATABASE ...}, a {@code CREATE ROLE}) must leave it, and the server's
 * list of databases and roles, exactly as they were — with the server's superuser as the given credentials, with
 * a CI role that may create roles, and with one that may only create databases.
 */
class ServerConfinementTest {

    private static final String ADMIN = "ci_admin";
    private static final String ADMIN_PASSWORD = "Admin-Secret-4d1e";
    private static final String CREATOR = "ci_dbcreator";
    private static final String CREATOR_PASSWORD = "Creator-Secret-88a0";
    private static final String CANARY = "canary_team_db";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void serverWithACanary() throws SQLException {
        server = TestPostgres.server();
        dropThem(); // an earlier JVM's, killed before its @AfterAll
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'");
            s.execute("CREATE ROLE " + CREATOR + " LOGIN CREATEDB PASSWORD '" + CREATOR_PASSWORD + "'");
            // the team's database, owned by the role the build is given: that role could drop it
            s.execute("CREATE DATABASE " + CANARY + " OWNER " + ADMIN);
        }
        try (Connection c = server.connect(CANARY); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE guard (id int PRIMARY KEY)");
            s.execute("INSERT INTO guard VALUES (1)");
        }
    }

    @AfterAll
    static void dropThem() throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + CANARY);
            s.execute("DROP DATABASE IF EXISTS chinook");
            s.execute("DROP ROLE IF EXISTS app_reader");
            s.execute("DROP ROLE IF EXISTS " + ADMIN);
            s.execute("DROP ROLE IF EXISTS " + CREATOR);
        }
    }

    @Test
    void aMigrationCannotDropAnotherDatabaseEvenWithTheSuperusersCredentials(@TempDir Path project)
            throws Exception {
        String before = serverState();
        migration(project, "DROP DATABASE IF EXISTS " + CANARY + ";");

        assertThatThrownBy(() -> run(project, EmbeddedPostgres.SUPERUSER, server.password()))
                .isInstanceOf(DbcheckException.class)
                .hasMessageMatching("src/main/resources/db/migration/V1__sample.sql:1: ERROR: must be owner of "
                        + "database " + CANARY + " \\(the server provider runs the project's SQL as "
                        + "dbcheck_[0-9a-f]{10}, a role that owns only the throwaway database \\(no superuser, "
                        + "CREATEDB or CREATEROLE\\), so that nothing reaches the server's other databases and roles; "
                        + "use provider embedded or docker, whose whole server is the build's, for SQL that needs "
                        + "more\\)");
        assertThat(serverState()).as("databases, roles and the canary's rows as they were").isEqualTo(before);
    }

    @Test
    void aSampleDatabaseScriptCannotCreateADatabaseOrARole(@TempDir Path project) throws Exception {
        String before = serverState();
        migration(project, "CREATE ROLE app_reader;");
        assertThatThrownBy(() -> run(project, ADMIN, ADMIN_PASSWORD))
                .hasMessageStartingWith("src/main/resources/db/migration/V1__sample.sql:1: ERROR: permission denied "
                        + "to create role");
        migration(project, "CREATE DATABASE chinook;");
        assertThatThrownBy(() -> run(project, ADMIN, ADMIN_PASSWORD))
                .hasMessageStartingWith("src/main/resources/db/migration/V1__sample.sql:1: ERROR: permission denied "
                        + "to create database (the server provider runs the project's SQL as dbcheck_");
        assertThat(serverState()).isEqualTo(before);
    }

    @Test
    void theProjectsSqlRunsAsTheRunsOwnRoleWhichIsDroppedAfterwards(@TempDir Path project) throws Exception {
        String before = serverState();
        migration(project, "CREATE TABLE who AS SELECT current_user::text AS role_name, "
                + "current_setting('is_superuser') AS superuser, "
                + "(SELECT rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS creates;");
        DbcheckConfig config = config(project, ADMIN, ADMIN_PASSWORD)
                .item("customRules", Map.of("id", "who-runs", "severity", "info",
                        "sql", "SELECT 'public' AS schema, 'who' AS table, role_name || ' superuser=' || superuser "
                                + "|| ' creates=' || creates AS message FROM who"))
                .build();
        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of()).check(RecordingLog.into(new ArrayList<>()),
                false);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("who-runs")).extracting(Finding::message)
                .singleElement().asString().matches("dbcheck_[0-9a-f]{10} superuser=off creates=false");
        assertThat(serverState()).as("the run's role is gone with its database").isEqualTo(before);
    }

    @Test
    void withCredentialsThatCannotCreateRolesServerWideStatementsAreRefusedBeforeAnythingRuns(@TempDir Path project)
            throws Exception {
        String before = serverState();
        Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__tables.sql"),
                "CREATE TABLE canary_marker (id int);\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("src/main/resources/db/migration/V2__sample.sql"),
                "-- the sample database's script\nDROP DATABASE IF EXISTS " + CANARY + ";\nCREATE DATABASE chinook;\n",
                StandardCharsets.UTF_8);
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> new Dbcheck(config(project, CREATOR, CREATOR_PASSWORD).build(), (g, a, v) -> null,
                List.of()).check(RecordingLog.into(log), false))
                .hasMessage("src/main/resources/db/migration/V2__sample.sql:2: DROP DATABASE acts beyond the "
                        + "throwaway database, on the whole server; the role dbcheck was given may not create roles, "
                        + "so it cannot run the migrations as a role confined to that database. Grant that role "
                        + "CREATEROLE (dbcheck then makes a role of its own for each run), or use provider embedded "
                        + "or docker, whose whole server is the build's");
        assertThat(log).anyMatch(l -> l.startsWith("The role from test may not create roles, so the migrations run "
                + "as that role"));
        assertThat(serverState()).isEqualTo(before);
    }

    @Test
    void rolesOfBuildsKilledOnThisHostAreDroppedByTheNextRunAndNoOthers() throws Exception {
        String thisBuild = BuildOwner.current();
        String deadBuild = thisBuild.replaceAll("/\\d+/\\d+$", "/999999/1");
        Map<String, String> left = new java.util.LinkedHashMap<>();
        left.put("dbcheck_00000000d2", RunRole.OWNER_COMMENT + deadBuild);
        left.put("dbcheck_00000000a2", RunRole.OWNER_COMMENT + thisBuild);
        left.put("dbcheck_00000000c2", null);
        // made by the CI role, as a killed build of it would have left them
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), ADMIN, ADMIN_PASSWORD);
             Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : left.entrySet()) {
                s.execute("CREATE ROLE " + e.getKey());
                if (e.getValue() != null) {
                    s.execute("COMMENT ON ROLE " + e.getKey() + " IS '" + e.getValue() + "'");
                }
            }
        }
        try {
            List<String> log = new ArrayList<>();
            ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("postgres"), ADMIN,
                    ADMIN_PASSWORD, "env", null), 0, Map.of());
            try (ProvisionedDatabase db = provider.provision(RecordingLog.into(log))) {
                assertThat(db.user()).matches("dbcheck_[0-9a-f]{10}").isNotEqualTo(ADMIN);
            }
            assertThat(log).contains("Dropped role dbcheck_00000000d2, left by a build on this host that ended "
                    + "without cleaning up");
            assertThat(roles()).doesNotContain("dbcheck_00000000d2")
                    .contains("dbcheck_00000000a2", "dbcheck_00000000c2");
        } finally {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                for (String name : left.keySet()) {
                    s.execute("DROP ROLE IF EXISTS " + name);
                }
            }
        }
    }

    private static void migration(Path project, String... lines) throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__sample.sql"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static DbcheckConfig.Builder config(Path project, String user, String password) throws Exception {
        return DbcheckConfig.builder(project).set("provider", "server").set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(user, password, "test").set("formats", List.of("none"));
    }

    private static void run(Path project, String user, String password) throws Exception {
        new Dbcheck(config(project, user, password).build(), (g, a, v) -> null, List.of())
                .check(RecordingLog.into(new ArrayList<>()), false);
    }

    /** The server's databases and roles (but the tests' own), and the canary's rows. */
    private static String serverState() throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database "
                     + "WHERE datname NOT LIKE 'test\\_%'), (SELECT string_agg(rolname, ',' ORDER BY rolname) "
                     + "FROM pg_roles)")) {
            rs.next();
            String state = rs.getString(1) + " | " + rs.getString(2);
            try (Connection canary = server.connect(CANARY); Statement cs = canary.createStatement();
                 ResultSet rows = cs.executeQuery("SELECT count(*) FROM guard")) {
                rows.next();
                return state + " | guard rows: " + rows.getInt(1);
            }
        }
    }

    private static List<String> roles() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
