package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.schemarules.Names;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The index that would serve a sequential scan: the columns the query compares for the scanned table, from the
 * query's WHERE and JOIN conditions (JSqlParser), or from the plan's Filter when JSqlParser cannot read the query.
 * Equality columns come first, then one range column; a containment test on jsonb asks for a GIN index.
 */
final class IndexSuggestion {

    enum Use { EQUALITY, RANGE, CONTAINMENT }

    private IndexSuggestion() {
    }

    /** {@code CREATE INDEX CONCURRENTLY ...}, or null when no predicate restricts the table. */
    static String suggest(DashboardQuery query, PlanNode scan, Table table) {
        Map<String, Use> columns = fromQuery(query.sql(), scan, table);
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

    /** Columns of the scanned table compared in the query, by how they are compared. */
    static Map<String, Use> fromQuery(String sql, PlanNode scan, Table table) {
        Map<String, Use> found = new LinkedHashMap<>();
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(2000));
        } catch (Exception | StackOverflowError e) {
            return found;
        }
        if (!(statement instanceof Select select)) {
            return found;
        }
        String alias = scan.alias() != null ? scan.alias() : scan.relation();
        ExpressionVisitorAdapter<Void> visitor = new ExpressionVisitorAdapter<>() {
            @Override
            protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
                Use use = expression instanceof EqualsTo ? Use.EQUALITY
                        : expression instanceof GreaterThan || expression instanceof GreaterThanEquals
                        || expression instanceof MinorThan || expression instanceof MinorThanEquals
                        || expression instanceof LikeExpression ? Use.RANGE
                        : "@>".equals(expression.getStringExpression()) ? Use.CONTAINMENT : null;
                if (use != null) {
                    record(expression.getLeftExpression(), use);
                    record(expression.getRightExpression(), use);
                }
                return super.visitBinaryExpression(expression, context);
            }

            @Override
            public <S> Void visit(Between between, S context) {
                record(between.getLeftExpression(), Use.RANGE);
                return super.visit(between, context);
            }

            @Override
            public <S> Void visit(InExpression in, S context) {
                record(in.getLeftExpression(), Use.EQUALITY);
                return super.visit(in, context);
            }

            private void record(Expression e, Use use) {
                Expression inner = e instanceof JsonExpression json ? json.getExpression() : e;
                if (inner instanceof Column column) {
                    String qualifier = column.getTable() == null ? null : column.getTable().getName();
                    String name = column.getColumnName().replace("\"", "");
                    boolean ours = qualifier == null ? table.column(name).isPresent()
                            : qualifier.equalsIgnoreCase(alias) || qualifier.equalsIgnoreCase(table.name().name());
                    if (ours && table.column(name).isPresent()) {
                        Use previous = found.get(name);
                        if (previous == null || use.ordinal() < previous.ordinal() || use == Use.CONTAINMENT) {
                            found.put(name, use);
                        }
                    }
                }
            }
        };
        walk(select, visitor);
        return found;
    }

    private static void walk(Select select, ExpressionVisitorAdapter<Void> visitor) {
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                if (with.getSelect() != null) {
                    walk(with.getSelect(), visitor);
                }
            }
        }
        if (select instanceof PlainSelect plain) {
            walkFrom(plain.getFromItem(), visitor);
            if (plain.getJoins() != null) {
                for (Join join : plain.getJoins()) {
                    walkFrom(join.getRightItem(), visitor);
                    if (join.getOnExpressions() != null) {
                        join.getOnExpressions().forEach(on -> on.accept(visitor, null));
                    }
                }
            }
            if (plain.getWhere() != null) {
                plain.getWhere().accept(visitor, null);
            }
        } else if (select instanceof SetOperationList set) {
            set.getSelects().forEach(s -> walk(s, visitor));
        } else if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            walk(parenthesed.getSelect(), visitor);
        }
    }

    private static void walkFrom(FromItem from, ExpressionVisitorAdapter<Void> visitor) {
        if (from instanceof ParenthesedSelect sub && sub.getSelect() != null) {
            walk(sub.getSelect(), visitor);
        }
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
