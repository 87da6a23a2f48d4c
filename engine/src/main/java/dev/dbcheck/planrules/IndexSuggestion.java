package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryShape;
import dev.dbcheck.dashboard.QueryShape.Use;
import dev.dbcheck.schemarules.Names;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The index that would serve a sequential scan: the columns the query compares for the scanned table, from the
 * query's WHERE and JOIN conditions ({@link QueryShape}), or from the plan's Filter when JSqlParser cannot read the
 * query. Equality columns come first, then one range column; a containment test on jsonb asks for a GIN index. This
 * is the rule's unmeasured hint; the index advice replaces it with a measured one ({@code dev.dbcheck.advice}).
 */
final class IndexSuggestion {

    private IndexSuggestion() {
    }

    /** {@code CREATE INDEX CONCURRENTLY ...}, or null when no predicate restricts the table. */
    static String suggest(DashboardQuery query, PlanNode scan, Table table) {
        Map<String, Use> columns = QueryShape.of(query.sql(), scan.alias() != null ? scan.alias() : scan.relation(),
                table).compared();
        if (columns.isEmpty()) {
            columns = fromFilter(scan.filter(), table);
        }
        if (columns.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Use> e : columns.entrySet()) {
            if (e.getValue() == Use.CONTAINMENT) {
                return "CREATE INDEX CONCURRENTLY " + Identifiers.quote(Names.indexName(table.name().name(),
                        List.of(e.getKey()))) + " ON " + table.name() + " USING gin (" + Identifiers.quote(e.getKey())
                        + " jsonb_path_ops);";
            }
        }
        columns.forEach((c, use) -> {
            if (use == Use.EQUALITY) {
                keys.add(c);
            }
        });
        columns.entrySet().stream().filter(e -> e.getValue() == Use.RANGE).findFirst().ifPresent(e -> keys.add(e.getKey()));
        return "CREATE INDEX CONCURRENTLY " + Identifiers.quote(Names.indexName(table.name().name(), keys)) + " ON "
                + table.name() + " (" + Identifiers.columnList(keys) + ");";
    }

    /** Columns named in the plan's Filter: {@code ((status = 'paid'::text) AND (created_at >= ...))}. */
    static Map<String, Use> fromFilter(String filter, Table table) {
        Map<String, Use> found = new LinkedHashMap<>();
        if (filter == null) {
            return found;
        }
        List<SqlToken> tokens = SqlScanner.tokenize(filter);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (!t.isIdentifier() || table.column(t.value()).isEmpty()) {
                continue;
            }
            String op = tokens.get(i + 1).text().toLowerCase(Locale.ROOT);
            Use use = switch (op) {
                case "=" -> Use.EQUALITY;
                case "@>" -> Use.CONTAINMENT;
                case "<", ">", "<=", ">=", "~~" -> Use.RANGE;
                default -> null;
            };
            if (use != null) {
                found.putIfAbsent(t.value(), use);
            }
        }
        return found;
    }
}
