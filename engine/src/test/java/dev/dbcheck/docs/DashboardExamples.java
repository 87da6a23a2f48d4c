package dev.dbcheck.docs;

import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plan rule's documented example the way {@code dbcheck:verify} would: the first SQL block is the schema
 * (a migration), each further SQL block a query file whose first line names it ({@code -- src/main/dashboards/x.sql}),
 * and the XML block the {@code <dashboards>} configuration (volumes, work_mem, mode) bound through the same
 * validation as the pom's.
 */
final class DashboardExamples {

    private DashboardExamples() {
    }

    static List<Finding> run(List<String[]> blocks) throws Exception {
        Path project = Files.createTempDirectory("dbcheck-docs");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            Path queries = Files.createDirectories(project.resolve("src/main/dashboards"));
            String schemaSql = null;
            dev.dbcheck.base.RawNode raw = null;
            for (String[] block : blocks) {
                if (block[0].equals("xml")) {
                    raw = dev.dbcheck.base.RawXml.parse(block[1]);
                } else if (schemaSql == null) {
                    schemaSql = block[1];
                } else {
                    String first = block[1].lines().findFirst().orElse("");
                    if (!first.startsWith("-- src/main/dashboards/")) {
                        throw new AssertionError("a query block must start with -- src/main/dashboards/<file>.sql: "
                                + first);
                    }
                    Files.writeString(project.resolve(first.substring(3).trim()), block[1], StandardCharsets.UTF_8);
                }
            }
            PlainSqlMigrator.execute(c, schemaSql, "schema.sql");
            DashboardConfig config = DbcheckConfig.builder(project).set("dashboards", raw).build().dashboards();
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Dashboards step = new Dashboards(config, project);
            DashboardResults results = step.run(c, schema, step.queries(), new PhaseTimings(), EngineLog.SILENT);
            return RuleCatalog.checkPlans(results, Map.of());
        } finally {
            try (var files = Files.walk(project)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
