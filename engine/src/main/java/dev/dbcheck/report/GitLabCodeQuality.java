package dev.dbcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;

import java.util.HashMap;
import java.util.Map;

/**
 * GitLab's Code Quality report ({@code artifacts:reports:codequality}, the Code Climate issue subset GitLab reads):
 * one issue per finding with {@code description}, {@code check_name} (the rule id), {@code fingerprint},
 * {@code severity}, {@code location.path} and {@code location.lines.begin}, plus Code Climate's {@code type},
 * {@code categories} and the fix as {@code content.body}. GitLab shows issues new in a merge request by their
 * fingerprint, so it is the finding's stable identity (rule and object, not the line), with its occurrence number
 * when one object has the same finding twice (two statements of one migration).
 */
public final class GitLabCodeQuality {

    private GitLabCodeQuality() {
    }

    public static String render(RunResult result) {
        ArrayNode issues = JsonReport.JSON.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : result.findings()) {
            String key = ReportSupport.fingerprint(f);
            int occurrence = seen.merge(key, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", f.ruleId());
            issue.put("description", f.object().display() + ": " + f.message());
            issue.putArray("categories").add(category(ReportSupport.category(result, f)));
            issue.put("severity", severity(f.severity()));
            issue.put("fingerprint", occurrence == 1 ? key : ReportSupport.hash(key + "#" + occurrence));
            if (f.fixText() != null) {
                issue.putObject("content").put("body", "fix: " + f.fixText());
            }
            ObjectNode location = issue.putObject("location");
            // GitLab needs a file: a finding without a line (a database-wide one) points at the build file
            location.put("path", f.position() == null ? "pom.xml" : f.position().path());
            location.putObject("lines").put("begin", f.position() == null ? 1 : Math.max(1, f.position().line()));
        }
        return JsonReport.write(issues);
    }

    /** A run that could not finish: one blocker issue saying why, so that the widget does not read "no issues". */
    public static String renderFailure(FailedRun failure) {
        ArrayNode issues = JsonReport.JSON.createArrayNode();
        ObjectNode issue = issues.addObject();
        issue.put("type", "issue");
        issue.put("check_name", "dbcheck-failed");
        issue.put("description", failure.title() + ": " + failure.message());
        issue.putArray("categories").add("Bug Risk");
        issue.put("severity", "blocker");
        issue.put("fingerprint", ReportSupport.hash("dbcheck-failed"));
        issue.putObject("location").put("path", "pom.xml").putObject("lines").put("begin", 1);
        return JsonReport.write(issues);
    }

    /** Errors fail the build and rank above warnings in the widget; Code Climate's scale has no "error". */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "major";
            case WARNING -> "minor";
            default -> "info";
        };
    }

    /** Code Climate's categories: Bug Risk, Clarity, Compatibility, Complexity, Duplication, Performance, Security, Style. */
    static String category(Category category) {
        return switch (category) {
            case INDEXES, QUERY_PLANS -> "Performance";
            case SECURITY -> "Security";
            case NAMING -> "Style";
            case NORMALIZATION -> "Duplication";
            case MIGRATION_SAFETY -> "Compatibility";
            default -> "Bug Risk";
        };
    }
}
