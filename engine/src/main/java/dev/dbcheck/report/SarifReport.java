package dev.dbcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.place.SuppressedFinding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run; the driver lists every rule
 * that ran with its descriptions, default level and help link; each finding is a result on its migration (or
 * query) file and line, with the database object as a logical location. Suppressed findings carry an
 * {@code inSource} suppression with the reason, baselined ones an {@code external} one, so viewers can show them
 * as dismissed instead of losing them.
 *
 * <p>{@code partialFingerprints} hash the rule and the object, never the line: the alert stays the same alert when
 * lines are added above it.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "dbcheckFindingKey/v1";
    static final String SOURCE_ROOT = "%SRCROOT%";

    private SarifReport() {
    }

    public static String render(RunResult result) {
        try {
            return JsonReport.JSON.writeValueAsString(tree(result)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The report of a run that failed: no results, and an invocation that did not succeed with the error as its
     * notification (code scanning shows it as a failed analysis instead of a clean one).
     */
    public static String renderFailure(FailedRun failure) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        driver(run);
        run.putArray("results");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", false);
        ObjectNode notification = invocation.putArray("toolExecutionNotifications").addObject();
        notification.put("level", "error");
        notification.putObject("message").put("text", failure.title() + ": " + failure.message());
        try {
            return JsonReport.JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run's {@code tool.driver}: name, version, where it is documented. */
    private static ObjectNode driver(ObjectNode run) {
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dbcheck");
        driver.put("semanticVersion", ReportSupport.version().replace("dev", "0.0.0-dev"));
        driver.put("informationUri", "https://github.com/dbcheck/dbcheck");
        return driver;
    }

    static ObjectNode tree(RunResult result) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ArrayNode rules = driver(run).putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<RuleMetadata> sorted = new ArrayList<>(result.rules().values());
        sorted.sort(java.util.Comparator.comparing(RuleMetadata::id));
        for (RuleMetadata m : sorted) {
            ruleIndex.put(m.id(), rules.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", m.id());
            rule.put("name", pascalCase(m.id()));
            rule.putObject("shortDescription").put("text", m.summary());
            rule.putObject("fullDescription").put("text", m.rationale() == null || m.rationale().isBlank()
                    ? m.summary() : m.rationale());
            rule.putObject("defaultConfiguration").put("level", level(m.defaultSeverity()));
            rule.put("helpUri", m.docsUrl());
            rule.putObject("help").put("text", m.summary() + " See " + m.docsUrl());
            ObjectNode properties = rule.putObject("properties");
            properties.put("category", m.category().title());
            properties.putArray("tags").add("database").add("postgresql").add(m.category().title().toLowerCase(
                    Locale.ROOT));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            results.add(result(f, ruleIndex, null, null));
        }
        for (SuppressedFinding s : result.suppressed()) {
            results.add(result(s.finding(), ruleIndex, "inSource", s.suppression().reason()));
        }
        for (Finding f : result.baselined()) {
            results.add(result(f, ruleIndex, "external", "accepted in the dbcheck baseline file"));
        }
        run.put("columnKind", "utf16CodeUnits");
        return root;
    }

    private static ObjectNode result(Finding f, Map<String, Integer> ruleIndex, String suppressionKind,
                                     String justification) {
        ObjectNode r = JsonReport.JSON.createObjectNode();
        r.put("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", level(f.severity()));
        String text = f.message() + (f.fixText() == null || f.fixText().isBlank() ? "" : "\nFix: " + f.fixText());
        r.putObject("message").put("text", text);
        ObjectNode location = r.putArray("locations").addObject();
        if (f.position() != null) {
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.position().path())).put("uriBaseId", SOURCE_ROOT);
            physical.putObject("region").put("startLine", Math.max(1, f.position().line()));
        }
        location.putArray("logicalLocations").addObject()
                .put("name", f.object().kind() == DbObject.Kind.QUERY || f.object().name() == null
                        ? f.object().relation().name() : f.object().name())
                .put("fullyQualifiedName", f.object().display())
                .put("kind", f.object().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        r.putObject("partialFingerprints").put(FINGERPRINT, ReportSupport.fingerprint(f));
        if (suppressionKind != null) {
            ObjectNode suppression = r.putArray("suppressions").addObject();
            suppression.put("kind", suppressionKind);
            suppression.put("status", "accepted");
            if (justification != null) {
                suppression.put("justification", justification);
            }
        }
        ObjectNode properties = r.putObject("properties");
        properties.put("object", f.object().identity());
        if (f.fixText() != null) {
            properties.put("fix", f.fixText());
        }
        return r;
    }

    /** A repository-relative path as a URI reference: forward slashes, spaces and the like percent-encoded. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.replace('\\', '/').split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
            case OFF -> "none";
        };
    }

    /** {@code foreign-key-without-index} → {@code ForeignKeyWithoutIndex}: SARIF's name is an identifier. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
