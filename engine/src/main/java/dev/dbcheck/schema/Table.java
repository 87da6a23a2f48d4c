package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;
import java.util.List;
import java.util.Optional;

/**
 * A table, partitioned table, partition, materialized view or foreign table, with everything that hangs off it.
 *
 * @param name           schema-qualified name
 * @param kind           what kind of relation
 * @param partitionOf    for a partition, its parent; else null
 * @param partitionKey   for a partitioned table, the key ({@code RANGE (created_at)}); else null
 * @param partitionBound for a partition, its bound ({@code FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')}); else null
 * @param estimatedRows  {@code pg_class.reltuples}, -1 when never analyzed
 * @param sizeBytes      the heap's size on disk as the catalog last counted it ({@code relpages}, main fork: set by
 *                       VACUUM, ANALYZE and CREATE INDEX; 0 for a table nothing counted yet, rows or none)
 * @param comment        the table's comment, or null
 * @param viewDefinition for a materialized view, its query; else null
 * @param columns        columns in attribute order
 * @param constraints    primary key, unique, foreign key, check and exclusion constraints
 * @param indexes        indexes
 * @param rowSecurity    whether row-level security is enabled ({@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY})
 * @param policies       its row-level security policies
 * @param publicGrants   privileges granted to PUBLIC ({@code SELECT}, {@code INSERT}, ...): PostgreSQL gives PUBLIC
 *                       none on a table, so each was granted
 */
public record Table(QualifiedName name, TableKind kind, QualifiedName partitionOf, String partitionKey,
                    String partitionBound, long estimatedRows, long sizeBytes, String comment, String viewDefinition,
                    List<Column> columns, List<Constraint> constraints, List<Index> indexes, boolean rowSecurity,
                    List<Policy> policies, List<String> publicGrants) {

    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        policies = List.copyOf(policies);
        publicGrants = List.copyOf(publicGrants);
    }

    public String schema() {
        return name.schema();
    }

    public boolean isPartition() {
        return partitionOf != null;
    }

    public boolean isPartitioned() {
        return kind == TableKind.PARTITIONED_TABLE;
    }

    public boolean isMaterializedView() {
        return kind == TableKind.MATERIALIZED_VIEW;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(c -> c.type() == ConstraintType.PRIMARY_KEY).findFirst();
    }

    public List<Constraint> constraints(ConstraintType type) {
        return constraints.stream().filter(c -> c.type() == type).toList();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
