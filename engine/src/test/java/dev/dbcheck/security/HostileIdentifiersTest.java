package dev.dbcheck.security;

import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names from the catalog reach SQL that dbcheck generates and runs — the synthetic data load (INSERTs, index
 * drops and rebuilds, VACUUM, REFRESH), the dashboard plans, the statistics queries — and SQL it prints as fixes.
 * With names built to break out of an unquoted identifier or a string literal, every one of them must stay a
 * name: the canary table survives a whole run with data load and plans, and each printed fix is valid SQL that
 * names the hostile object.
 */
class HostileIdentifiersTest {

    static final String TABLE = "\"; DROP TABLE canary; --\"";
    static final String COLUMN = "\"x'); DROP TABLE canary; --\"";
    static final String SCHEMA = "\"drop schema public cascade; --\"";

    @Test
    void hostileNamesStayNamesInEveryStatementDbcheckRuns(@TempDir Path project) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__hostile.sql"), String.join("\n",
                "CREATE TABLE canary (id int PRIMARY KEY);",
                "INSERT INTO canary VALUES (1);",
                "CREATE SCHEMA " + SCHEMA + ";",
                "CREATE TABLE " + SCHEMA + ".parent (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                "CREATE TABLE " + SCHEMA + "." + TABLE + " (",
                "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                "    parent_id bigint NOT NULL REFERENCES " + SCHEMA + ".parent (id),",
                "    " + COLUMN + " json,",
                "    amount numeric(10,2) NOT NULL CHECK (amount >= 0)",
                ");",
                "CREATE INDEX \"idx'; DROP TABLE canary; --\" ON " + SCHEMA + "." + TABLE + " (amount);",
                "COMMENT ON INDEX " + SCHEMA + ".\"idx'; DROP TABLE canary; --\" IS 'it''s -- a comment; DROP TABLE canary';",
                "CREATE MATERIALIZED VIEW " + SCHEMA + ".\"totals\"\"; DROP TABLE canary; --\" AS SELECT parent_id, "
                        + "sum(amount) AS total FROM " + SCHEMA + "." + TABLE + " GROUP BY parent_id;",
                ""), StandardCharsets.UTF_8);
        EmbeddedPostgres server = TestPostgres.server();
        String schemaName = "drop schema public cascade; --";
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server").set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("schemas", List.of("public", schemaName))
                .item("dashboards.queries", Map.of("name", "hostile",
                        "sql", "SELECT count(*) FROM " + SCHEMA + "." + TABLE + " WHERE amount > 10"))
                .set("dashboards.volumes", Map.of(schemaName + ".; DROP TABLE canary; --", "5000"))
                .set("dashboards.defaultRows", "500")
                .set("formats", List.of("none")).build();

        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of()).run(EngineLog.SILENT);

        assertThat(result.dashboards()).as("the dashboard query ran on loaded data").isNotNull();
        assertThat(result.findings()).extracting(Finding::ruleId).contains("json-column", "foreign-key-without-index");
        // every printed fix names the objects quoted: run them all on a copy of the schema, the canary survives
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS hostile_fixes");
            s.execute("CREATE DATABASE hostile_fixes");
        }
        try (Connection c = server.connect("hostile_fixes"); Statement s = c.createStatement()) {
            s.execute(Files.readString(migrations.resolve("V1__hostile.sql")));
            for (Finding f : result.findings()) {
                if (f.fix() != null && f.fix().sql()) {
                    s.execute(f.fix().text().replace("CONCURRENTLY ", ""));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM canary")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT atttypid::regtype::text FROM pg_attribute WHERE attname = "
                    + "'x''); DROP TABLE canary; --'")) {
                rs.next();
                assertThat(rs.getString(1)).as("the json-column fix was applied to the hostile column")
                        .isEqualTo("jsonb");
            }
        } finally {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS hostile_fixes");
            }
        }
    }

    @Test
    void aNameWithALineBreakCannotStartALineOfItsOwn(@TempDir Path project) throws Exception {
        // GitHub Actions reads workflow commands from the start of any line of the build's output
        String forged = "::error file=x.sql,line=1::injected";
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__evil.sql"), "CREATE TABLE \"evil\n" + forged + "\r\u0085x\" (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    payload json\n);\n",
                StandardCharsets.UTF_8);
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("formats", List.of("none")).build();
        List<String> log = new java.util.ArrayList<>();

        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of())
                .run(dev.dbcheck.testing.RecordingLog.into(log));

        assertThat(result.findings()).extracting(Finding::ruleId).contains("json-column");
        assertThat(log).as("every line printed is one line").noneMatch(l -> l.contains("\n") || l.contains("\r")
                || l.contains("\u0085"));
        assertThat(log).anyMatch(l -> l.contains("ERROR [json-column] public.\"evil\\n" + forged
                + "\\r\\u0085x\".payload"));
        String failure = dev.dbcheck.report.ConsoleReport.failureMessage(result, 10);
        assertThat(failure.split(System.lineSeparator())).noneMatch(l -> l.startsWith("::"))
                .anyMatch(l -> l.contains("\\n" + forged));
    }
}
