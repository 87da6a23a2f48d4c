package dev.dbcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbcheck.place.Baseline;
import dev.dbcheck.advice.IndexAdvice;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.place.SuppressedFinding;

import java.util.List;
import java.util.Set;

/**
 * The whole run as JSON, for tools: every finding with all its fields, suppressed and baselined ones, the phase
 * timings, the dashboard queries with their plans, and the index budget. The layout is documented in
 * docs/reports.md; {@link #SCHEMA_VERSION} changes when a field is removed or changes meaning.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(RunResult result) {
        return write(tree(result));
    }

    /** A tree of plain nodes as indented JSON with a final newline (it always serializes). */
    static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report of a run that failed: {@code "status": "failed"} and the error, no findings. */
    public static String renderFailure(FailedRun failure) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "dbcheck").put("version", ReportSupport.version());
        root.put("status", "failed");
        root.putObject("error").put("message", failure.message()).put("phase", failure.phase());
        root.putArray("findings");
        return write(root);
    }

    static ObjectNode tree(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "dbcheck").put("version", ReportSupport.version());
        root.put("database", result.database());
        root.put("failOn", result.failOn().id());
        root.put("failed", result.failed());
        ObjectNode summary = root.putObject("summary");
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            summary.put(s.id(), result.count(s));
        }
        summary.put("suppressed", result.suppressed().size());
        summary.put("baselined", result.baselined().size());
        summary.put("failures", result.failures().size());
        summary.put("tables", result.snapshot().tables().size());
        ArrayNode timings = root.putArray("timings");
        for (PhaseTimings.Phase p : result.timings().phases()) {
            timings.addObject().put("phase", p.name()).put("ms", p.duration().toNanos() / 1e6);
        }
        root.put("totalMs", result.timings().total().toNanos() / 1e6);
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(f -> findings.add(finding(result, f)));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : result.suppressed()) {
            ObjectNode node = finding(result, s.finding());
            ObjectNode by = node.putObject("suppression");
            by.put("reason", s.suppression().reason());
            if (s.suppression().declared() != null) {
                by.put("file", s.suppression().declared().path()).put("line", s.suppression().declared().line());
            }
            suppressed.add(node);
        }
        ArrayNode baselined = root.putArray("baselined");
        result.baselined().forEach(f -> baselined.add(finding(result, f)));
        ArrayNode stale = root.putArray("staleBaseline");
        for (Baseline.Entry e : result.staleBaseline()) {
            stale.addObject().put("ruleId", e.rule()).put("object", e.object());
        }
        if (result.dashboards() != null) {
            root.set("dashboards", dashboards(result));
        } else {
            root.putNull("dashboards");
        }
        if (result.change() != null) {
            root.set("change", change(result.change()));
        } else {
            root.putNull("change");
        }
        return root;
    }

    /** The change's trace: how it was chosen, the rows, and per statement its locks, rewrites and time. */
    static ObjectNode change(ChangeTrace trace) {
        ObjectNode node = JSON.createObjectNode();
        node.put("basis", trace.basis());
        node.put("productionMigrations", trace.production());
        ArrayNode scripts = node.putArray("migrations");
        trace.scripts().forEach(scripts::add);
        node.put("maxLockTimeMs", trace.maxLockTime().toNanos() / 1e6);
        node.put("loadMs", trace.loadTime().toNanos() / 1e6);
        node.put("traceMs", trace.traceTime().toNanos() / 1e6);
        if (trace.incomplete() != null) {
            node.put("incomplete", trace.incomplete());
        } else {
            node.putNull("incomplete");
        }
        ObjectNode rows = node.putObject("rows");
        trace.rows().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> rows.put(e.getKey().toString(), e.getValue()));
        ArrayNode statements = node.putArray("statements");
        for (ChangeTrace.TracedStatement st : trace.statements()) {
            ObjectNode s = statements.addObject();
            s.put("file", st.position().path()).put("line", st.position().line());
            s.put("sql", st.sql());
            s.put("transaction", st.transaction()).put("inTransaction", st.inTransaction());
            s.put("ms", st.time().toNanos() / 1e6);
            s.put("lockTimeout", st.lockTimeout());
            ArrayNode locks = s.putArray("locks");
            for (ChangeTrace.HeldLock l : st.locks()) {
                locks.addObject().put("relation", l.relation().toString()).put("kind", l.kind())
                        .put("table", l.table().toString()).put("mode", l.mode().title())
                        .put("blocksReads", l.mode().blocksReads()).put("blocksWrites", l.mode().blocksWrites())
                        .put("existedBefore", l.existedBefore()).put("rows", l.rows())
                        .put("heldMs", l.held().toNanos() / 1e6);
            }
            ArrayNode rewritten = s.putArray("rewritten");
            st.rewritten().forEach(r -> rewritten.add(r.toString()));
            ArrayNode destructive = s.putArray("destructive");
            for (ChangeTrace.Destruction d : st.destructions()) {
                destructive.addObject().put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("table", d.table().toString()).put("column", d.column()).put("before", d.before())
                        .put("after", d.after());
            }
        }
        return node;
    }

    static ObjectNode finding(RunResult result, Finding f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ruleId", f.ruleId());
        node.put("severity", f.severity().id());
        node.put("category", ReportSupport.category(result, f).title());
        node.put("message", f.message());
        node.put("fix", f.fixText());
        node.put("fixIsSql", f.fix() != null && f.fix().sql());
        ObjectNode object = node.putObject("object");
        object.put("kind", f.object().kind().name().toLowerCase(java.util.Locale.ROOT));
        boolean inSchema = switch (f.object().kind()) {
            case QUERY, DATABASE, FILE -> false;
            default -> !f.object().relation().schema().isEmpty();
        };
        object.put("schema", inSchema ? f.object().relation().schema() : null);
        object.put("relation", f.object().relation().name());
        object.put("name", f.object().name());
        ArrayNode columns = object.putArray("columns");
        f.object().columns().forEach(columns::add);
        object.put("display", f.object().display());
        object.put("identity", f.object().identity());
        if (f.position() != null) {
            node.put("file", f.position().path());
            node.put("line", f.position().line());
        } else {
            node.putNull("file");
            node.putNull("line");
        }
        node.put("fingerprint", ReportSupport.fingerprint(f));
        RuleMetadata m = ReportSupport.metadata(result, f.ruleId());
        node.put("helpUri", m == null ? null : m.docsUrl());
        return node;
    }

    private static ObjectNode dashboards(RunResult result) {
        DashboardResults d = result.dashboards();
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", d.config().mode().name().toLowerCase(java.util.Locale.ROOT));
        node.put("workMem", d.config().workMem());
        node.put("runs", d.config().runs());
        node.put("parallelWorkers", d.config().parallelWorkers());
        node.put("loadFraction", d.config().data().loadFraction());
        node.put("loadMs", d.loadTime().toNanos() / 1e6);
        ArrayNode loads = node.putArray("loads");
        for (SyntheticData.TableLoad l : d.loads()) {
            loads.addObject().put("table", l.table().toString()).put("existingRows", l.existingRows())
                    .put("generatedRows", l.generatedRows()).put("ms", l.time().toNanos() / 1e6);
        }
        ArrayNode queries = node.putArray("queries");
        for (QueryResult q : d.results()) {
            ObjectNode query = queries.addObject();
            query.put("name", q.query().name());
            query.put("file", q.query().file());
            query.put("line", q.query().firstLine());
            query.put("sql", q.query().sql());
            if (q.query().budget() != null) {
                query.put("budgetMs", q.query().budget().toMillis());
            } else {
                query.putNull("budgetMs");
            }
            query.put("medianMs", q.medianMs());
            ArrayNode times = query.putArray("timesMs");
            q.timesMs().forEach(times::add);
            query.put("timedOut", q.timedOut());
            ArrayNode rules = query.putArray("findings");
            result.findings().stream().filter(f -> q.query().name().equals(ReportSupport.queryOf(f)))
                    .map(Finding::ruleId).distinct().forEach(rules::add);
            if (q.plan() != null) {
                Set<PlanNode> offending = ReportSupport.offendingNodes(d, q, result.findings());
                ObjectNode plan = query.putObject("plan");
                plan.put("planningMs", q.plan().planningTimeMs());
                plan.put("executionMs", q.plan().executionTimeMs());
                plan.set("root", node(q.plan().root(), offending));
                plan.set("explain", explain(q.plan().json()));
            } else {
                query.putNull("plan");
            }
        }
        ObjectNode budget = node.putObject("indexBudget");
        ArrayNode rows = budget.putArray("tables");
        long total = 0;
        long projected = 0;
        for (DashboardResults.BudgetRow b : d.budget()) {
            total += b.indexBytes();
            projected += b.projectedIndexBytes();
            rows.addObject().put("table", b.table().toString()).put("rows", b.rows()).put("tableBytes", b.tableBytes())
                    .put("indexCount", b.indexCount()).put("indexBytes", b.indexBytes()).put("ratio", b.ratio())
                    .put("scale", b.scale()).put("projectedTableBytes", b.projectedTableBytes())
                    .put("projectedIndexBytes", b.projectedIndexBytes());
        }
        budget.put("indexBytes", total);
        budget.put("projectedIndexBytes", projected);
        IndexAdvice a = result.advice();
        if (a == null) {
            node.putNull("advice");
        } else {
            ObjectNode advice = node.putObject("advice");
            advice.put("checkedBy", a.fastMode() ? "planner" : "measurement");
            advice.put("candidates", a.candidates());
            advice.put("measured", a.measured());
            ArrayNode tried = advice.putArray("measuredCandidates");
            a.tried().forEach(c -> tried.add(c.definition(false)));
            advice.put("ms", a.took().toNanos() / 1e6);
            advice.put("budgetMet", a.budgetMet());
            ArrayNode indexes = advice.putArray("indexes");
            for (IndexAdvice.Advised i : a.indexes()) {
                ObjectNode index = indexes.addObject().put("table", i.candidate().table().toString())
                        .put("name", i.candidate().name()).put("sql", i.definition())
                        .put("projectedBytes", i.bytesAtVolume());
                ArrayNode serves = index.putArray("serves");
                i.serves().forEach(serves::add);
            }
            ArrayNode changes = advice.putArray("queries");
            for (IndexAdvice.QueryChange q : a.queries()) {
                changes.addObject().put("name", q.query()).put("beforeMs", q.beforeMs()).put("afterMs", q.afterMs())
                        .put("passes", q.passes());
            }
            ArrayNode unneeded = advice.putArray("unneededIndexes");
            for (IndexAdvice.Unneeded u : a.unneeded()) {
                unneeded.addObject().put("table", u.table().toString()).put("name", u.index())
                        .put("projectedBytes", u.bytesAtVolume());
            }
        }
        return node;
    }

    /** A plan node with the fields the HTML report draws; {@code offending} when a finding points at it. */
    static ObjectNode node(PlanNode n, Set<PlanNode> offending) {
        ObjectNode node = JSON.createObjectNode();
        node.put("nodeType", n.nodeType());
        node.put("parallel", n.parallelAware());
        node.put("relation", n.relation());
        node.put("schema", n.schema());
        node.put("alias", n.alias());
        node.put("index", n.indexName());
        node.put("planRows", n.planRows());
        node.put("actualRows", n.actualRows());
        node.put("loops", n.actualLoops());
        node.put("actualTotalMs", n.actualTotalTime());
        node.put("filter", n.filter());
        node.put("indexCond", n.indexCondition());
        node.put("rowsRemovedByFilter", n.rowsRemovedByFilter());
        node.put("sortMethod", n.sortMethod());
        node.put("sortSpaceType", n.sortSpaceType());
        node.put("sortSpaceKb", n.sortSpaceKb());
        node.put("hashBatches", n.hashBatches());
        node.put("sharedHitBlocks", n.sharedHitBlocks());
        node.put("sharedReadBlocks", n.sharedReadBlocks());
        node.put("tempWrittenBlocks", n.tempWrittenBlocks());
        node.put("disabled", n.disabled());
        node.put("offending", offending.contains(n));
        ArrayNode children = node.putArray("children");
        n.children().forEach(c -> children.add(node(c, offending)));
        return node;
    }

    private static JsonNode explain(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
