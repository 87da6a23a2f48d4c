package dev.dbcheck.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON that {@code EXPLAIN (FORMAT JSON)} prints into {@link PlanNode}s. */
public final class PlanParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanParser() {
    }

    /**
     * The parsed plan.
     *
     * @param root            the top plan node
     * @param executionTimeMs "Execution Time" (ANALYZE), or null
     * @param planningTimeMs  "Planning Time", or null
     * @param json            the plan as PostgreSQL printed it, for reports
     */
    public record Plan(PlanNode root, Double executionTimeMs, Double planningTimeMs, String json) {
    }

    public static Plan parse(String json) throws IOException {
        JsonNode top = JSON.readTree(json);
        JsonNode entry = top.isArray() ? top.get(0) : top;
        if (entry == null || entry.get("Plan") == null) {
            throw new IOException("not an EXPLAIN (FORMAT JSON) result");
        }
        return new Plan(node(entry.get("Plan")), number(entry, "Execution Time"), number(entry, "Planning Time"), json);
    }

    static PlanNode node(JsonNode n) {
        List<PlanNode> children = new ArrayList<>();
        JsonNode plans = n.get("Plans");
        if (plans != null) {
            plans.forEach(p -> children.add(node(p)));
        }
        String index = text(n, "Index Name");
        String condition = text(n, "Index Cond");
        if (condition == null) {
            condition = text(n, "Recheck Cond");
        }
        return new PlanNode(
                text(n, "Node Type"),
                n.path("Parallel Aware").asBoolean(false),
                text(n, "Relation Name"),
                text(n, "Schema"),
                text(n, "Alias"),
                index,
                number(n, "Plan Rows"),
                number(n, "Actual Rows"),
                number(n, "Actual Loops"),
                number(n, "Actual Total Time"),
                text(n, "Filter"),
                condition,
                number(n, "Rows Removed by Filter"),
                text(n, "Sort Method"),
                text(n, "Sort Space Type"),
                integer(n, "Sort Space Used"),
                integer(n, "Hash Batches"),
                integer(n, "Original Hash Batches"),
                integer(n, "Peak Memory Usage"),
                integer(n, "Temp Written Blocks"),
                integer(n, "Temp Read Blocks"),
                integer(n, "Shared Hit Blocks"),
                integer(n, "Shared Read Blocks"),
                n.path("Disabled").asBoolean(false),
                children);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }
}
