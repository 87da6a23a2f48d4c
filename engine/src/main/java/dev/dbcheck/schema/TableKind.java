package dev.dbcheck.schema;

public enum TableKind {
    /** An ordinary table, or a partition of a partitioned table. */
    TABLE,
    /** A partitioned table: holds no rows itself. */
    PARTITIONED_TABLE,
    MATERIALIZED_VIEW,
    FOREIGN_TABLE
}
