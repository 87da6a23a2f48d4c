package dev.dbcheck.report;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.sql.QualifiedName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** What several report formats share: the version, fingerprints, categories and the plan nodes a finding is about. */
final class ReportSupport {

    private static final String VERSION = readVersion();

    private ReportSupport() {
    }

    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ReportSupport.class.getResourceAsStream("/dev/dbcheck/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /**
     * A finding's identity across runs: its rule and object, never its line, so that an added line above it in the
     * migration does not make it a new alert. The same key the baseline uses.
     */
    static String fingerprint(Finding f) {
        return hash(f.baselineKey());
    }

    /** 32 hex digits of the text's SHA-256. */
    static String hash(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    static RuleMetadata metadata(RunResult result, String ruleId) {
        return result.rules().get(ruleId);
    }

    static Category category(RunResult result, Finding f) {
        RuleMetadata m = metadata(result, f.ruleId());
        return m == null ? Category.CUSTOM : m.category();
    }

    /** The dashboard query a finding is about, or null. */
    static String queryOf(Finding f) {
        return f.object().kind() == DbObject.Kind.QUERY ? f.object().relation().name() : null;
    }

    /**
     * The plan nodes the findings of a query point at: the sequential scans of the table a scan finding names, and
     * the nodes that spilled for a spill finding.
     */
    static Set<PlanNode> offendingNodes(DashboardResults dashboards, QueryResult query, List<Finding> findings) {
        Set<PlanNode> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        if (query.plan() == null) {
            return nodes;
        }
        for (Finding f : findings) {
            if (!query.query().name().equals(queryOf(f))) {
                continue;
            }
            switch (f.ruleId()) {
                case "seq-scan-on-large-table", "no-usable-index" -> query.plan().root().visit(n -> {
                    if (n.isSeqScan() && n.relation() != null) {
                        QualifiedName table = dashboards.rootOf(n.schema(), n.relation());
                        if (table.toString().equals(f.object().name())) {
                            nodes.add(n);
                        }
                    }
                });
                case "temp-spill" -> query.plan().root().visit(n -> {
                    if (n.spillsToDisk()) {
                        nodes.add(n);
                    }
                });
                default -> {
                }
            }
        }
        return nodes;
    }
}
