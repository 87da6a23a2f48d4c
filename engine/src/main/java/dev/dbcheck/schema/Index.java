package dev.dbcheck.schema;

import java.util.List;

/**
 * An index of a table or materialized view.
 *
 * @param name            index name (in the table's schema)
 * @param method          access method: {@code btree}, {@code hash}, {@code gin}, {@code gist}, {@code brin}, ...
 * @param unique          UNIQUE
 * @param primary         the index of the primary key
 * @param valid           false when a {@code CREATE INDEX CONCURRENTLY} failed and left it unusable
 * @param partitioned     true for the index of a partitioned table (its partitions have their own indexes)
 * @param parentIndex     for the index of a partition, the partitioned index it is attached to, else null
 * @param keys            key columns and expressions in order
 * @param includeColumns  non-key columns of an {@code INCLUDE} clause
 * @param predicate       the WHERE clause of a partial index as PostgreSQL prints it, or null
 * @param definition      the whole {@code CREATE INDEX} statement as PostgreSQL prints it
 * @param sizeBytes       size on disk as the catalog last counted it ({@code relpages}: exact after CREATE INDEX,
 *                        REINDEX, VACUUM or ANALYZE; rows inserted since are not in it)
 * @param constraintName  the primary key, unique or exclusion constraint this index enforces, or null
 * @param comment         the index's comment, or null
 */
public record Index(String name, String method, boolean unique, boolean primary, boolean valid, boolean partitioned,
                    String parentIndex, List<IndexKey> keys, List<String> includeColumns, String predicate,
                    String definition, long sizeBytes, String constraintName, String comment) {

    public Index {
        keys = List.copyOf(keys);
        includeColumns = List.copyOf(includeColumns);
    }

    /** The same index with its definition as the server wrote it. */
    Index withDefinition(String text) {
        return new Index(name, method, unique, primary, valid, partitioned, parentIndex, keys, includeColumns,
                predicate, text, sizeBytes, constraintName, comment);
    }

    public boolean isPartial() {
        return predicate != null;
    }

    /** The plain columns at the start of the key, up to the first expression. */
    public List<String> leadingColumns() {
        int n = 0;
        while (n < keys.size() && !keys.get(n).isExpression()) {
            n++;
        }
        return keys.subList(0, n).stream().map(IndexKey::column).toList();
    }
}
