package dev.dbcheck.advice;

import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.QualifiedName;

import java.util.List;

/**
 * An index that might serve a query: built on the loaded data, measured, kept as advice or dropped.
 *
 * @param table     the table it is on
 * @param name      its name, by the project's convention where one shows ({@link IndexNames})
 * @param method    {@code btree} or {@code gin}
 * @param keys      key columns, in order (a GIN key may carry its operator class: {@code "payload" jsonb_path_ops})
 * @param include   {@code INCLUDE} columns, for an index-only scan
 * @param predicate the WHERE of a partial index, written by dbcheck from the query's constants; or null
 */
public record IndexCandidate(QualifiedName table, String name, String method, List<String> keys,
                             List<String> include, String predicate) {

    public IndexCandidate {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    /** What makes two candidates the same index, whatever their names. */
    public String shape() {
        return table + " " + method + " (" + String.join(",", keys) + ") include (" + String.join(",", include)
                + ") where " + predicate;
    }

    /** {@code CREATE INDEX [CONCURRENTLY] ...;}: concurrently as advice for a live table, plain on the throwaway data. */
    public String definition(boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE INDEX ");
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(Identifiers.quote(name)).append(" ON ").append(table);
        if (!method.equals("btree")) {
            sql.append(" USING ").append(method);
        }
        sql.append(" (").append(String.join(", ", keys.stream().map(IndexCandidate::key).toList())).append(")");
        if (!include.isEmpty()) {
            sql.append(" INCLUDE (").append(Identifiers.columnList(include)).append(")");
        }
        if (predicate != null) {
            sql.append(" WHERE ").append(predicate);
        }
        return sql.append(";").toString();
    }

    /** The columns as people read them: {@code (status, created_at) INCLUDE (total) WHERE ...}. */
    public String columnsText() {
        return "(" + String.join(", ", keys) + ")" + (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include)
                + ")") + (predicate == null ? "" : " WHERE " + predicate);
    }

    /** A key column quoted, an operator class after it kept as given. */
    private static String key(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? Identifiers.quote(key) : Identifiers.quote(key.substring(0, space)) + key.substring(space);
    }
}
