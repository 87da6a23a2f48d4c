package dev.dbcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each report format on a fixed project run through the engine: golden files (measured values normalised;
 * rewrite them with -Ddbcheck.updateGolden=true), SARIF validated against the SARIF 2.1.0 schema, fingerprints
 * that survive a rerun and a line shift, and the JUnit files read back by Surefire's own report parser.
 */
class ReportFormatsTest {

    static final Path GOLDEN = Path.of("src/test/resources/reports/golden");
    static RunResult result;

    @BeforeAll
    static void run() throws Exception {
        result = ReportFixture.run(0);
    }

    @Test
    void jsonMatchesItsGoldenFile() throws Exception {
        ObjectNode tree = JsonReport.tree(result);
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        normaliseJson(tree);
        golden("dbcheck.json", JsonReport.JSON.writeValueAsString(tree) + "\n");
    }

    @Test
    void sarifMatchesItsGoldenFile() throws Exception {
        ObjectNode tree = SarifReport.tree(result);
        ((ObjectNode) tree.at("/runs/0/tool/driver")).put("semanticVersion", "<version>");
        golden("dbcheck.sarif", JsonReport.JSON.writeValueAsString(tree) + "\n");
    }

    @Test
    void junitMatchesItsGoldenFiles() throws Exception {
        for (JUnitReport.Suite suite : JUnitReport.render(result)) {
            golden("junit/" + suite.fileName(), suite.xml()
                    .replaceAll("time=\"[0-9.]+\"", "time=\"#\"")
                    .replaceAll("value=\"PostgreSQL[^\"]*\"", "value=\"PostgreSQL\"")
                    .replaceAll("name=\"dbcheck.version\" value=\"[^\"]*\"", "name=\"dbcheck.version\" value=\"#\"")
                    .replaceAll("\\(actual rows=([0-9]+) loops=1\\)", "(actual rows=$1 loops=1)"));
        }
    }

