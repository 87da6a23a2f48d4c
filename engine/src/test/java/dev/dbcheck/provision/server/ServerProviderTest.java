package dev.dbcheck.provision.server;

import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.Reports;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
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
 * The server provider against a separately started PostgreSQL (the test JVM's embedded server acting as "the
 * team's server"), with roles of its own: a CI role that may create databases, one that may not, and a canary
 * database that must come out of every run exactly as it went in.
 */
class ServerProviderTest {

    private static final String CREATOR = "ci_creator";
    private static final String CREATOR_PASSWORD = "s3cret-Creator-9f2a";
    private static final String PLAIN = "ci_plain";
    private static final String PLAIN_PASSWORD = "s3cret-Plain-77c1";
    private static final String CANARY = "canary_app";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void roles() throws SQLException {
        server = TestPostgres.server();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + CANARY);
            s.execute("DROP DATABASE IF EXISTS ci_given");
            s.execute("DROP ROLE IF EXISTS " + CREATOR);
            s.execute("DROP ROLE IF EXISTS " + PLAIN);
            s.execute("CREATE ROLE " + CREATOR + " LOGIN CREATEDB PASSWORD '" + CREATOR_PASSWORD + "'");
            s.execute("CREATE ROLE " + PLAIN + " LOGIN PASSWORD '" + PLAIN_PASSWORD + "'");
            s.execute("CREATE DATABASE " + CANARY);
            s.execute("CREATE DATABASE ci_given OWNER " + PLAIN);
        }
        try (Connection c = server.connect(CANARY); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE guard (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO guard VALUES (1, 'untouched')");
        }
    }

    @AfterAll
    static void dropRoles() throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + CANARY);
            s.execute("DROP DATABASE IF EXISTS ci_given");
            s.execute("DROP ROLE IF EXISTS " + CREATOR);
            s.execute("DROP ROLE IF EXISTS " + PLAIN);
        }
    }

    @Test
    void aWholeRunUsesItsOwnDatabaseWhichIsDroppedAfterwards(@TempDir Path project) throws Exception {
        migrations(project, "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                "    customer_id bigint NOT NULL REFERENCES customers (id), payload json);");
        String canaryBefore = canaryState();
        List<String> databasesBefore = databases();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(CREATOR, CREATOR_PASSWORD, "settings.xml server 'ci-db'")
                .set("serverSettings", Map.of("work_mem", "9MB"))
                .set("formats", List.of("json", "sarif", "html", "junit")).build();
        List<String> log = new ArrayList<>();
        RunResult result = new Dbcheck(config, (g, a, v) -> {
            throw new AssertionError("the server provider needs no binaries");
        }, List.of()).run(RecordingLog.into(log));
        List<Path> reports = new Reports(config.reports()).write(result);

        assertThat(result.findings()).extracting(Finding::ruleId).contains("foreign-key-without-index", "json-column");
        assertThat(result.database()).matches("PostgreSQL 1\\d[0-9.]* \\(server\\) at 127\\.0\\.0\\.1:\\d+, "
                + "database dbcheck_[0-9a-f]{10}");
        assertThat(log).anyMatch(l -> l.matches("Created database dbcheck_[0-9a-f]{10} on PostgreSQL [0-9.]+ at "
                + "127\\.0\\.0\\.1:\\d+ in [0-9.]+ s; it is dropped at the end"));
        assertThat(databases()).as("the run's database is dropped").isEqualTo(databasesBefore);
        assertThat(canaryState()).as("other databases untouched").isEqualTo(canaryBefore);

        List<String> everything = new ArrayList<>(log);
        everything.add(result.database());
        for (Path report : reports) {
            everything.add(Files.readString(report));
        }
        assertThat(everything).as("credentials appear in no log line and no report")
                .noneMatch(s -> s.contains(CREATOR_PASSWORD) || s.contains(CREATOR));
        assertThat(config.toString()).doesNotContain(CREATOR_PASSWORD, CREATOR);
    }

    @Test
    void databasesOfBuildsKilledOnThisHostAreDroppedByTheNextRunAndNoOthers() throws Exception {
        String thisBuild = dev.dbcheck.provision.BuildOwner.current();
        String deadBuild = thisBuild.replaceAll("/\\d+/\\d+$", "/999999/1");
        Map<String, String> left = new java.util.LinkedHashMap<>();
        left.put("dbcheck_00000000d1", ServerProvider.OWNER_COMMENT + deadBuild);
        left.put("dbcheck_00000000a1", ServerProvider.OWNER_COMMENT + thisBuild);
        left.put("dbcheck_00000000e1", ServerProvider.OWNER_COMMENT + "elsewhere/1/1");
        left.put("dbcheck_00000000c1", null);
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : left.entrySet()) {
                s.execute("CREATE DATABASE " + e.getKey() + " OWNER " + CREATOR);
                if (e.getValue() != null) {
                    s.execute("COMMENT ON DATABASE " + e.getKey() + " IS '" + e.getValue() + "'");
                }
            }
        }
        try {
            List<String> log = new ArrayList<>();
            ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("postgres"), CREATOR, CREATOR_PASSWORD, "env", null), 0, Map.of());
            String created;
            try (ProvisionedDatabase db = provider.provision(RecordingLog.into(log));
                 Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database(), "
                         + "shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), "
                         + "'pg_database')")) {
                rs.next();
                created = rs.getString(1);
                assertThat(rs.getString(2)).as("the run's database names its build").isEqualTo(
                        ServerProvider.OWNER_COMMENT + thisBuild);
            }
            assertThat(log).anyMatch(l -> l.startsWith("Dropped database dbcheck_00000000d1 on 127.0.0.1:"));
            assertThat(databases()).doesNotContain("dbcheck_00000000d1", created)
                    .contains("dbcheck_00000000a1", "dbcheck_00000000e1", "dbcheck_00000000c1");
        } finally {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                for (String name : left.keySet()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
        }
    }

    @Test
    void settingsApplyToTheCreatedDatabaseOnly() throws Exception {
        ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("postgres"), CREATOR, CREATOR_PASSWORD, "env", null), 0, Map.of("work_mem", "9MB", "random_page_cost", "1.1"));
        String name;
        try (ProvisionedDatabase db = provider.provision(EngineLog.SILENT);
             Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            name = db.jdbcUrl().replaceAll(".*/", "");
            assertThat(value(s, "SHOW work_mem")).isEqualTo("9MB");
            assertThat(value(s, "SHOW random_page_cost")).isEqualTo("1.1");
            assertThat(value(s, "SELECT current_database()")).isEqualTo(name);
        }
        assertThat(databases()).doesNotContain(name);
        try (Connection c = server.connect(CANARY); Statement s = c.createStatement()) {
            assertThat(value(s, "SHOW work_mem")).as("the server's other databases keep their settings")
                    .isNotEqualTo("9MB");
        }
    }

    @Test
    void aDatabaseIsDroppedWhenTheRunFails(@TempDir Path project) throws Exception {
        migrations(project, "CREATE TABLE orders (id bigint PRIMARY KEY);", "CREATE TABLE items (order_id bigint "
                + "REFERENCES no_such_table (id));");
        List<String> before = databases();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server").set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(CREATOR, CREATOR_PASSWORD, "env").set("formats", List.of("none")).build();
        assertThatThrownBy(() -> new Dbcheck(config, (g, a, v) -> null, List.of()).run(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessageContaining("V1__schema.sql:2: ERROR: relation \"no_such_table\" does not exist");
        assertThat(databases()).isEqualTo(before);
    }

    @Test
    void aRoleWithoutCreatedbIsToldWhatToDo() throws Exception {
        List<String> before = databases();
        ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("postgres"), PLAIN, PLAIN_PASSWORD, "settings.xml server 'ci-db'", null), 0, Map.of());
        assertThatThrownBy(() -> provider.provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("The role from settings.xml server 'ci-db' may not create databases on 127.0.0.1:"
                        + server.port() + ": grant it CREATEDB (ALTER ROLE ... CREATEDB), or set server.database "
                        + "to an empty database dbcheck may use");
        assertThat(databases()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsReportedWithoutTheCredentials() throws Exception {
        ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("postgres"), CREATOR, "wrong-password-123", "environment DBCHECK_DB_USER/DBCHECK_DB_PASSWORD", null), 0, Map.of());
        assertThatThrownBy(() -> provider.provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("The PostgreSQL server at 127.0.0.1:" + server.port() + " rejected the credentials from "
                        + "environment DBCHECK_DB_USER/DBCHECK_DB_PASSWORD (SQLSTATE 28P01: authentication failed)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CREATOR, "wrong-password-123"));
    }

    @Test
    void anUnreachableServerFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free again once closed: nothing listens there
        }
        ServerProvider provider = new ServerProvider(new ServerTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", CREATOR, CREATOR_PASSWORD, "env", null), 0, Map.of());
        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("Cannot reach the PostgreSQL server at 127.0.0.1:" + port + " (server.url): ")
                .hasMessageEndingWith("Check that it runs and accepts TCP connections from here, or use provider "
                        + "embedded (no server needed) or docker");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void aMissingMaintenanceDatabaseIsNamed() throws Exception {
        ServerProvider provider = new ServerProvider(new ServerTarget(server.jdbcUrl("no_such_db"), CREATOR, CREATOR_PASSWORD, "env", null), 0, Map.of());
        assertThatThrownBy(() -> provider.provision(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("server.url: the database in " + server.jdbcUrl("no_such_db") + " does not exist on "
                        + "127.0.0.1:" + server.port());
    }

    @Test
    void aGivenDatabaseMustBeEmptyAndIsEmptiedAfterwards(@TempDir Path project) throws Exception {
        migrations(project, "CREATE SCHEMA shop;", "CREATE TYPE shop.status AS ENUM ('new', 'paid');",
                "CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status shop.status);",
                "CREATE TABLE public.notes (id bigint PRIMARY KEY, body text);",
                "CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM notes';",
                "CREATE VIEW public.recent_notes AS SELECT * FROM notes;",
                // what lives in no table: each would stay and make the next build find the database not empty
                "CREATE COLLATION public.plain_c FROM \"C\";",
                "CREATE TEXT SEARCH CONFIGURATION public.notes_search (COPY = simple);",
                "CREATE TEXT SEARCH DICTIONARY public.notes_dict (TEMPLATE = simple);",
                "CREATE FUNCTION public.same(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT $1 = $2';",
                "CREATE OPERATOR public.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = public.same);",
                "SELECT lo_create(0);",
                // (as a statement of its own it would be refused before the run: it changes the database itself)
                "DO $$ BEGIN EXECUTE 'ALTER DATABASE ci_given SET work_mem = ''7MB'''; END $$;",
                "CREATE PUBLICATION notes_pub FOR TABLE public.notes;");
        List<String> before = databases();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server").set("server.url", server.jdbcUrl("postgres"))
                .set("server.database", "ci_given").serverCredentials(PLAIN, PLAIN_PASSWORD, "env")
                .set("schemas", List.of("public", "shop")).set("formats", List.of("none")).build();
        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of()).run(EngineLog.SILENT);
        assertThat(result.database()).endsWith("database ci_given");
        assertThat(databases()).as("nothing created, nothing dropped").isEqualTo(before);
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("ci_given"), PLAIN, PLAIN_PASSWORD)) {
            assertThat(EmptyDatabase.objects(c)).as("emptied again").isEmpty();
        }

        try (Connection c = server.connect("ci_given"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_largeobject_metadata) + (SELECT count(*) "
                     + "FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database "
                     + "WHERE datname = 'ci_given')) + (SELECT count(*) FROM pg_publication)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("large objects, database settings, publications: none left").isZero();
        }

        // what dbcheck cannot undo fails the build, naming it
        migrations(project, "CREATE SCHEMA shop;", "CREATE TABLE public.notes (id bigint PRIMARY KEY);",
                "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;");
        assertThatThrownBy(() -> new Dbcheck(config, (g, a, v) -> null, List.of()).run(EngineLog.SILENT))
                .hasMessage("Database ci_given on 127.0.0.1:" + server.port() + " could not be emptied again: the "
                        + "migrations left default privileges of " + PLAIN + ", which dbcheck cannot undo; remove "
                        + "them by hand, or let dbcheck create its own database (unset server.database)");
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("ci_given"), PLAIN, PLAIN_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC");
            assertThat(EmptyDatabase.objects(c)).isEmpty();
        }

        // a database with something in it is refused, and left as it was
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("ci_given"), PLAIN, PLAIN_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keep_me (id int)");
        }
        assertThatThrownBy(() -> new Dbcheck(config, (g, a, v) -> null, List.of()).run(EngineLog.SILENT))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("Database ci_given on 127.0.0.1:" + server.port() + " is not empty (relation keep_me); "
                        + "dbcheck only uses an empty one, which it empties again afterwards");
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("ci_given"), PLAIN, PLAIN_PASSWORD)) {
            assertThat(EmptyDatabase.objects(c)).containsExactly("relation keep_me");
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE keep_me");
            }
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentWhenNoServerIdIsGiven(@TempDir Path project) throws Exception {
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server").set("server.url", server.jdbcUrl("postgres"))
                .environment(Map.of("DBCHECK_DB_USER", CREATOR, "DBCHECK_DB_PASSWORD", CREATOR_PASSWORD))
                .set("formats", List.of("none")).build();
        assertThat(config.database().server().user()).isEqualTo(CREATOR);
        assertThat(config.database().server().credentialSource())
                .isEqualTo("environment DBCHECK_DB_USER/DBCHECK_DB_PASSWORD");
        assertThatThrownBy(() -> DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres")).environment(Map.of()).build())
                .hasMessageStartingWith("server.serverId: no credentials for the server");
        assertThatThrownBy(() -> DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres") + "?password=x").environment(Map.of()).build())
                .hasMessageStartingWith("server.url: credentials do not belong in the URL");
        assertThatThrownBy(() -> DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", "jdbc:mysql://db/app").environment(Map.of()).build())
                .hasMessageStartingWith("server.url: 'jdbc:mysql://db/app' is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DbcheckConfig.builder(project).set("provider", "cloud").build())
                .hasMessage("provider: 'cloud' is not one of embedded, docker, server");
    }

    private static void migrations(Path project, String... lines) throws IOException {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__schema.sql"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname NOT LIKE 'test\\_%' "
                     + "ORDER BY datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Everything about the canary database a stray write could change: its objects, its rows, its settings. */
    private static String canaryState() throws SQLException {
        try (Connection c = server.connect(CANARY); Statement s = c.createStatement()) {
            return value(s, "SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname) FROM pg_class "
                    + "WHERE relnamespace = 'public'::regnamespace") + " | "
                    + value(s, "SELECT string_agg(id || note, ',') FROM guard") + " | "
                    + value(s, "SELECT coalesce(string_agg(array_to_string(setconfig, ','), ';'), '') "
                    + "FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database())") + " | "
                    + value(s, "SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables "
                    + "WHERE relname = 'guard'");
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
