package dev.dbcheck.report;

import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.base.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Workflow-command annotations and the step summary, as the GitHub Actions runner reads them. */
class GitHubActionsTest {

    private static Finding finding(Severity severity, int n, String message) {
        return new Finding("json-column", severity, DbObject.column(new QualifiedName("public", "t" + n), "c"),
                message, "ALTER TABLE public.t" + n + " ALTER COLUMN c TYPE jsonb;",
                new SourcePosition("db/V" + n + "__t.sql", n));
    }

    private static RunResult result(List<Finding> findings) {
        return new RunResult(findings, List.of(), List.of(), List.of(),
                new SchemaSnapshot(180000, "18", List.of("public"), List.of(), List.of(), List.of()),
                new PhaseTimings(), "PostgreSQL", Severity.ERROR, ReportFixture.metadata(), null);
    }

    @Test
    void messagesAndPropertiesAreEscapedTheWayTheRunnerUnescapesThem() {
        Finding f = new Finding("json-column", Severity.ERROR,
                DbObject.column(new QualifiedName("public", "odd, table: name"), "100% col"),
                "50% of rows, says: line one\nline two\r\nend", (String) null,
                new SourcePosition("db/migration/V1__a, b: c.sql", 7));
        assertThat(GitHubActions.annotation(f)).isEqualTo("::error file=db/migration/V1__a%2C b%3A c.sql,line=7,"
                + "title=[json-column] public.\"odd%2C table%3A name\".\"100%25 col\"::50%25 of rows, says: line one"
                + "%0Aline two%0D%0Aend");
        Finding warning = finding(Severity.WARNING, 3, "plain");
        assertThat(GitHubActions.annotation(warning)).isEqualTo("::warning file=db/V3__t.sql,line=3,"
                + "title=[json-column] public.t3.c::plain%0AFix%3A ALTER TABLE public.t3 ALTER COLUMN c TYPE jsonb;"
                .replace("%3A", ":"));
        Finding noFile = new Finding("index-budget-exceeded", Severity.INFO, DbObject.database(), "big", (String) null, null);
        assertThat(GitHubActions.annotation(noFile)).isEqualTo("::notice title=[index-budget-exceeded] all indexes::big");
    }

    @Test
    void tenPerLevelBecomeAnnotationsAndTheRestGoesToTheStepSummary(@TempDir Path dir) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            findings.add(finding(Severity.ERROR, i, "error number " + i + " | with a pipe"));
        }
        for (int i = 26; i <= 37; i++) {
            findings.add(finding(Severity.WARNING, i, "warning number " + i));
        }
        findings.add(finding(Severity.INFO, 38, "a note"));
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GitHubActions.publish(result(findings), Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY",
                summary.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("::error ")).hasSize(10);
        assertThat(lines).filteredOn(l -> l.startsWith("::warning ")).hasSize(10);
        assertThat(lines).filteredOn(l -> l.startsWith("::notice ")).hasSize(1);
        assertThat(lines).hasSize(21);
        String md = Files.readString(summary);
        assertThat(md).startsWith("earlier step\n## dbcheck\n\n**Failed**: 25 errors, 12 warnings, 1 info in 0 tables");
        assertThat(md).contains("17 findings beyond GitHub's 10 annotations per level:");
        assertThat(md.lines().filter(l -> l.startsWith("| error | json-column |"))).hasSize(15);
        assertThat(md.lines().filter(l -> l.startsWith("| warning | json-column |"))).hasSize(2);
        assertThat(md).contains("| error number 11 \\| with a pipe |").doesNotContain("error number 10 ");
        assertThat(md).contains("| db/V11__t.sql:11 |");
    }

    @Test
    void nothingHappensOutsideGitHubActions(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path summary = dir.resolve("summary.md");
        GitHubActions.publish(result(List.of(finding(Severity.ERROR, 1, "x"))), Map.of("GITHUB_STEP_SUMMARY",
                summary.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.size()).isZero();
        assertThat(summary).doesNotExist();
    }
}
