package dev.dbcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SonarQube's generic external issues ({@code sonar.externalIssuesReportPaths}), the format of SonarQube 10.3 and
 * later: {@code rules} (id, name, description, engineId {@code dbcheck}, cleanCodeAttribute, impacts) for every
 * rule that reported, and {@code issues} (ruleId, primaryLocation with message, filePath, textRange.startLine).
 */
public final class SonarQubeIssues {

    static final String ENGINE = "dbcheck";

    private SonarQubeIssues() {
    }

    public static String render(RunResult result) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        ArrayNode issues = root.putArray("issues");
        Set<String> described = new LinkedHashSet<>();
        for (Finding f : result.findings()) {
            if (described.add(f.ruleId())) {
                RuleMetadata m = ReportSupport.metadata(result, f.ruleId());
                Category category = ReportSupport.category(result, f);
                ObjectNode rule = rules.addObject();
                rule.put("id", f.ruleId());
                rule.put("name", m == null ? f.ruleId() : m.summary());
                rule.put("description", (m == null ? "" : m.rationale() + " ") + "See " + (m == null
                        ? RuleMetadata.DOCS_BASE_URL : m.docsUrl()));
                rule.put("engineId", ENGINE);
                rule.put("cleanCodeAttribute", attribute(category));
                rule.putArray("impacts").addObject().put("softwareQuality", quality(category))
                        .put("severity", impact(m == null ? f.severity() : m.defaultSeverity()));
            }
            ObjectNode issue = issues.addObject();
            issue.put("ruleId", f.ruleId());
            issue.put("effortMinutes", 0);
            ObjectNode location = issue.putObject("primaryLocation");
            location.put("message", f.object().display() + ": " + f.message()
                    + (f.fixText() == null ? "" : " Fix: " + f.fixText()));
            location.put("filePath", f.position() == null ? "pom.xml" : f.position().path());
            location.putObject("textRange").put("startLine", f.position() == null ? 1 : Math.max(1,
                    f.position().line()));
        }
        return JsonReport.write(root);
    }

    /** A run that could not finish: one issue saying why. */
    public static String renderFailure(FailedRun failure) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.putArray("rules").addObject().put("id", "dbcheck-failed").put("name", "dbcheck could not finish")
                .put("description", "The run failed before its checks were done; the build log says why.")
                .put("engineId", ENGINE).put("cleanCodeAttribute", "COMPLETE").putArray("impacts").addObject()
                .put("softwareQuality", "RELIABILITY").put("severity", "HIGH");
        ObjectNode location = root.putArray("issues").addObject().put("ruleId", "dbcheck-failed")
                .putObject("primaryLocation");
        location.put("message", failure.title() + ": " + failure.message()).put("filePath", "pom.xml");
        location.putObject("textRange").put("startLine", 1);
        return JsonReport.write(root);
    }

    static String impact(Severity severity) {
        return switch (severity) {
            case ERROR -> "HIGH";
            case WARNING -> "MEDIUM";
            default -> "LOW";
        };
    }

    static String quality(Category category) {
        return switch (category) {
            case SECURITY -> "SECURITY";
            case NAMING, NORMALIZATION -> "MAINTAINABILITY";
            default -> "RELIABILITY";
        };
    }

    /** SonarQube's Clean Code attribute: what kind of property of the code the rule checks. */
    static String attribute(Category category) {
        return switch (category) {
            case NAMING -> "CONVENTIONAL";
            case NORMALIZATION -> "DISTINCT";
            case INDEXES, QUERY_PLANS -> "EFFICIENT";
            case SECURITY -> "TRUSTWORTHY";
            case MIGRATION_SAFETY -> "COMPLETE";
            default -> "LOGICAL";
        };
    }
}
