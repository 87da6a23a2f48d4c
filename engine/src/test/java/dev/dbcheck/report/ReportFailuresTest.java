package dev.dbcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import dev.dbcheck.testing.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report stage when the disk or the CI's files fail it: the findings are on the console first, no report
 * file is ever left half-written, and an unwritable step summary is a warning, not a failed build.
 */
class ReportFailuresTest {

    @TempDir
    Path project;

    private Dbcheck dbcheck(Path reports) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint GENERATED ALWAYS "
                + "AS IDENTITY PRIMARY KEY, payload json);\n", StandardCharsets.UTF_8);
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("reportDirectory", reports.toString())
                .set("formats", List.of("json", "sarif", "junit", "html")).build();
        return new Dbcheck(config, (g, a, v) -> null, List.of());
    }

    @Test
    void aFullDiskFailsTheReportsAfterTheFindingsArePrintedAndLeavesNoHalfFile() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount(project, "size=12k,mode=755")) {
            Dbcheck dbcheck = dbcheck(tmpfs.path());
            RunResult result = dbcheck.check(RecordingLog.into(new ArrayList<>()), false);
            List<String> log = new ArrayList<>();

            assertThatThrownBy(() -> dbcheck.report(result, RecordingLog.into(log), Map.of()))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("Cannot write the reports to " + tmpfs.path() + ": ")
                    .hasMessageContaining("No space left on device");
            assertThat(log).as("the findings reached the console before the disk was full")
                    .anyMatch(l -> l.startsWith("  ERROR [json-column] public.orders.payload"));
            try (Stream<Path> files = Files.walk(tmpfs.path())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(f.getFileName().toString()).as("no temporary file left").doesNotEndWith(".tmp");
                    if (f.toString().endsWith(".json") || f.toString().endsWith(".sarif")) {
                        new ObjectMapper().readTree(f.toFile()); // whole, or not there
                    }
                }
            }
        }
    }

    /**
     * A run that fails (here: the data cannot be generated) writes reports that say it failed, in every configured
     * format, and no report of the run before it is left looking like this one's.
     */
    @Test
    void aRunThatFailsLeavesReportsSayingSoAndNoneOfTheRunBefore(@TempDir Path reports) throws Exception {
        Dbcheck good = dbcheck(reports);
        good.run(RecordingLog.into(new ArrayList<>()));
        assertThat(Files.readString(reports.resolve("dbcheck.json"))).contains("json-column");
        Files.writeString(reports.resolve("junit/TEST-dbcheck.dashboard.renamed.xml"), "<testsuite/>");
        Files.writeString(reports.resolve("notes.txt"), "the team's own file");

        Files.writeString(project.resolve("src/main/resources/db/migration/V2__codes.sql"), "CREATE TABLE codes ("
                + "id int PRIMARY KEY, code text NOT NULL CONSTRAINT codes_code_prefix CHECK (code LIKE 'X%'));\n",
                StandardCharsets.UTF_8);
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig failing = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("reportDirectory", reports.toString())
                .item("dashboards.queries", Map.of("name", "codes", "sql", "SELECT count(*) FROM codes"))
                .set("dashboards.volumes", Map.of("codes", "100"))
                .set("formats", List.of("json", "sarif", "junit", "html")).build();
        assertThatThrownBy(() -> new Dbcheck(failing, (g, a, v) -> null, List.of())
                .run(RecordingLog.into(new ArrayList<>())))
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("Cannot generate rows for public.codes that satisfy check constraint");

        com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(reports.resolve("dbcheck.json")
                .toFile());
        assertThat(json.path("status").asText()).isEqualTo("failed");
        assertThat(json.path("error").path("phase").asText()).isEqualTo("data load");
        assertThat(json.path("error").path("message").asText()).startsWith("Cannot generate rows for public.codes");
        assertThat(json.path("findings")).isEmpty();
        com.fasterxml.jackson.databind.JsonNode sarif = new ObjectMapper().readTree(reports.resolve("dbcheck.sarif")
                .toFile()).path("runs").get(0);
        assertThat(sarif.path("results")).isEmpty();
        assertThat(sarif.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(sarif.path("invocations").get(0).path("toolExecutionNotifications").get(0).path("message")
                .path("text").asText()).startsWith("dbcheck failed in the data load phase: Cannot generate rows");
        try (Stream<Path> junit = Files.list(reports.resolve("junit"))) {
            assertThat(junit.map(p -> p.getFileName().toString())).containsExactly("TEST-dbcheck.run.xml");
        }
        assertThat(Files.readString(reports.resolve("junit/TEST-dbcheck.run.xml")))
                .contains("errors=\"1\"", "<error message=\"Cannot generate rows for public.codes");
        assertThat(Files.readString(reports.resolve("dbcheck.html"))).contains("dbcheck failed in the data load phase")
                .doesNotContain("json-column");
        assertThat(reports.resolve("notes.txt")).as("not dbcheck's: left alone").exists();

        // and a run that fails before any phase with fewer formats leaves none of the earlier ones
        DbcheckConfig jsonOnly = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("reportDirectory", reports.toString())
                .item("dashboards.queries", Map.of("name", "codes", "sql", "SELECT count(*) FROM codes"))
                .set("formats", List.of("json")).build();
        assertThatThrownBy(() -> new Dbcheck(jsonOnly, (g, a, v) -> null, List.of())
                .run(RecordingLog.into(new ArrayList<>()))).isInstanceOf(DbcheckException.class);
        assertThat(reports.resolve("dbcheck.sarif")).doesNotExist();
        assertThat(reports.resolve("dbcheck.html")).doesNotExist();
        assertThat(reports.resolve("dbcheck.json")).exists();
    }

    @Test
    void anUnwritableStepSummaryIsAWarning(@TempDir Path reports) throws Exception {
        Dbcheck dbcheck = dbcheck(reports);
        RunResult result = dbcheck.check(RecordingLog.into(new ArrayList<>()), false);
        List<String> log = new ArrayList<>();
        // a directory where the summary file should be: every append fails
        Map<String, String> github = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", reports.toString());

        RunResult reported = dbcheck.report(result, RecordingLog.into(log), github);

        assertThat(reported.findings()).isNotEmpty();
        assertThat(log).anyMatch(l -> l.startsWith("Cannot append to the GitHub step summary (GITHUB_STEP_SUMMARY): "));
        assertThat(reports.resolve("dbcheck.json")).exists();
    }
}
