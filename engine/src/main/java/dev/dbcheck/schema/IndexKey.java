package dev.dbcheck.schema;

import dev.dbcheck.sql.Identifiers;

/**
 * One key element of an index: a column or an expression.
 *
 * @param column     the column name, or null for an expression
 * @param expression the expression as PostgreSQL prints it, or null for a plain column
 * @param opclass    the operator class name ({@code int4_ops}, {@code jsonb_path_ops}), or null
 * @param descending DESC
 * @param nullsFirst NULLS FIRST
 */
public record IndexKey(String column, String expression, String opclass, boolean descending, boolean nullsFirst) {

    public boolean isExpression() {
        return column == null;
    }

    /** The key as written in CREATE INDEX: the column (quoted if needed) or the expression. */
    public String display() {
        return column != null ? Identifiers.quote(column) : expression;
    }
}
