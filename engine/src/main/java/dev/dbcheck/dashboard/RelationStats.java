package dev.dbcheck.dashboard;

import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes after the load, per table and materialized view: rows, heap size, number and size of its indexes.
 *
 * @param rows        {@code reltuples} after ANALYZE
 * @param tableBytes  heap, TOAST and maps
 * @param indexCount  number of indexes
 * @param indexBytes  their total size
 */
public record RelationStats(QualifiedName table, long rows, long tableBytes, int indexCount, long indexBytes) {

    public static Map<QualifiedName, RelationStats> read(Connection connection) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint, pg_table_size(c.oid),
                       count(i.indexrelid), coalesce(sum(pg_relation_size(i.indexrelid)), 0)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_index i ON i.indrelid = c.oid
                WHERE c.relkind IN ('r', 'm')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                GROUP BY n.nspname, c.relname, c.reltuples, c.oid
                ORDER BY n.nspname, c.relname
                """;
        Map<QualifiedName, RelationStats> stats = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                stats.put(name, new RelationStats(name, rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getLong(6)));
            }
        }
        return stats;
    }

    /** The size of every index after the load, by schema-qualified index name. */
    public static Map<QualifiedName, Long> indexSizes(Connection connection) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, pg_relation_size(c.oid)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'i'
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                """;
        Map<QualifiedName, Long> sizes = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                sizes.put(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
        }
        return sizes;
    }
}
