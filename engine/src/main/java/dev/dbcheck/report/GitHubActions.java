package dev.dbcheck.report;

import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions integration, active when {@code GITHUB_ACTIONS=true}: findings become workflow-command
 * annotations on the diff ({@code ::error file=…,line=…,title=…::…}); GitHub shows at most ten of each level per
 * step, so the rest — and the summary — go to the job's step summary ({@code $GITHUB_STEP_SUMMARY}) as Markdown.
 */
public final class GitHubActions {

    /** GitHub keeps this many annotations of each level per step. */
    public static final int PER_LEVEL = 10;

    private GitHubActions() {
    }

    public static boolean active(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    }

    /** Prints the annotations and appends the step summary, when running on GitHub Actions. */
    public static void publish(RunResult result, Map<String, String> env, PrintStream out) throws IOException {
        if (!active(env)) {
            return;
        }
        List<Finding> annotated = new ArrayList<>();
        for (String line : annotations(result, annotated)) {
            out.println(line);
        }
        out.flush();
        String summaryFile = env.get("GITHUB_STEP_SUMMARY");
        if (summaryFile != null && !summaryFile.isBlank()) {
            Files.writeString(Path.of(summaryFile), stepSummary(result, annotated), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** At most {@link #PER_LEVEL} annotations per level, most severe first; {@code annotated} receives them. */
    static List<String> annotations(RunResult result, List<Finding> annotated) {
        Map<Severity, Integer> used = new EnumMap<>(Severity.class);
        List<String> lines = new ArrayList<>();
        for (Finding f : result.findings()) {
            int n = used.merge(f.severity(), 1, Integer::sum);
            if (n > PER_LEVEL || f.severity() == Severity.OFF) {
                continue;
            }
            annotated.add(f);
            lines.add(annotation(f));
        }
        return lines;
    }

    static String annotation(Finding f) {
        String command = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "notice";
        };
        StringBuilder line = new StringBuilder("::").append(command).append(' ');
        List<String> properties = new ArrayList<>();
        if (f.position() != null) {
            properties.add("file=" + property(f.position().path()));
            properties.add("line=" + Math.max(1, f.position().line()));
        }
        properties.add("title=" + property("[" + f.ruleId() + "] " + f.object().display()));
        line.append(String.join(",", properties)).append("::");
        String text = f.message() + (f.fixText() == null || f.fixText().isBlank() ? "" : "\nFix: " + f.fixText());
        return line.append(data(text)).toString();
    }

    /** The escaping GitHub's runner undoes for a command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property values also escape the separators of the property list. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    /** The step summary: counts, the dashboard verdicts, and every finding that did not fit in an annotation. */
    static String stepSummary(RunResult result, List<Finding> annotated) {
        return MarkdownSummary.render(result, annotated, " beyond GitHub's " + PER_LEVEL + " annotations per level");
    }

}
