package dev.dbcheck.report;

import dev.dbcheck.base.Wording;
import dev.dbcheck.advice.IndexAdvice;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.Printable;
import dev.dbcheck.rule.DbObject;
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

    /** One line for a finding, whatever characters its names and message hold ({@link Printable}). */
    public static String line(Finding f) {
        return Printable.line(rawLine(f));
    }

    private static String rawLine(Finding f) {
        StringBuilder line = new StringBuilder()
                .append(f.severity().name()).append(" [").append(f.ruleId()).append("] ")
                .append(f.object().display());
        if (f.position() != null) {
            line.append(" — ").append(f.position());
        }
        line.append(" — ").append(f.message());
        if (f.fixText() != null && !f.fixText().isBlank()) {
            line.append(" — fix: ").append(f.fixText());
        }
        return line.toString();
    }

    /**
     * What a run prints before its reports are written: the dashboard section (info), every finding under a heading
     * per severity (each at its own level: an error finding is an error line), and stale baseline entries (warn).
     */
    public static void print(RunResult result, String baselineFile, EngineLog log) {
        dashboards(result).forEach(l -> log.info(Printable.line(l)));
        advice(result).forEach(l -> log.info(Printable.line(l)));
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            List<Finding> group = result.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            java.util.function.Consumer<String> level = switch (severity) {
                case ERROR -> log::error;
                case WARNING -> log::warn;
                default -> log::info;
            };
            level.accept(severity.name() + " (" + group.size() + ")");
            group.forEach(f -> level.accept("  " + line(f)));
        }
        staleBaseline(result, baselineFile).forEach(l -> log.warn(Printable.line(l)));
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

    /**
     * The dashboard section: what was loaded, each query's median time and verdict, and the index budget table
     * (measured, and projected to the declared volumes). Empty when no dashboard queries were declared.
     */
    public static List<String> dashboards(RunResult result) {
        List<String> lines = new ArrayList<>();
        DashboardResults d = result.dashboards();
        if (d == null) {
            return lines;
        }
        if (d.isFastMode()) {
            lines.add("Dashboard queries (fast mode: no data loaded, sequential scans disabled to test index use):");
        } else {
            long rows = d.loads().stream().mapToLong(SyntheticData.TableLoad::generatedRows).sum();
            double seconds = d.loadTime().toNanos() / 1e9;
            lines.add(String.format(Locale.ROOT, "Dashboard queries (%,d synthetic rows in %d tables loaded in %.1f s"
                            + "%s; work_mem %s; median of %d runs):", rows,
                    d.loads().stream().filter(l -> l.generatedRows() > 0).count(), seconds,
                    d.config().data().loadFraction() < 1 ? String.format(Locale.ROOT, " at %.0f%% of the declared volumes",
                            d.config().data().loadFraction() * 100) : "", d.config().workMem(), d.config().runs()));
        }
        int width = d.results().stream().mapToInt(r -> r.query().name().length()).max().orElse(5);
        for (QueryResult r : d.results()) {
            List<String> rules = new ArrayList<>();
            for (Finding f : result.findings()) {
                if (f.object().kind() == DbObject.Kind.QUERY && f.object().relation().name().equals(r.query().name())
                        && !rules.contains(f.ruleId())) {
                    rules.add(f.ruleId());
                }
            }
            long suppressed = result.suppressed().stream().filter(s -> s.finding().object().kind()
                    == DbObject.Kind.QUERY && s.finding().object().relation().name().equals(r.query().name())).count();
            String time = r.timedOut() ? "timed out" : r.medianMs() == null ? "-"
                    : String.format(Locale.ROOT, "%,.1f ms", r.medianMs());
            String verdict = rules.isEmpty() ? "ok" : String.join(", ", rules);
            if (suppressed > 0) {
                verdict += " (" + suppressed + " suppressed)";
            }
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %12s  %s%s", r.query().name(), time, verdict,
                    accesses(r)));
        }
        List<DashboardResults.BudgetRow> budget = d.budget();
        if (!budget.isEmpty()) {
            lines.add("Index budget (measured after the load → projected to the declared volume):");
            int names = Math.max(5, budget.stream().mapToInt(b -> b.table().toString().length()).max().orElse(5));
            lines.add(String.format(Locale.ROOT, "  %-" + names + "s  %13s  %10s  %7s  %10s  %5s  %10s  %10s",
                    "table", "rows", "table size", "indexes", "index size", "ratio", "→ table", "→ indexes"));
            long total = 0;
            long projected = 0;
            for (DashboardResults.BudgetRow b : budget) {
                total += b.indexBytes();
                projected += b.projectedIndexBytes();
                lines.add(String.format(Locale.ROOT, "  %-" + names + "s  %,13d  %10s  %7d  %10s  %5.2f  %10s  %10s",
                        b.table(), b.rows(), ConfigValues.formatSize(b.tableBytes()), b.indexCount(),
                        ConfigValues.formatSize(b.indexBytes()), b.ratio(),
                        ConfigValues.formatSize(b.projectedTableBytes()),
                        ConfigValues.formatSize(b.projectedIndexBytes())));
            }
            lines.add(String.format(Locale.ROOT, "  all indexes: %s measured, %s at the declared volume",
                    ConfigValues.formatSize(total), ConfigValues.formatSize(projected)));
        }
        return lines;
    }

    /**
     * The workload's index advice: the indexes that, built together, remove the plan findings they can, each
     * query's time before and after them, the index budget with them, and the indexes no query used.
     */
    public static List<String> advice(RunResult result) {
        List<String> lines = new ArrayList<>();
        IndexAdvice a = result.advice();
        if (a == null) {
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "Index advice (%d candidate index%s %s in %.1f s; %s):",
                a.measured(), a.measured() == 1 ? "" : "es", a.fastMode() ? "checked by the planner"
                        : "built and measured on the loaded data", a.took().toNanos() / 1e9,
                a.indexes().isEmpty() ? "no index removes a finding"
                        : a.indexes().size() + " advised, written to " + Reports.ADVICE_FILE));
        for (IndexAdvice.Advised i : a.indexes()) {
            lines.add("  " + i.definition() + "  -- serves " + String.join(", ", i.serves())
                    + (a.fastMode() ? "" : "; " + ConfigValues.formatSize(i.bytesAtVolume()) + " at the declared volume"));
        }
        if (!a.indexes().isEmpty()) {
            int width = a.queries().stream().mapToInt(q -> q.query().length()).max().orElse(5);
            for (IndexAdvice.QueryChange q : a.queries()) {
                lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %10s → %10s  %s", q.query(),
                        IndexAdvice.ms(q.beforeMs()), IndexAdvice.ms(q.afterMs()), q.passes() ? "passes"
                                : "still fails"));
            }
            if (!a.fastMode()) {
                long total = a.budgetAfter().stream().mapToLong(DashboardResults.BudgetRow::projectedIndexBytes).sum();
                lines.add("  index budget with them: " + ConfigValues.formatSize(total) + " of indexes at the declared "
                        + "volume, " + (a.budgetMet() ? "within the budget" : "OVER the budget (index-budget-exceeded)"));
            }
        }
        for (IndexAdvice.Unneeded u : a.unneeded()) {
            lines.add("  no declared query uses " + u.table().schema() + "." + u.index() + " on " + u.table()
                    + (a.fastMode() ? "" : " (" + ConfigValues.formatSize(u.bytesAtVolume()) + ")")
                    + ": a candidate to drop");
        }
        return lines;
    }

    /** How the plan reads its tables, for a reviewer: {@code  — Index Only Scan using orders_created_at_idx on orders}. */
    private static String accesses(QueryResult r) {
        if (r.plan() == null) {
            return "";
        }
        java.util.Set<String> reads = new java.util.LinkedHashSet<>();
        r.plan().root().visit(n -> {
            if (n.relation() != null || n.indexName() != null) {
                String type = n.parallelAware() && !n.nodeType().startsWith("Parallel") ? "Parallel " + n.nodeType()
                        : n.nodeType();
                reads.add(type + (n.indexName() != null ? " using " + n.indexName() : "")
                        + (n.relation() != null ? " on " + n.relation() : ""));
            }
        });
        return reads.isEmpty() ? "" : " — " + String.join(", ", reads);
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
                + " (or rerun " + Wording.current().command("baseline") + "):");
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
