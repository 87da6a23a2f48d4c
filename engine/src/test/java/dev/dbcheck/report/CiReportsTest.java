package dev.dbcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports other CI systems read: GitLab Code Quality and SonarQube's generic external issues, validated
 * against schemas written from their documented formats (src/test/resources/reports/schemas), and the Markdown
 * summary for a pull-request comment.
 */
class CiReportsTest {

    static RunResult result;

    @BeforeAll
    static void run() throws Exception {
        result = ReportFixture.run(0);
    }

    static JsonSchema schema(String name) throws Exception {
        try (InputStream in = CiReportsTest.class.getResourceAsStream("/reports/schemas/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void gitlabCodeQualityIsValidWithOneIssuePerFindingOnItsLine() throws Exception {
        JsonSchema schema = schema("gitlab-code-quality.json");
        JsonNode report = JsonReport.JSON.readTree(GitLabCodeQuality.render(result));

        assertThat(schema.validate(report)).isEmpty();
        assertThat(report.size()).isEqualTo(result.findings().size());
        Set<String> fingerprints = new HashSet<>();
        report.forEach(i -> fingerprints.add(i.get("fingerprint").asText()));
        assertThat(fingerprints).as("GitLab shows one issue per fingerprint").hasSize(report.size());
        JsonNode fk = null;
        for (JsonNode issue : report) {
            if (issue.get("check_name").asText().equals("foreign-key-without-index")) {
                fk = issue;
            }
        }
        assertThat(fk).isNotNull();
        assertThat(fk.at("/location/path").asText()).isEqualTo(ReportFixture.MIGRATION_PATH);
        assertThat(fk.at("/location/lines/begin").asInt()).isEqualTo(11);
        assertThat(fk.get("severity").asText()).isEqualTo("major");
        assertThat(fk.at("/content/body").asText()).startsWith("fix: CREATE INDEX");
        // the schema does reject what GitLab would not read
        JsonNode broken = report.deepCopy();
        ((ObjectNode) broken.get(0)).put("severity", "error");
        assertThat(schema.validate(broken)).isNotEmpty();

        JsonNode failed = JsonReport.JSON.readTree(GitLabCodeQuality.renderFailure(new FailedRun("boom", "migrations")));
        assertThat(schema.validate(failed)).isEmpty();
        assertThat(failed.get(0).get("severity").asText()).isEqualTo("blocker");
        assertThat(failed.get(0).get("description").asText()).isEqualTo("dbcheck failed in the migrations phase: boom");
    }

    @Test
    void sonarqubeGenericIssuesAreValidWithARulePerReportingRule() throws Exception {
        JsonSchema schema = schema("sonarqube-generic-issues.json");
        JsonNode report = JsonReport.JSON.readTree(SonarQubeIssues.render(result));

        assertThat(schema.validate(report)).isEmpty();
        assertThat(report.get("issues").size()).isEqualTo(result.findings().size());
        Set<String> rules = new HashSet<>();
        report.get("rules").forEach(r -> rules.add(r.get("id").asText()));
        report.get("issues").forEach(i -> assertThat(rules).contains(i.get("ruleId").asText()));
        assertThat(report.get("rules").get(0).get("engineId").asText()).isEqualTo("dbcheck");
        JsonNode broken = report.deepCopy();
        ((ObjectNode) broken.get("rules").get(0)).put("cleanCodeAttribute", "NICE");
        assertThat(schema.validate(broken)).isNotEmpty();
        assertThat(schema.validate(JsonReport.JSON.readTree(SonarQubeIssues.renderFailure(
                new FailedRun("boom", null))))).isEmpty();
    }

    @Test
    void theMarkdownSummaryHasTheVerdictAndEveryFinding() {
        String md = MarkdownSummary.render(result);

        assertThat(md).startsWith("## dbcheck\n\n**Failed**: ").contains("| Severity | Rule | Object | Where | Finding | Fix |");
        assertThat(md.lines().filter(l -> l.startsWith("| error |") || l.startsWith("| warning |")
                || l.startsWith("| info |")).count()).isEqualTo(result.findings().size());
        assertThat(md).contains(ReportFixture.MIGRATION_PATH + ":11");
        assertThat(ReportFormat.parse("codequality")).contains(ReportFormat.GITLAB);
        assertThat(ReportFormat.parse("sonar")).contains(ReportFormat.SONARQUBE);
        assertThat(ReportFormat.parse("md")).contains(ReportFormat.MARKDOWN);
    }
}
