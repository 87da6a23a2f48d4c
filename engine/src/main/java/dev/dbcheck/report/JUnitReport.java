package dev.dbcheck.report;

import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.place.SuppressedFinding;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML as Surefire writes it, one {@code TEST-<suite>.xml} per suite, so that Jenkins, GitLab and every CI
 * test tab show dbcheck next to the unit tests. Suites: one per rule category of the schema rules
 * ({@code dbcheck.keys}, {@code dbcheck.normalization}, ...), one per dashboard query
 * ({@code dbcheck.dashboard.top_spenders}) and {@code dbcheck.index-budget}. Test cases: one per finding
 * ({@code <rule> <object>}), failed when at or above failOn, skipped when suppressed or baselined, passed (with the
 * finding as output) below failOn; and one passing case per check that found nothing in the suite.
 */
public final class JUnitReport {

    /** One suite file: its name and XML. */
    public record Suite(String name, String xml) {
        public String fileName() {
            return "TEST-" + name + ".xml";
        }
    }

    private record Case(String name, String classname, double seconds, String kind, String message, String type,
                        String body) {
    }

    private JUnitReport() {
    }

    public static List<Suite> render(RunResult result) {
        Map<String, List<Case>> suites = new LinkedHashMap<>();
        Map<String, List<String>> checks = new LinkedHashMap<>();
        // schema rule categories, in catalogue order, with the rules that ran in each
        for (Category category : Category.values()) {
            if (category == Category.QUERY_PLANS) {
                continue;
            }
            List<String> ids = result.rules().values().stream().filter(m -> m.category() == category)
                    .map(RuleMetadata::id).sorted().toList();
            if (!ids.isEmpty()) {
                String suite = "dbcheck." + slug(category.name());
                suites.put(suite, new ArrayList<>());
                checks.put(suite, ids);
            }
        }
        if (result.dashboards() != null) {
            boolean fast = result.dashboards().isFastMode();
            for (QueryResult q : result.dashboards().results()) {
                String suite = querySuite(q.query().name());
                suites.put(suite, new ArrayList<>());
                checks.put(suite, planChecks(result, fast));
            }
            if (!fast) {
                suites.put("dbcheck.index-budget", new ArrayList<>());
                checks.put("dbcheck.index-budget", result.rules().keySet().stream()
                        .filter(id -> id.equals("index-budget-exceeded") || id.equals("unused-index")).sorted().toList());
            }
        }
        for (Finding f : result.findings()) {
            boolean fails = f.severity().isAtLeast(result.failOn());
            add(suites, suiteOf(result, f), new Case(caseName(f), suiteOf(result, f), seconds(result, f),
                    fails ? "failure" : "passed", f.message(), f.ruleId(), ConsoleReport.line(f)));
        }
        for (SuppressedFinding s : result.suppressed()) {
            Finding f = s.finding();
            add(suites, suiteOf(result, f), new Case(caseName(f), suiteOf(result, f), 0, "skipped",
                    "suppressed: " + s.suppression().reason(), f.ruleId(), null));
        }
        for (Finding f : result.baselined()) {
            add(suites, suiteOf(result, f), new Case(caseName(f), suiteOf(result, f), 0, "skipped",
                    "accepted in the baseline", f.ruleId(), null));
        }
        List<Suite> files = new ArrayList<>();
        for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
            List<Case> cases = new ArrayList<>(suite.getValue());
            for (String check : checks.getOrDefault(suite.getKey(), List.of())) {
                boolean found = cases.stream().anyMatch(c -> c.type().equals(check));
                if (!found) {
                    cases.add(new Case(check, suite.getKey(), 0, "passed", null, check, null));
                }
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("dbcheck.database", result.database());
            properties.put("dbcheck.failOn", result.failOn().id());
            files.add(new Suite(suite.getKey(), xml(suite.getKey(), cases, properties)));
        }
        return files;
    }

    /** The report of a run that failed: one suite, {@code dbcheck.run}, whose one case is the error. */
    public static Suite renderFailure(FailedRun failure) {
        Case error = new Case(failure.title(), "dbcheck.run", 0, "error", failure.message(), "dbcheck",
                failure.message());
        return new Suite("dbcheck.run", xml("dbcheck.run", List.of(error), Map.of()));
    }

    /** The checks a dashboard query goes through in this mode (the rules that ran). */
    private static List<String> planChecks(RunResult result, boolean fast) {
        List<String> ids = fast ? List.of("no-usable-index", "expected-index-not-used")
                : List.of("seq-scan-on-large-table", "temp-spill", "query-time-budget", "expected-index-not-used",
                "query-matches-no-rows");
        return ids.stream().filter(result.rules()::containsKey).toList();
    }

    private static void add(Map<String, List<Case>> suites, String suite, Case c) {
        suites.computeIfAbsent(suite, k -> new ArrayList<>()).add(c);
    }

    private static String suiteOf(RunResult result, Finding f) {
        String query = ReportSupport.queryOf(f);
        if (query != null) {
            return querySuite(query);
        }
        Category category = ReportSupport.category(result, f);
        return category == Category.QUERY_PLANS ? "dbcheck.index-budget" : "dbcheck." + slug(category.name());
    }

    static String querySuite(String query) {
        return "dbcheck.dashboard." + query.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String caseName(Finding f) {
        return f.ruleId() + " " + f.object().display();
    }

    /** A dashboard query's findings take the query's median time; schema findings take none. */
    private static double seconds(RunResult result, Finding f) {
        String query = ReportSupport.queryOf(f);
        if (query == null || result.dashboards() == null) {
            return 0;
        }
        return result.dashboards().results().stream().filter(q -> q.query().name().equals(query))
                .map(QueryResult::medianMs).filter(java.util.Objects::nonNull).findFirst().orElse(0.0) / 1000.0;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @param properties besides {@code dbcheck.version}, in order */
    private static String xml(String suite, List<Case> cases, Map<String, String> properties) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suite);
            w.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
            w.writeAttribute("tests", Integer.toString(cases.size()));
            w.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.kind().equals("error")).count()));
            w.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.kind().equals("skipped")).count()));
            w.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.kind().equals("failure")).count()));
            w.writeCharacters("\n  ");
            w.writeStartElement("properties");
            property(w, "dbcheck.version", ReportSupport.version());
            for (Map.Entry<String, String> p : properties.entrySet()) {
                property(w, p.getKey(), p.getValue());
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            for (Case c : cases) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("name", clean(c.name()));
                w.writeAttribute("classname", c.classname());
                w.writeAttribute("time", seconds(c.seconds()));
                switch (c.kind()) {
                    case "failure", "error" -> {
                        w.writeCharacters("\n    ");
                        w.writeStartElement(c.kind());
                        w.writeAttribute("message", clean(c.message()));
                        w.writeAttribute("type", c.type());
                        w.writeCharacters(clean(c.body()));
                        w.writeEndElement();
                        w.writeCharacters("\n  ");
                    }
                    case "skipped" -> {
                        w.writeCharacters("\n    ");
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", clean(c.message()));
                        w.writeCharacters("\n  ");
                    }
                    default -> {
                        if (c.body() != null) {
                            w.writeCharacters("\n    ");
                            w.writeStartElement("system-out");
                            w.writeCharacters(clean(c.body()));
                            w.writeEndElement();
                            w.writeCharacters("\n  ");
                        }
                    }
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e); // writing to a string does not fail
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", clean(value));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 cannot carry most control characters, even escaped. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
    }
}
