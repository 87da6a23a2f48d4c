package dev.dbcheck.report;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.place.SuppressedFinding;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One self-contained HTML page for people (no network: styles and script inline): the summary, the findings
 * with their position and fix, filterable by severity, rule and text, then per dashboard query its plan as a tree
 * with rows, time and buffers, the nodes a finding points at highlighted, and the index budget table.
 *
 * <p>The page is rendered here, not by script, so it reads the same with JavaScript off; the script only filters.
 * Filters can be preset in the address: {@code dbcheck.html#severity=error&rule=temp-spill}. Measured values
 * (times, buffers, sizes) carry {@code data-m} so that tests can tell them from the structure.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(RunResult result) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>dbcheck report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, result);
        nav(h, result);
        overview(h, result);
        findings(h, result);
        if (result.dashboards() != null) {
            dashboards(h, result);
        }
        if (result.advice() != null) {
            // the workload's advice as the migration it is (advice.sql): before and after, budget, the indexes
            h.append("<section id=\"advice\">\n<h2>Index advice</h2>\n<pre>").append(esc(result.advice().migration()))
                    .append("</pre>\n</section>\n");
        }
        if (result.change() != null) {
            change(h, result.change());
        }
        h.append("<footer>dbcheck ").append(esc(ReportSupport.version())).append(" · rules: ")
                .append(result.rules().size()).append(" · ").append(esc(result.database())).append("</footer>\n");
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The change's statements on one time axis, as they ran at the declared volumes: each statement a bar where it
     * ran, and behind it the span its strongest lock was held (to its transaction's end), red when the lock blocks
     * reads, amber when it blocks writes.
     */
    private static void change(StringBuilder h, dev.dbcheck.change.ChangeTrace trace) {
        h.append("<section id=\"change\">\n<h2>The change</h2>\n<p class=\"sub\">").append(esc(trace.basis()))
                .append(": ").append(trace.scripts().size()).append(" migration(s) traced after ")
                .append(trace.production()).append(" applied as production, on data at the declared volumes (")
                .append(String.format(Locale.ROOT, "%,d", trace.rows().values().stream().mapToLong(Long::longValue)
                        .sum())).append(" rows)</p>\n");
        if (trace.incomplete() != null) {
            h.append("<p class=\"warn\">").append(esc(trace.incomplete())).append("</p>\n");
        }
        long total = 0;
        for (dev.dbcheck.change.ChangeTrace.TracedStatement st : trace.statements()) {
            total += st.time().toNanos();
        }
        double scale = total == 0 ? 0 : 100.0 / total;
        h.append("<table class=\"timeline\">\n<tr><th>Statement</th><th>Locks taken</th><th>Time</th>"
                + "<th class=\"axis\">Timeline (lock held behind the statement)</th></tr>\n");
        long at = 0;
        for (dev.dbcheck.change.ChangeTrace.TracedStatement st : trace.statements()) {
            dev.dbcheck.change.ChangeTrace.HeldLock strongest = st.locks().stream().filter(
                    dev.dbcheck.change.ChangeTrace.HeldLock::existedBefore).max(java.util.Comparator.comparing(
                    dev.dbcheck.change.ChangeTrace.HeldLock::mode)).orElse(null);
            String css = strongest == null ? "none" : strongest.mode().blocksReads() ? "reads"
                    : strongest.mode().blocksWrites() ? "writes" : "none";
            h.append("<tr><td><code>").append(esc(st.position().path() + ":" + st.position().line()))
                    .append("</code><br><code class=\"sql\">").append(esc(shortSql(st.sql()))).append("</code></td><td>");
            for (dev.dbcheck.change.ChangeTrace.HeldLock l : st.locks()) {
                if (l.existedBefore()) {
                    h.append(esc(l.mode().title() + " " + l.relation())).append(" <span data-m>")
                            .append(esc(String.format(Locale.ROOT, "%,d rows", l.rows()))).append("</span><br>");
                }
            }
            h.append("</td><td data-m>").append(esc(ms(st.time()))).append("</td><td class=\"axis\">");
            double left = at * scale;
            double width = Math.max(0.3, st.time().toNanos() * scale);
            if (strongest != null && css.equals("none") == false) {
                double held = Math.min(100 - left, Math.max(width, strongest.held().toNanos() * scale));
                h.append("<div class=\"hold ").append(css).append("\" style=\"margin-left:")
                        .append(String.format(Locale.ROOT, "%.2f", left)).append("%;width:")
                        .append(String.format(Locale.ROOT, "%.2f", held)).append("%\" title=\"")
                        .append(esc(strongest.mode().title() + " held " + ms(strongest.held()) + ": "
                                + strongest.mode().blocks())).append("\"></div>");
            }
            h.append("<div class=\"run\" style=\"margin-left:").append(String.format(Locale.ROOT, "%.2f", left))
                    .append("%;width:").append(String.format(Locale.ROOT, "%.2f", width)).append("%\"></div>")
                    .append("</td></tr>\n");
            at += st.time().toNanos();
        }
        h.append("</table>\n</section>\n");
    }

    private static String shortSql(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static String ms(java.time.Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
                : String.format(Locale.ROOT, ms >= 10 ? "%.0f ms" : "%.1f ms", ms);
    }

    /** Rules with this many findings or more are one collapsed group: 29 alike findings are one line to open. */
    static final int GROUP_AT = 5;

    /** The sections of this page, each a link: only those the run has. */
    private static void nav(StringBuilder h, RunResult result) {
        h.append("<nav id=\"nav\">");
        link(h, "overview", "Overview");
        link(h, "findings", "Findings (" + result.findings().size() + ")");
        if (result.dashboards() != null) {
            link(h, "dashboards", "Dashboard queries");
            if (!result.dashboards().budget().isEmpty()) {
                link(h, "index-budget", "Index budget");
            }
        }
        if (result.advice() != null) {
            link(h, "advice", "Index advice");
        }
        if (result.change() != null) {
            link(h, "change", "The change");
        }
        h.append("</nav>\n");
    }

    private static void link(StringBuilder h, String id, String text) {
        h.append("<a href=\"#").append(id).append("\">").append(esc(text)).append("</a> ");
    }

    /** The anchor of a rule's group of findings. */
    static String ruleAnchor(String ruleId) {
        return "rule-" + ruleId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Where the time went, and the findings by rule and by table, each linking to them. */
    private static void overview(StringBuilder h, RunResult result) {
        h.append("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"columns\">\n<div>\n<h3>Time by phase</h3>\n");
        List<Bar> phases = new java.util.ArrayList<>();
        for (PhaseTimings.Phase p : result.timings().phases()) {
            phases.add(new Bar(p.name(), p.duration().toNanos() / 1e6, null, "phase"));
        }
        bars(h, "phase-chart", "Time by phase", phases, "ms");
        h.append("</div>\n<div>\n<h3>Findings by rule</h3>\n");
        java.util.Map<String, long[]> byRule = new java.util.TreeMap<>();
        java.util.Map<String, Long> byTable = new java.util.TreeMap<>();
        for (Finding f : result.findings()) {
            long[] c = byRule.computeIfAbsent(f.ruleId(), k -> new long[3]);
            c[f.severity() == Severity.ERROR ? 0 : f.severity() == Severity.WARNING ? 1 : 2]++;
            if (f.object().relation() != null && f.object().kind() != dev.dbcheck.rule.DbObject.Kind.QUERY
                    && f.object().kind() != dev.dbcheck.rule.DbObject.Kind.FILE) {
                byTable.merge(f.object().relation().toString(), 1L, Long::sum);
            }
        }
        if (byRule.isEmpty()) {
            h.append("<p class=\"none\">No findings.</p>\n");
        } else {
            h.append("<table class=\"summary\" id=\"by-rule\"><thead><tr><th>Rule</th><th>errors</th><th>warnings"
                    + "</th><th>info</th></tr></thead><tbody>\n");
            byRule.forEach((rule, c) -> h.append("<tr><td><a href=\"#").append(ruleAnchor(rule)).append("\">")
                    .append(esc(rule)).append("</a></td><td>").append(c[0]).append("</td><td>").append(c[1])
                    .append("</td><td>").append(c[2]).append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }
        h.append("</div>\n<div>\n<h3>Findings by table</h3>\n");
        if (!byTable.isEmpty()) {
            h.append("<table class=\"summary\" id=\"by-table\"><thead><tr><th>Table</th><th>findings</th></tr></thead>"
                    + "<tbody>\n");
            byTable.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(20).forEach(e -> h.append("<tr><td><a href=\"#text=").append(esc(e.getKey()))
                            .append("\"><code>").append(esc(e.getKey())).append("</code></a></td><td>")
                            .append(e.getValue()).append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }
        h.append("</div>\n</div>\n</section>\n");
    }

    /** One bar of a chart: its label, value, an optional budget (drawn as a mark) and its class. */
    record Bar(String label, double value, Double budget, String css) {
    }

    /**
     * A horizontal bar chart as inline SVG (no script, no network): one row per bar, the value written beside it,
     * a budget as a dark mark across its row; a bar over its budget is drawn in the error colour.
     */
    static void bars(StringBuilder h, String id, String title, List<Bar> bars, String unit) {
        if (bars.isEmpty()) {
            return;
        }
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, Math.max(b.value(), b.budget() == null ? 0 : b.budget()));
        }
        int rowHeight = 22;
        int labelWidth = 170;
        int width = 600;
        int plot = width - labelWidth - 90;
        h.append("<svg class=\"chart\" id=\"").append(esc(id)).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(bars.size() * rowHeight + 4).append("\" width=\"100%\">\n");
        int y = 2;
        for (Bar b : bars) {
            double w = max == 0 ? 0 : b.value() / max * plot;
            boolean over = b.budget() != null && b.value() > b.budget();
            h.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(esc(shorten(b.label(), 26))).append("</text>");
            h.append("<rect class=\"bar ").append(esc(b.css())).append(over ? " over" : "").append("\" x=\"")
                    .append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", Math.max(1, w))).append("\" height=\"16\"><title data-m>")
                    .append(esc(b.label() + ": " + value(b.value(), unit) + (b.budget() == null ? ""
                            : " (budget " + value(b.budget(), unit) + ")"))).append("</title></rect>");
            if (b.budget() != null && max > 0) {
                double bx = labelWidth + b.budget() / max * plot;
                h.append("<line class=\"budget\" x1=\"").append(String.format(Locale.ROOT, "%.1f", bx))
                        .append("\" x2=\"").append(String.format(Locale.ROOT, "%.1f", bx)).append("\" y1=\"")
                        .append(y + 1).append("\" y2=\"").append(y + 21).append("\"/>");
            }
            h.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", labelWidth + Math.max(1, w) + 4))
                    .append("\" y=\"").append(y + 15).append("\" data-m>").append(esc(value(b.value(), unit)))
                    .append("</text>\n");
            y += rowHeight;
        }
        h.append("</svg>\n");
    }

    private static String value(double v, String unit) {
        if (unit.equals("bytes")) {
            return ConfigValues.formatSize((long) v);
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT,
                v >= 10 ? "%.0f ms" : "%.1f ms", v);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void header(StringBuilder h, RunResult result) {
        boolean failed = result.failed();
        h.append("<header>\n<h1>dbcheck report</h1>\n<p class=\"verdict ").append(failed ? "failed" : "passed")
                .append("\" id=\"verdict\">").append(failed ? "Failed" : "Passed").append(": ")
                .append(result.failures().size()).append(" finding").append(result.failures().size() == 1 ? "" : "s")
                .append(" at or above ").append(esc(result.failOn().id())).append("</p>\n");
        h.append("<ul class=\"counts\" id=\"summary\">\n");
        count(h, "error", "errors", result.count(Severity.ERROR));
        count(h, "warning", "warnings", result.count(Severity.WARNING));
        count(h, "info", "info", result.count(Severity.INFO));
        count(h, "suppressed", "suppressed", result.suppressed().size());
        count(h, "baselined", "in baseline", result.baselined().size());
        count(h, "tables", "tables", result.snapshot().tables().size());
        h.append("</ul>\n<p class=\"timings\" id=\"timings\">");
        for (PhaseTimings.Phase p : result.timings().phases()) {
            h.append("<span>").append(esc(p.name())).append(" <b data-m>")
                    .append(String.format(Locale.ROOT, "%.2f s", p.duration().toNanos() / 1e9)).append("</b></span> ");
        }
        h.append("</p>\n<p class=\"db\">").append(esc(result.database())).append("</p>\n</header>\n");
    }

    private static void count(StringBuilder h, String css, String label, long n) {
        h.append("<li class=\"").append(css).append("\"><b>").append(n).append("</b> ").append(label).append("</li>\n");
    }

    private static void findings(StringBuilder h, RunResult result) {
        h.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        Set<String> rules = new TreeSet<>();
        result.findings().forEach(f -> rules.add(f.ruleId()));
        h.append("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n");
        for (String s : List.of("error", "warning", "info")) {
            h.append("<label><input type=\"checkbox\" name=\"severity\" value=\"").append(s).append("\" checked> ")
                    .append(s).append("</label>\n");
        }
        h.append("<select id=\"rule-filter\" aria-label=\"rule\"><option value=\"\">all rules</option>\n");
        for (String r : rules) {
            h.append("<option value=\"").append(esc(r)).append("\">").append(esc(r)).append("</option>\n");
        }
        h.append("</select>\n<input type=\"search\" id=\"text-filter\" placeholder=\"filter by text\" "
                + "aria-label=\"text\">\n<span id=\"shown\"></span>\n</form>\n");
        if (result.findings().isEmpty()) {
            h.append("<p class=\"none\">No findings.</p>\n");
        }
        h.append("<table class=\"findings\" id=\"finding-table\">\n<thead><tr><th>Severity</th><th>Rule</th>"
                + "<th>Object</th><th>Where</th><th>Finding and fix</th></tr></thead>\n<tbody>\n");
        // each rule's findings together, where its first one stands; a rule with many alike findings is one
        // group, collapsed until opened (its rows stay in the page: the filters and a link to the rule open it)
        java.util.Map<String, List<Finding>> byRule = new java.util.LinkedHashMap<>();
        for (Finding f : result.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new java.util.ArrayList<>()).add(f);
        }
        int n = 0;
        for (java.util.Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
            boolean grouped = rule.getValue().size() >= GROUP_AT;
            h.append("<tr class=\"group").append(grouped ? " collapsible" : "").append("\" id=\"")
                    .append(ruleAnchor(rule.getKey())).append("\" data-rule=\"").append(esc(rule.getKey()))
                    .append("\"><td colspan=\"5\">");
            if (grouped) {
                h.append("<button type=\"button\" class=\"toggle\" aria-expanded=\"true\">▾</button> ");
            }
            h.append("<b>").append(esc(rule.getKey())).append("</b> — ").append(rule.getValue().size())
                    .append(grouped ? " alike findings" : rule.getValue().size() == 1 ? " finding" : " findings")
                    .append("</td></tr>\n");
            for (Finding f : rule.getValue()) {
                findingRow(h, result, f, null, "f-" + (++n), grouped ? ruleAnchor(rule.getKey()) : null);
            }
        }
        h.append("</tbody>\n</table>\n");
        if (!result.suppressed().isEmpty()) {
            h.append("<details id=\"suppressed\"><summary>Suppressed (").append(result.suppressed().size())
                    .append(")</summary>\n<table class=\"findings\"><tbody>\n");
            for (SuppressedFinding s : result.suppressed()) {
                findingRow(h, result, s.finding(), "suppressed: " + s.suppression().reason(), null, null);
            }
            h.append("</tbody></table></details>\n");
        }
        if (!result.baselined().isEmpty()) {
            h.append("<details id=\"baselined\"><summary>In the baseline (").append(result.baselined().size())
                    .append(")</summary>\n<table class=\"findings\"><tbody>\n");
            for (Finding f : result.baselined()) {
                findingRow(h, result, f, "accepted in the baseline", null, null);
            }
            h.append("</tbody></table></details>\n");
        }
        h.append("</section>\n");
    }

    /**
     * @param id    the row's anchor ({@code f-3}), or null
     * @param group the anchor of the collapsed group it belongs to, or null
     */
    private static void findingRow(StringBuilder h, RunResult result, Finding f, String note, String id,
                                   String group) {
        String sev = f.severity().id();
        RuleMetadata m = ReportSupport.metadata(result, f.ruleId());
        h.append("<tr class=\"finding ").append(sev).append(note == null ? "" : " muted")
                .append("\" data-severity=\"").append(sev).append("\" data-rule=\"").append(esc(f.ruleId()))
                .append("\"").append(note == null ? "" : " data-muted")
                .append(id == null ? "" : " id=\"" + id + "\"").append(group == null ? "" : " data-group=\"" + group
                        + "\"").append(">");
        h.append("<td><span class=\"badge ").append(sev).append("\">").append(sev).append("</span></td>");
        h.append("<td>");
        if (m != null) {
            h.append("<a href=\"").append(esc(m.docsUrl())).append("\">").append(esc(f.ruleId())).append("</a>");
        } else {
            h.append(esc(f.ruleId()));
        }
        h.append("</td><td><code>").append(esc(f.object().display())).append("</code></td><td>");
        if (f.position() != null) {
            h.append("<code class=\"pos\">").append(esc(f.position().path())).append(':').append(f.position().line())
                    .append("</code>");
        }
        if (id != null) {
            h.append(" <a class=\"anchor\" href=\"#").append(id).append("\" title=\"link to this finding\">#</a>");
        }
        h.append("</td><td><div class=\"msg\">").append(esc(f.message())).append("</div>");
        if (f.fixText() != null && !f.fixText().isBlank()) {
            h.append("<div class=\"fix\">fix: <code>").append(esc(f.fixText())).append("</code></div>");
        }
        if (note != null) {
            h.append("<div class=\"note\">").append(esc(note)).append("</div>");
        }
        h.append("</td></tr>\n");
    }

    private static void dashboards(StringBuilder h, RunResult result) {
        DashboardResults d = result.dashboards();
        h.append("<section id=\"dashboards\">\n<h2>Dashboard queries</h2>\n<p class=\"sub\">");
        if (d.isFastMode()) {
            h.append("Fast mode: no data loaded; each query planned with sequential scans disabled.");
        } else {
            long rows = d.loads().stream().mapToLong(l -> l.generatedRows()).sum();
            h.append(String.format(Locale.ROOT, "%,d synthetic rows loaded in <span data-m>%.1f s</span>; "
                            + "work_mem %s; median of %d runs.", rows, d.loadTime().toNanos() / 1e9,
                    esc(d.config().workMem()), d.config().runs()));
        }
        h.append("</p>\n");
        List<Bar> times = new java.util.ArrayList<>();
        for (QueryResult q : d.results()) {
            if (q.medianMs() != null) {
                times.add(new Bar(q.query().name(), q.medianMs(), q.query().budget() == null ? null
                        : (double) q.query().budget().toMillis(), "query"));
            }
        }
        if (!times.isEmpty()) {
            h.append("<h3>Query times against their budgets</h3>\n");
            bars(h, "query-chart", "Median query times against their budgets", times, "ms");
        }
        for (QueryResult q : d.results()) {
            List<Finding> mine = result.findings().stream()
                    .filter(f -> q.query().name().equals(ReportSupport.queryOf(f))).toList();
            boolean bad = mine.stream().anyMatch(f -> f.severity().isAtLeast(result.failOn()));
            h.append("<article class=\"query\" id=\"query-").append(esc(q.query().name())).append("\">\n<h3>")
                    .append(esc(q.query().name())).append(" <span class=\"badge ").append(bad ? "error" : mine.isEmpty()
                            ? "ok" : "warning").append("\">").append(mine.isEmpty() ? "ok" : esc(String.join(", ",
                            mine.stream().map(Finding::ruleId).distinct().toList()))).append("</span></h3>\n");
            h.append("<p class=\"sub\"><code class=\"pos\">").append(esc(q.query().file())).append(':')
                    .append(q.query().firstLine()).append("</code>");
            if (q.timedOut()) {
                h.append(" · cancelled at the query timeout");
            } else if (q.medianMs() != null) {
                h.append(" · median <b data-m>").append(String.format(Locale.ROOT, "%.1f ms", q.medianMs()))
                        .append("</b>");
            }
            if (q.query().budget() != null) {
                h.append(" · budget ").append(q.query().budget().toMillis()).append(" ms");
            }
            h.append("</p>\n<details><summary>SQL</summary><pre>").append(esc(q.query().sql()))
                    .append("</pre></details>\n");
            if (q.plan() != null) {
                Set<PlanNode> offending = ReportSupport.offendingNodes(d, q, result.findings());
                h.append("<ul class=\"plan\">\n");
                Double rootTime = q.plan().root().actualTotalTime();
                node(h, q.plan().root(), offending, mine, 1, rootTime == null ? 0 : rootTime,
                        hottest(q.plan().root()));
                h.append("</ul>\n");
            }
            h.append("</article>\n");
        }
        List<DashboardResults.BudgetRow> budget = d.budget();
        if (!budget.isEmpty()) {
            h.append("<h2>Index budget</h2>\n");
            List<Bar> sizes = new java.util.ArrayList<>();
            for (DashboardResults.BudgetRow b : budget) {
                // each table's indexes at the declared volume, against the table itself
                sizes.add(new Bar(b.table().toString(), b.projectedIndexBytes(), (double) b.projectedTableBytes(),
                        "index"));
            }
            h.append("<p class=\"sub\">Index size at the declared volume per table; the mark is the table's own size."
                    + "</p>\n");
            bars(h, "index-chart", "Index sizes against their tables' sizes", sizes, "bytes");
            h.append("<div class=\"wide\"><table class=\"budget\" id=\"index-budget\">\n<thead><tr><th>Table</th>"
                    + "<th>Rows</th><th>Table size</th><th>Indexes</th><th>Index size</th><th>Ratio</th>"
                    + "<th>Table at volume</th><th>Indexes at volume</th></tr></thead>\n<tbody>\n");
            long total = 0;
            long projected = 0;
            for (DashboardResults.BudgetRow b : budget) {
                total += b.indexBytes();
                projected += b.projectedIndexBytes();
                h.append("<tr><td><code>").append(esc(b.table().toString())).append("</code></td><td>")
                        .append(String.format(Locale.ROOT, "%,d", b.rows())).append("</td><td data-m>")
                        .append(ConfigValues.formatSize(b.tableBytes())).append("</td><td>").append(b.indexCount())
                        .append("</td><td data-m>").append(ConfigValues.formatSize(b.indexBytes()))
                        .append("</td><td data-m>").append(String.format(Locale.ROOT, "%.2f", b.ratio()))
                        .append("</td><td data-m>").append(ConfigValues.formatSize(b.projectedTableBytes()))
                        .append("</td><td data-m>").append(ConfigValues.formatSize(b.projectedIndexBytes()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n<tfoot><tr><td>all indexes</td><td></td><td></td><td></td><td data-m>")
                    .append(ConfigValues.formatSize(total)).append("</td><td></td><td></td><td data-m>")
                    .append(ConfigValues.formatSize(projected)).append("</td></tr></tfoot>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    /** The node that spent the most time itself (its time without its children's): where the query's time goes. */
    static PlanNode hottest(PlanNode root) {
        PlanNode hot = null;
        double best = -1;
        for (PlanNode n : root.flatten()) {
            if (n.actualTotalTime() == null) {
                continue;
            }
            double own = n.actualTotalTime() * (n.actualLoops() == null ? 1 : n.actualLoops());
            for (PlanNode c : n.children()) {
                if (c.actualTotalTime() != null) {
                    own -= c.actualTotalTime() * (c.actualLoops() == null ? 1 : c.actualLoops());
                }
            }
            if (own > best) {
                best = own;
                hot = n;
            }
        }
        return hot;
    }

    private static void node(StringBuilder h, PlanNode n, Set<PlanNode> offending, List<Finding> findings, int depth,
                             double rootTime, PlanNode hot) {
        boolean bad = offending.contains(n);
        h.append("<li class=\"node").append(bad ? " offending" : "").append(n == hot ? " hot-node" : "").append("\"");
        if (bad) {
            h.append(" title=\"").append(esc(String.join(", ", findings.stream().map(Finding::ruleId).distinct()
                    .toList()))).append("\"");
        }
        h.append("><div class=\"head\"><b>").append(esc((n.parallelAware() && !n.nodeType().startsWith("Parallel")
                ? "Parallel " : "") + n.nodeType())).append("</b>");
        if (n.indexName() != null) {
            h.append(" using <code>").append(esc(n.indexName())).append("</code>");
        }
        if (n.relation() != null) {
            h.append(" on <code>").append(esc((n.schema() == null ? "" : n.schema() + ".") + n.relation()))
                    .append("</code>");
            if (n.alias() != null && !n.alias().equals(n.relation())) {
                h.append(' ').append(esc(n.alias()));
            }
        }
        if (n.disabled()) {
            h.append(" <span class=\"badge warning\">disabled</span>");
        }
        if (bad) {
            h.append(" <span class=\"badge error\">").append(esc(String.join(", ", findings.stream()
                    .map(Finding::ruleId).distinct().toList()))).append("</span>");
        }
        h.append("</div><div class=\"facts\">");
        if (n.actualRows() != null) {
            h.append("<span>rows <b>").append(String.format(Locale.ROOT, "%,.0f", n.actualRows())).append("</b>");
            if (n.actualLoops() != null && n.actualLoops() != 1) {
                h.append(" × ").append(String.format(Locale.ROOT, "%,.0f", n.actualLoops())).append(" loops");
            }
            if (n.planRows() != null) {
                h.append(" (est. ").append(String.format(Locale.ROOT, "%,.0f", n.planRows())).append(")");
            }
            h.append("</span>");
        } else if (n.planRows() != null) {
            h.append("<span>est. rows <b>").append(String.format(Locale.ROOT, "%,.0f", n.planRows()))
                    .append("</b></span>");
        }
        if (n.actualTotalTime() != null) {
            h.append("<span>time <b data-m>").append(String.format(Locale.ROOT, "%.3f ms", n.actualTotalTime()))
                    .append("</b></span>");
        }
        if (n.sharedHitBlocks() != null || n.sharedReadBlocks() != null) {
            h.append("<span>buffers hit <b data-m>").append(n.sharedHitBlocks() == null ? 0 : n.sharedHitBlocks())
                    .append("</b> read <b data-m>").append(n.sharedReadBlocks() == null ? 0 : n.sharedReadBlocks())
                    .append("</b></span>");
        }
        if (n.tempWrittenBlocks() != null && n.tempWrittenBlocks() > 0) {
            h.append("<span class=\"hot\">temp written <b data-m>").append(n.tempWrittenBlocks())
                    .append("</b> blocks</span>");
        }
        if (n.sortMethod() != null) {
            h.append("<span").append("Disk".equals(n.sortSpaceType()) ? " class=\"hot\"" : "").append(">sort ")
                    .append(esc(n.sortMethod())).append(n.sortSpaceType() == null ? "" : ", " + esc(n.sortSpaceType()))
                    .append(n.sortSpaceKb() == null ? "" : " <b data-m>" + n.sortSpaceKb() + " kB</b>")
                    .append("</span>");
        }
        if (n.hashBatches() != null) {
            h.append("<span").append(n.hashBatches() > 1 ? " class=\"hot\"" : "").append(">hash batches ")
                    .append(n.hashBatches()).append("</span>");
        }
        if (n.indexCondition() != null) {
            h.append("<span>cond <code>").append(esc(n.indexCondition())).append("</code></span>");
        }
        if (n.filter() != null) {
            h.append("<span>filter <code>").append(esc(n.filter())).append("</code>");
            if (n.rowsRemovedByFilter() != null) {
                h.append(" removed ").append(String.format(Locale.ROOT, "%,.0f", n.rowsRemovedByFilter()));
            }
            h.append("</span>");
        }
        h.append("</div>");
        if (n.actualTotalTime() != null && rootTime > 0) {
            // the node's share of the query's time (its subtree's, as EXPLAIN ANALYZE counts it)
            double share = Math.min(100, n.actualTotalTime() * (n.actualLoops() == null ? 1 : n.actualLoops())
                    / rootTime * 100);
            h.append("<div class=\"share\" title=\"").append(String.format(Locale.ROOT, "%.0f", share))
                    .append(" % of the query's time\"><span style=\"width:").append(String.format(Locale.ROOT, "%.1f",
                            share)).append("%\"></span></div>");
        }
        if (!n.children().isEmpty()) {
            h.append("\n<ul>\n");
            for (PlanNode c : n.children()) {
                node(h, c, offending, findings, depth + 1, rootTime, hot);
            }
            h.append("</ul>");
        }
        h.append("</li>\n");
    }

    /** The page of a run that failed: what failed, where, and that there are no findings to show. */
    public static String renderFailure(FailedRun failure) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbcheck: failed</title>"
                + "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:72rem}pre{white-space:"
                + "pre-wrap;background:#fdecea;border-left:4px solid #c62828;padding:1rem}</style></head><body>\n"
                + "<h1>" + esc(failure.title()) + "</h1>\n<p>The run ended before its checks had a result, so this "
                + "report holds no findings. Fix the error below and run again.</p>\n<pre>" + esc(failure.message())
                + "</pre>\n<footer>dbcheck " + esc(ReportSupport.version()) + "</footer>\n</body></html>\n";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            nav#nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 6px 0;
                      z-index: 2; display: flex; flex-wrap: wrap; gap: 4px 14px; }
            .columns { display: flex; flex-wrap: wrap; gap: 12px 32px; } .columns > div { flex: 1 1 320px; min-width: 0; }
            svg.chart { max-width: 640px; font: 11px system-ui, sans-serif; }
            svg.chart rect.bar { fill: #0b57d0; } svg.chart rect.bar.over { fill: var(--err); }
            svg.chart rect.bar.index { fill: #8250df; } svg.chart line.budget { stroke: #1f2328; stroke-width: 2; }
            table.findings { table-layout: fixed; }
            table.findings th:nth-child(1) { width: 74px; } table.findings th:nth-child(2) { width: 15%; }
            table.findings th:nth-child(3) { width: 20%; } table.findings th:nth-child(4) { width: 20%; }
            td, code { overflow-wrap: anywhere; } pre { white-space: pre-wrap; overflow-wrap: anywhere; }
            tr.group td { background: #f6f8fa; } button.toggle { border: 0; background: none; cursor: pointer; }
            a.anchor { color: #8c959f; text-decoration: none; } .wide { overflow-x: auto; }
            .share { height: 4px; background: #eaeef2; margin: 0 6px 2px; max-width: 320px; }
            .share span { display: block; height: 4px; background: #0b57d0; }
            li.node.hot-node > .head { background: #fff4ce; border-left: 4px solid var(--warn); }
            li.node.hot-node.offending > .head { background: #ffebe9; border-left: 4px solid var(--err); }
            table.timeline { width: 100%; table-layout: fixed; } table.timeline td { vertical-align: top; }
            table.timeline th.axis, table.timeline td.axis { width: 40%; }
            table.timeline code.sql { white-space: pre-wrap; overflow-wrap: anywhere; }
            .hold, .run { height: 8px; border-radius: 2px; } .run { background: #57606a; margin-top: 2px; }
            .hold.reads { background: var(--err); opacity: .55; } .hold.writes { background: var(--warn); opacity: .55; }
            :root { --err: #b3261e; --warn: #9a6700; --info: #0b57d0; --ok: #1a7f37; --line: #d0d7de; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1400px;
                   padding: 16px 24px; color: #1f2328; }
            h1 { margin: 0 0 4px; } h2 { margin-top: 28px; border-bottom: 1px solid var(--line); }
            code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
            pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
            .verdict { font-weight: 600; } .verdict.failed { color: var(--err); } .verdict.passed { color: var(--ok); }
            .counts { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 8px 0; }
            .counts li { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
            .counts .error b { color: var(--err); } .counts .warning b { color: var(--warn); }
            .counts .info b { color: var(--info); }
            .timings span { margin-right: 10px; color: #59636e; } .db, .sub { color: #59636e; }
            .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            tr.muted { opacity: .65; }
            .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff;
                     background: #59636e; }
            .badge.error { background: var(--err); } .badge.warning { background: var(--warn); }
            .badge.info { background: var(--info); } .badge.ok { background: var(--ok); }
            .fix { margin-top: 4px; } .fix code { background: #eef6ee; padding: 1px 4px; }
            .note { margin-top: 4px; font-style: italic; }
            .query { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; margin: 12px 0; }
            .query h3 { margin: 4px 0; }
            ul.plan, ul.plan ul { list-style: none; margin: 0; padding-left: 22px; border-left: 1px dashed var(--line); }
            ul.plan { padding-left: 0; border: 0; }
            li.node { margin: 6px 0; }
            li.node > .head, li.node > .facts { padding: 2px 6px; }
            li.node > .facts span { margin-right: 12px; color: #59636e; }
            li.node.offending > .head { background: #ffebe9; border-left: 4px solid var(--err); }
            .hot { color: var(--err) !important; font-weight: 600; }
            tfoot td { font-weight: 600; }
            footer { margin-top: 32px; color: #59636e; font-size: 12px; }
            """;

    private static final String SCRIPT = """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) {
                errors.push(String(e.message));
                document.body.setAttribute('data-errors', errors.join(' | '));
              });
              var rows = Array.prototype.slice.call(document.querySelectorAll('#finding-table tbody tr.finding'));
              var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[name=severity]'));
              var rule = document.getElementById('rule-filter');
              var text = document.getElementById('text-filter');
              var shown = document.getElementById('shown');
              var collapsed = {};
              Array.prototype.slice.call(document.querySelectorAll('tr.group.collapsible')).forEach(function (g) {
                collapsed[g.id] = true;
                var button = g.querySelector('button.toggle');
                button.addEventListener('click', function () {
                  collapsed[g.id] = !collapsed[g.id];
                  apply();
                });
              });
              function apply() {
                Object.keys(collapsed).forEach(function (id) {
                  var b = document.querySelector('#' + id + ' button.toggle');
                  b.textContent = collapsed[id] ? '\u25b8' : '\u25be';
                  b.setAttribute('aria-expanded', String(!collapsed[id]));
                });
                var severities = {};
                boxes.forEach(function (b) { severities[b.value] = b.checked; });
                var wanted = rule.value;
                var needle = text.value.trim().toLowerCase();
                var visible = 0;
                rows.forEach(function (r) {
                  var ok = severities[r.getAttribute('data-severity')]
                      && (!wanted || r.getAttribute('data-rule') === wanted)
                      && (!needle || r.textContent.toLowerCase().indexOf(needle) >= 0);
                  var group = r.getAttribute('data-group');
                  // a group opens for a rule or text asked for, or when its link is followed
                  r.hidden = !ok || (group && collapsed[group] && !wanted && !needle);
                  if (ok) { visible++; }
                });
                shown.textContent = visible + ' of ' + rows.length + ' shown';
              }
              function fromAddress() {
                var params = {};
                location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
                  var kv = pair.split('=');
                  if (kv[0]) { params[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ''); }
                });
                if (params.severity) {
                  var set = params.severity.split(',');
                  boxes.forEach(function (b) { b.checked = set.indexOf(b.value) >= 0; });
                }
                if (params.rule !== undefined) { rule.value = params.rule; }
                var target = location.hash.replace(/^#/, '');
                if (collapsed[target]) { collapsed[target] = false; }
                if (params.text !== undefined) { text.value = params.text; }
              }
              boxes.forEach(function (b) { b.addEventListener('change', apply); });
              rule.addEventListener('change', apply);
              text.addEventListener('input', apply);
              window.addEventListener('hashchange', function () { fromAddress(); apply(); });
              fromAddress();
              apply();
              document.body.setAttribute('data-ready', 'true');
              // for readers and tests: whether anything is wider than the window
              document.body.setAttribute('data-overflow',
                  String(document.documentElement.scrollWidth > document.documentElement.clientWidth));
            })();
            """;
}
