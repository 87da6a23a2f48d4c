package dev.dbcheck.report;

import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;

import java.util.List;
import java.util.Locale;

/**
 * The run in Markdown, for a pull-request comment from any CI ({@code dbcheck.md}) and for GitHub's step summary:
 * the verdict with its counts, the dashboard queries' verdicts, and a table of the findings (severity, rule, object,
 * file:line, message, fix).
 */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    /** Every finding in the table. */
    public static String render(RunResult result) {
        return render(result, List.of(), "");
    }

    /**
     * @param shown   findings shown elsewhere already (GitHub's annotations), left out of the table
     * @param beyond  what the table's heading says of the findings it lists ({@code  beyond GitHub's 10 ...}), or ""
     */
    public static String render(RunResult result, List<Finding> shown, String beyond) {
        StringBuilder md = new StringBuilder("## dbcheck\n\n");
        md.append(result.failed() ? "**Failed**" : "**Passed**").append(String.format(Locale.ROOT,
                        ": %d error%s, %d warning%s, %d info in %d tables (failing at %s)", result.count(Severity.ERROR),
                        result.count(Severity.ERROR) == 1 ? "" : "s", result.count(Severity.WARNING),
                        result.count(Severity.WARNING) == 1 ? "" : "s", result.count(Severity.INFO),
                        result.snapshot().tables().size(), result.failOn().id()));
        if (!result.suppressed().isEmpty() || !result.baselined().isEmpty()) {
            md.append("; ").append(result.suppressed().size()).append(" suppressed, ")
                    .append(result.baselined().size()).append(" in the baseline");
        }
        md.append(".\n\n");
        if (result.dashboards() != null && !result.dashboards().results().isEmpty()) {
            md.append("| Dashboard query | Median | Verdict |\n|---|---:|---|\n");
            for (QueryResult q : result.dashboards().results()) {
                List<String> rules = result.findings().stream()
                        .filter(f -> q.query().name().equals(ReportSupport.queryOf(f)))
                        .map(Finding::ruleId).distinct().toList();
                md.append("| ").append(cell(q.query().name())).append(" | ")
                        .append(q.timedOut() ? "timed out" : q.medianMs() == null ? "–"
                                : String.format(Locale.ROOT, "%.1f ms", q.medianMs()))
                        .append(" | ").append(rules.isEmpty() ? "ok" : cell(String.join(", ", rules))).append(" |\n");
            }
            md.append('\n');
        }
        List<Finding> rest = result.findings().stream().filter(f -> !shown.contains(f)).toList();
        if (!rest.isEmpty()) {
            md.append(rest.size()).append(" finding").append(rest.size() == 1 ? "" : "s")
                    .append(beyond).append(":\n\n")
                    .append("| Severity | Rule | Object | Where | Finding | Fix |\n|---|---|---|---|---|---|\n");
            for (Finding f : rest) {
                md.append("| ").append(f.severity().id()).append(" | ").append(cell(f.ruleId())).append(" | ")
                        .append(cell(f.object().display())).append(" | ")
                        .append(f.position() == null ? "" : cell(f.position().path() + ":" + f.position().line()))
                        .append(" | ").append(cell(f.message())).append(" | ")
                        .append(f.fixText() == null ? "" : "`" + cell(f.fixText()).replace("`", "'") + "`").append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** A Markdown table cell: pipes escaped, line breaks as {@code <br>}. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    /** A run that could not finish, in one paragraph. */
    public static String renderFailure(FailedRun failure) {
        return "## dbcheck\n\n**Failed**: " + failure.title() + ": " + cell(failure.message()) + "\n";
    }
}