    @Test
    void htmlMatchesItsGoldenFile() throws Exception {
        golden("dbcheck.html", normaliseHtml(HtmlReport.render(result)));
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JsonReport.JSON.readTree(SarifReport.render(result));
        for (Map.Entry<String, SpecVersion.VersionFlag> file : Map.of("sarif-2.1.0-rtm.5.json",
                SpecVersion.VersionFlag.V4, "sarif-2.1.0.json", SpecVersion.VersionFlag.V202012).entrySet()) {
            JsonSchema schema;
            try (InputStream in = getClass().getResourceAsStream("/sarif/" + file.getKey())) {
                schema = JsonSchemaFactory.getInstance(file.getValue()).getSchema(in);
            }
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertThat(errors).as("violations of %s", file.getKey()).isEmpty();
            // the validator does catch what the schema forbids
            JsonNode broken = sarif.deepCopy();
            ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
            assertThat(schema.validate(broken)).as("a bad level against %s", file.getKey()).isNotEmpty();
        }

        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("rules").size()).isEqualTo(result.rules().size());
        for (JsonNode rule : driver.get("rules")) {
            assertThat(rule.get("helpUri").asText()).startsWith("https://");
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
        }
        JsonNode fk = find(sarif.at("/runs/0/results"), "foreign-key-without-index");
        assertThat(fk.get("level").asText()).isEqualTo("error");
        assertThat(fk.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(ReportFixture.MIGRATION_PATH);
        assertThat(fk.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(11);
        assertThat(fk.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("public.orders(customer_id)");
        JsonNode suppressed = find(sarif.at("/runs/0/results"), "json-column", "raw_body");
        assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(suppressed.at("/suppressions/0/justification").asText())
                .isEqualTo("the webhook's signed body, kept byte for byte");
    }

    @Test
    void fingerprintsSurviveARerunAndALineShift() throws Exception {
        RunResult again = ReportFixture.run(0);
        RunResult shifted = ReportFixture.run(3);
        Map<String, String> first = fingerprints(result);
        assertThat(first).hasSizeGreaterThan(4);
        assertThat(fingerprints(again)).isEqualTo(first);
        assertThat(fingerprints(shifted)).isEqualTo(first);
        assertThat(lines(shifted)).as("the findings did move").isNotEqualTo(lines(result));
        assertThat(new java.util.HashSet<>(first.values())).as("distinct per finding").hasSameSizeAs(first.values());
    }

    @Test
    void junitFilesAreReadBySurefiresOwnParser() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/report-tests/junit"));
        for (JUnitReport.Suite suite : JUnitReport.render(result)) {
            Files.writeString(dir.resolve(suite.fileName()), suite.xml(), StandardCharsets.UTF_8);
        }
        Map<String, ReportTestSuite> suites = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (ReportTestSuite s : new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString())) {
                    suites.put(s.getFullClassName(), s);
                }
            }
        }
        assertThat(suites.keySet()).contains("dbcheck.keys", "dbcheck.indexes", "dbcheck.types",
                "dbcheck.normalization", "dbcheck.dashboard.paid_orders", "dbcheck.dashboard.recent_orders",
                "dbcheck.index-budget");
        ReportTestSuite types = suites.get("dbcheck.types");
        assertThat(types.getNumberOfFailures()).as("payload json-column").isEqualTo(1);
        assertThat(types.getNumberOfSkipped()).as("the suppressed raw_body").isEqualTo(1);
        ReportTestSuite paid = suites.get("dbcheck.dashboard.paid_orders");
        assertThat(paid.getNumberOfFailures()).isEqualTo(1);
        assertThat(paid.getTestCases()).extracting(ReportTestCase::getName).contains(
                "seq-scan-on-large-table query paid_orders → public.orders", "temp-spill", "query-time-budget");
        ReportTestCase scan = paid.getTestCases().stream().filter(ReportTestCase::hasFailure).findFirst().orElseThrow();
        assertThat(scan.getFailureType()).isEqualTo("seq-scan-on-large-table");
        assertThat(scan.getFailureDetail()).contains("src/main/dashboards/paid_orders.sql:4");
        assertThat(suites.get("dbcheck.dashboard.recent_orders").getNumberOfFailures()).isZero();
        ReportTestSuite normalization = suites.get("dbcheck.normalization");
        assertThat(normalization.getNumberOfFailures()).as("a warning does not fail at failOn=error").isZero();
        assertThat(normalization.getTestCases()).extracting(ReportTestCase::getName)
                .anyMatch(n -> n.startsWith("repeating-column-group public.customers"));
    }

    private static JsonNode find(JsonNode results, String rule, String... contains) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(rule) && java.util.Arrays.stream(contains)
                    .allMatch(c -> r.toString().contains(c))) {
                return r;
            }
        }
        throw new AssertionError("no " + rule + " result");
    }

    private static Map<String, String> fingerprints(RunResult r) throws Exception {
        Map<String, String> map = new TreeMap<>();
        for (JsonNode n : JsonReport.JSON.readTree(SarifReport.render(r)).at("/runs/0/results")) {
            map.put(n.get("ruleId").asText() + " " + n.at("/locations/0/logicalLocations/0/fullyQualifiedName")
                    .asText(), n.at("/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1")).asText());
        }
        return map;
    }

    private static List<String> lines(RunResult r) {
        List<String> lines = new ArrayList<>();
        r.findings().forEach(f -> lines.add(f.ruleId() + (f.position() == null ? "" : ":" + f.position().line())));
        return lines;
    }

    /** Values that differ from run to run (times, buffers, sizes, ports, versions) become placeholders. */
    static void normaliseJson(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.properties().iterator();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = o.get(name);
                if (name.equals("timesMs") && value instanceof ArrayNode a) {
                    o.put(name, "#" + a.size());
                } else if (VOLATILE.matcher(name).matches() && !value.isNull()) {
                    o.put(name, "#");
                } else if (name.equals("explain")) {
                    o.put(name, "<EXPLAIN output>");
                } else if (name.equals("database")) {
                    o.put(name, "PostgreSQL");
                } else if (name.equals("version")) {
                    o.put(name, "<version>");
                } else if (name.equals("timings")) {
                    List<String> phases = new ArrayList<>();
                    value.forEach(p -> phases.add(p.get("phase").asText()));
                    o.put(name, String.join(", ", phases));
                } else {
                    normaliseJson(value);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(ReportFormatsTest::normaliseJson);
        }
    }

    private static final Pattern VOLATILE = Pattern.compile(".*(Ms|ms|Bytes|Blocks)|ratio|scale");

    static String normaliseHtml(String html) {
        // the charts' geometry and the plan nodes' shares are measured too
        java.util.regex.Matcher svg = java.util.regex.Pattern.compile("<svg class=\"chart\"[\\s\\S]*?</svg>").matcher(html);
        StringBuilder out = new StringBuilder();
        while (svg.find()) {
            svg.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(svg.group()
                    .replaceAll("(x|x1|x2|width)=\"[0-9.]+\"", "$1=\"#\"")));
        }
        svg.appendTail(out);
        // which node spent the most time itself can change between two runs of a fast query
        return out.toString().replace(" hot-node\"", "\"").replaceAll("(<[a-z]+[^>]* data-m>)[^<]*", "$1#")
                .replaceAll("<div class=\"share\" title=\"[0-9]+ % of the query's time\"><span style=\"width:[0-9.]+%\">",
                        "<div class=\"share\" title=\"# % of the query's time\"><span style=\"width:#%\">")
                .replaceAll("PostgreSQL [0-9.]+ \\([^)]*\\)( on [0-9.:]+)?", "PostgreSQL")
                .replaceAll("<footer>dbcheck [^ ]+ ", "<footer>dbcheck # ");
    }

    private static void golden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("dbcheck.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("dbcheck.updateGolden")) {
                throw new AssertionError(file + " did not exist and was written; check it and rerun");
            }
        }
        if (!actual.equals(Files.readString(file, StandardCharsets.UTF_8))) {
            Path copy = Path.of("target/report-tests/actual").resolve(name);
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, actual, StandardCharsets.UTF_8); // for a diff
        }
        assertThat(actual).as("%s differs from the golden file (rerun with -Ddbcheck.updateGolden=true after "
                + "checking the change)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
