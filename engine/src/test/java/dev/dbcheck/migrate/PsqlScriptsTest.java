package dev.dbcheck.migrate;

import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.sql.PsqlCommand;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts written for psql (pg_dump output): its meta-commands are found where psql would see them, and only. */
class PsqlScriptsTest {

    @Test
    void metaCommandsAreFoundAtTheStartOfALineOutsideStringsCommentsAndBodies() {
        String script = String.join("\n",
                "\\restrict Xy7",
                "SET statement_timeout = 0;",
                "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$",
                "\\not a command inside a body",
                "SELECT 'x' $$;",
                "COMMENT ON FUNCTION f() IS '",
                "\\not one inside a string';",
                "/*",
                "\\nor inside a comment */",
                "  \\connect chinook",
                "\\set ON_ERROR_STOP on",
                "\\set schema app",
                "\\unrestrict Xy7",
                "");
        List<PsqlCommand> found = PsqlCommand.find(script);
        assertThat(found).extracting(PsqlCommand::line).containsExactly(1, 10, 11, 12, 13);
        assertThat(found).extracting(PsqlCommand::text).containsExactly("\\restrict Xy7", "\\connect chinook",
                "\\set ON_ERROR_STOP on", "\\set schema app", "\\unrestrict Xy7");
        assertThat(found).extracting(PsqlCommand::harmless).containsExactly(true, false, true, false, true);
        String without = PsqlCommand.without(script, found);
        assertThat(without.split("\n", -1)).hasSameSizeAs(script.split("\n", -1));
        assertThat(PsqlCommand.find(without)).isEmpty();
    }

    @Test
    void aPgDumpScriptRunsAsPlainSqlWithItsHarmlessCommandsSkipped(@TempDir Path project) throws Exception {
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("001_dump.sql"), String.join("\n",
                "--",
                "-- PostgreSQL database dump",
                "--",
                "\\restrict 5lC8mdbTIdtdRpvSzHx1d3TT",
                "SET statement_timeout = 0;",
                "SET client_encoding = 'UTF8';",
                "SELECT pg_catalog.set_config('search_path', '', false);",
                "CREATE TABLE public.orders (",
                "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                "    payload json",
                ");",
                "\\unrestrict 5lC8mdbTIdtdRpvSzHx1d3TT",
                ""), StandardCharsets.UTF_8);
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("migrations.tool", "plain").set("migrations.locations", List.of("db"))
                .set("formats", List.of("none")).build();
        List<String> log = new ArrayList<>();

        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of()).check(RecordingLog.into(log), false);

        assertThat(result.snapshot().tables()).extracting(t -> t.name().toString()).contains("public.orders");
        assertThat(result.findings()).anyMatch(f -> f.ruleId().equals("json-column")
                && f.position().toString().equals("db/001_dump.sql:10"));
        assertThat(log).contains(
                "db/001_dump.sql:4: skipped the psql command \\restrict (psql runs it, not the server; it changes "
                        + "nothing in the schema)",
                "db/001_dump.sql:12: skipped the psql command \\unrestrict (psql runs it, not the server; it "
                        + "changes nothing in the schema)");
    }
}
