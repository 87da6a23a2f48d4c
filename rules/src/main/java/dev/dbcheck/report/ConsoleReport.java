package dev.dbcheck.report;

import dev.dbcheck.engine.RunResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings as console lines, grouped by severity, one line per finding:
 * {@code ERROR [foreign-key-without-index] public.orders(user_id) — V2__orders.sql:14 — message — fix: SQL}.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** One line for a finding. */
    public static String line(Finding f) {
        StringBuilder line = new StringBuilder()
                .append(f.severity().name()).append(" [").append(f.ruleId()).append("] ")
                .append(f.object().display());
        if (f.position() != null) {
            line.append(" — ").append(f.position());
        }
        line.append(" — ").append(f.message());
        if (f.fix() != null && !f.fix().isBlank()) {
            line.append(" — fix: ").append(f.fix());
        }
        return line.toString();
    }

    /** Every finding, grouped under a heading per severity. */
    public static List<String> findings(RunResult result) {
        List<String> lines = new ArrayList<>();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            List<Finding> group = result.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            lines.add(severity.name() + " (" + group.size() + ")");
            for (Finding f : group) {
                lines.add("  " + line(f));
            }
        }
        return lines;
    }

    /**
     * {@code dbcheck: 2 errors, 1 warning, 0 info in 7 tables (1 suppressed, 4 in baseline) — database start 0.7 s · ...}
     */
    public static String summary(RunResult result) {
        List<String> set = new ArrayList<>();
        if (!result.suppressed().isEmpty()) {
            set.add(result.suppressed().size() + " suppressed");
        }
        if (!result.baselined().isEmpty()) {
            set.add(result.baselined().size() + " in baseline");
        }
        return String.format(Locale.ROOT, "dbcheck: %s, %s, %d info in %d tables%s — %s (total %.2f s)",
                plural(result.count(Severity.ERROR), "error"), plural(result.count(Severity.WARNING), "warning"),
                result.count(Severity.INFO), result.snapshot().tables().size(),
                set.isEmpty() ? "" : " (" + String.join(", ", set) + ")", result.timings().summary(),
                result.timings().total().toNanos() / 1e9);
    }

    /** Baseline entries that no longer occur, so that the file can shrink. */
    public static List<String> staleBaseline(RunResult result, String baselineFile) {
        List<String> lines = new ArrayList<>();
        if (result.staleBaseline().isEmpty()) {
            return lines;
        }
        int n = result.staleBaseline().size();
        lines.add(n + (n == 1 ? " baseline entry of " : " baseline entries of ") + baselineFile
                + " no longer occur" + (n == 1 ? "s" : "") + "; remove " + (n == 1 ? "it" : "them")
                + " (or rerun dbcheck:baseline):");
        result.staleBaseline().forEach(e -> lines.add("  " + e.rule() + " " + e.object()));
        return lines;
    }

    /** The message a failing build ends with: the counts and the first findings that failed it. */
    public static String failureMessage(RunResult result, int limit) {
        List<Finding> failures = result.failures();
        StringBuilder message = new StringBuilder()
                .append("dbcheck found ").append(plural(failures.size(), "finding")).append(" at or above ")
                .append(result.failOn().id()).append(':');
        for (Finding f : failures.subList(0, Math.min(limit, failures.size()))) {
            message.append(System.lineSeparator()).append("  ").append(line(f));
        }
        if (failures.size() > limit) {
            message.append(System.lineSeparator()).append("  ... and ").append(failures.size() - limit)
                    .append(" more (see the full list above)");
        }
        return message.toString();
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
