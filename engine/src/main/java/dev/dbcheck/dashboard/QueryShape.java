package dev.dbcheck.dashboard;

import dev.dbcheck.schema.Table;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a dashboard query uses one of the tables it reads (JSqlParser): the columns it compares and how, the
 * restrictions by a constant (the material of a partial index), its join columns, ORDER BY and GROUP BY columns,
 * and every column it reads. The index candidates are built from this; what the planner and the data make of them
 * is measured, so a column attributed to the wrong table costs a candidate, not a wrong fix.
 *
 * @param compared     columns compared in WHERE and JOIN ... ON, by how (equality first wins)
 * @param restrictions comparisons of a column with constants ({@code status = 'paid'}), rendered by dbcheck, never
 *                     copied from the query's text
 * @param joinColumns  columns compared with a column of another table
 * @param orderBy      the table's columns in ORDER BY, in order
 * @param groupBy      the table's columns in GROUP BY, in order
 * @param read         every column of the table the query names anywhere
 */
public record QueryShape(Map<String, Use> compared, List<Restriction> restrictions, List<String> joinColumns,
                         List<String> orderBy, List<String> groupBy, Set<String> read) {

    /** How a column is compared; an index serves equality best, then one range, then containment (GIN). */
    public enum Use { EQUALITY, RANGE, CONTAINMENT }

    /**
     * A column compared with constants.
     *
     * @param column   the column
     * @param operator {@code =}, {@code <>}, {@code IN}, {@code IS NULL}, {@code IS NOT NULL}
     * @param sql      the comparison as dbcheck writes it: the quoted column and literals only
     */
    public record Restriction(String column, String operator, String sql) {
    }

    public static final QueryShape NONE = new QueryShape(Map.of(), List.of(), List.of(), List.of(), List.of(),
            Set.of());

    public QueryShape {
        compared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compared));
        restrictions = List.copyOf(restrictions);
        joinColumns = List.copyOf(joinColumns);
        orderBy = List.copyOf(orderBy);
        groupBy = List.copyOf(groupBy);
        read = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(read));
    }

    /**
     * @param alias the alias the plan shows for the scan (or null: the table's name)
     * @return the shape; {@link #NONE} when JSqlParser cannot read the query or it is not a SELECT
     */
    public static QueryShape of(String sql, String alias, Table table) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(2000));
        } catch (Exception | StackOverflowError e) {
            return NONE;
        }
        if (!(statement instanceof Select select)) {
            return NONE;
        }
        Collector collector = new Collector(alias == null ? table.name().name() : alias, table);
        collector.walk(select);
        return new QueryShape(collector.compared, collector.restrictions, new ArrayList<>(collector.joins),
                new ArrayList<>(collector.orderBy), new ArrayList<>(collector.groupBy), collector.read);
    }

    private static final class Collector {
        final String alias;
        final Table table;
        final Map<String, Use> compared = new LinkedHashMap<>();
        final List<Restriction> restrictions = new ArrayList<>();
        final Set<String> joins = new LinkedHashSet<>();
        final Set<String> orderBy = new LinkedHashSet<>();
        final Set<String> groupBy = new LinkedHashSet<>();
        final Set<String> read = new LinkedHashSet<>();

        Collector(String alias, Table table) {
            this.alias = alias;
            this.table = table;
        }

        /** The column's name when it is one of this table's columns as the query refers to it, else null. */
        String ours(Expression e) {
            Expression inner = e instanceof JsonExpression json ? json.getExpression()
                    : e instanceof CastExpression cast ? cast.getLeftExpression() : e;
            if (!(inner instanceof Column column)) {
                return null;
            }
            String qualifier = column.getTable() == null ? null : column.getTable().getName();
            String name = column.getColumnName().replace("\"", "");
            if (table.column(name).isEmpty()) {
                return null;
            }
            boolean mine = qualifier == null || qualifier.replace("\"", "").equalsIgnoreCase(alias)
                    || qualifier.replace("\"", "").equalsIgnoreCase(table.name().name());
            return mine ? name : null;
        }

        static boolean isColumn(Expression e) {
            return e instanceof Column || e instanceof CastExpression cast && cast.getLeftExpression() instanceof Column;
        }

        void compare(Expression e, Use use) {
            String name = ours(e);
            if (name != null) {
                Use previous = compared.get(name);
                if (previous == null || use.ordinal() < previous.ordinal()) {
                    compared.put(name, use);
                }
            }
        }

        final ExpressionVisitorAdapter<Void> columns = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                String name = ours(column);
                if (name != null) {
                    read.add(name);
                }
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                if (select.getSelect() != null) {
                    walk(select.getSelect());
                }
                return null;
            }
        };

        final ExpressionVisitorAdapter<Void> conditions = new ExpressionVisitorAdapter<>() {
            @Override
            protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
                Expression left = expression.getLeftExpression();
                Expression right = expression.getRightExpression();
                Use use = expression instanceof EqualsTo ? Use.EQUALITY
                        : expression instanceof GreaterThan || expression instanceof GreaterThanEquals
                        || expression instanceof MinorThan || expression instanceof MinorThanEquals
                        || expression instanceof LikeExpression ? Use.RANGE
                        : "@>".equals(expression.getStringExpression()) ? Use.CONTAINMENT : null;
                if (use != null) {
                    compare(left, use);
                    compare(right, use);
                }
                if (expression instanceof EqualsTo && isColumn(left) && isColumn(right)) {
                    // a join: the side that is this table's column, when the other is not
                    String l = ours(left);
                    String r = ours(right);
                    if (l != null && r == null) {
                        joins.add(l);
                    } else if (r != null && l == null) {
                        joins.add(r);
                    }
                }
                if (expression instanceof EqualsTo || expression instanceof NotEqualsTo) {
                    String op = expression instanceof EqualsTo ? "=" : "<>";
                    restrict(left, right, op);
                    restrict(right, left, op);
                }
                return super.visitBinaryExpression(expression, context);
            }

            @Override
            public <S> Void visit(Between between, S context) {
                compare(between.getLeftExpression(), Use.RANGE);
                return super.visit(between, context);
            }

            @Override
            public <S> Void visit(InExpression in, S context) {
                compare(in.getLeftExpression(), Use.EQUALITY);
                String name = ours(in.getLeftExpression());
                if (name != null && !in.isNot() && in.getRightExpression() instanceof ExpressionList<?> list) {
                    List<String> values = new ArrayList<>();
                    for (Object item : list) {
                        String literal = item instanceof Expression e ? literal(e) : null;
                        if (literal == null) {
                            return super.visit(in, context);
                        }
                        values.add(literal);
                    }
                    if (!values.isEmpty()) {
                        restrictions.add(new Restriction(name, "IN", dev.dbcheck.sql.Identifiers.quote(name)
                                + " IN (" + String.join(", ", values) + ")"));
                    }
                }
                return super.visit(in, context);
            }

            @Override
            public <S> Void visit(IsNullExpression isNull, S context) {
                String name = ours(isNull.getLeftExpression());
                if (name != null) {
                    String op = isNull.isNot() ? "IS NOT NULL" : "IS NULL";
                    restrictions.add(new Restriction(name, op, dev.dbcheck.sql.Identifiers.quote(name) + " " + op));
                }
                return super.visit(isNull, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                if (select.getSelect() != null) {
                    walk(select.getSelect());
                }
                return null;
            }
        };

        void restrict(Expression column, Expression value, String op) {
            String name = ours(column);
            String literal = name == null ? null : literal(value);
            if (literal != null) {
                restrictions.add(new Restriction(name, op, dev.dbcheck.sql.Identifiers.quote(name) + " " + op + " "
                        + literal));
            }
        }

        /** A constant as dbcheck writes it (a string or a number; a cast of one keeps only the value), else null. */
        static String literal(Expression e) {
            Expression inner = e instanceof CastExpression cast ? cast.getLeftExpression() : e;
            if (inner instanceof StringValue s) {
                // a plain literal only: E'', U&'', X'' strings read their text otherwise
                return s.getPrefix() != null ? null : "'" + s.getNotExcapedValue().replace("'", "''") + "'";
            }
            if (inner instanceof LongValue l) {
                return Long.toString(l.getValue());
            }
            if (inner instanceof DoubleValue d) {
                return Double.toString(d.getValue());
            }
            return null;
        }

        void walk(Select select) {
            if (select.getWithItemsList() != null) {
                for (WithItem<?> with : select.getWithItemsList()) {
                    if (with.getSelect() != null) {
                        walk(with.getSelect());
                    }
                }
            }
            if (select instanceof PlainSelect plain) {
                walkFrom(plain.getFromItem());
                if (plain.getSelectItems() != null) {
                    for (SelectItem<?> item : plain.getSelectItems()) {
                        if (item.getExpression() != null) {
                            item.getExpression().accept(columns, null);
                        }
                    }
                }
                if (plain.getJoins() != null) {
                    for (Join join : plain.getJoins()) {
                        walkFrom(join.getRightItem());
                        if (join.getOnExpressions() != null) {
                            join.getOnExpressions().forEach(on -> {
                                on.accept(conditions, null);
                                on.accept(columns, null);
                            });
                        }
                    }
                }
                if (plain.getWhere() != null) {
                    plain.getWhere().accept(conditions, null);
                    plain.getWhere().accept(columns, null);
                }
                if (plain.getGroupBy() != null && plain.getGroupBy().getGroupByExpressionList() != null) {
                    for (Object e : plain.getGroupBy().getGroupByExpressionList()) {
                        if (e instanceof Expression expression) {
                            expression.accept(columns, null);
                            String name = ours(expression);
                            if (name != null) {
                                groupBy.add(name);
                            }
                        }
                    }
                }
                if (plain.getHaving() != null) {
                    plain.getHaving().accept(columns, null);
                }
                orderBy(plain.getOrderByElements());
            } else if (select instanceof SetOperationList set) {
                set.getSelects().forEach(this::walk);
                orderBy(set.getOrderByElements());
            } else if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
                walk(parenthesed.getSelect());
            }
        }

        void orderBy(List<OrderByElement> elements) {
            if (elements == null) {
                return;
            }
            for (OrderByElement element : elements) {
                element.getExpression().accept(columns, null);
                String name = ours(element.getExpression());
                if (name != null) {
                    orderBy.add(name);
                }
            }
        }

        void walkFrom(FromItem from) {
            if (from instanceof ParenthesedSelect sub && sub.getSelect() != null) {
                walk(sub.getSelect());
            }
        }
    }
}
