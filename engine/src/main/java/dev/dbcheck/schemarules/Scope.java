package dev.dbcheck.schemarules;

import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.List;

/** The parts of a snapshot most rules look at, chosen in one place so that rules agree on it. */
public final class Scope {

    private Scope() {
    }

    /**
     * Tables and partitioned tables, without partitions: a partition shares its parent's columns and
     * constraints, so a finding on the parent covers it.
     */
    public static List<Table> designedTables(SchemaSnapshot schema) {
        return schema.tables().stream()
                .filter(t -> (t.kind() == TableKind.TABLE || t.kind() == TableKind.PARTITIONED_TABLE)
                        && !t.isPartition())
                .toList();
    }

    /** Tables, partitioned tables, partitions and materialized views: everything that has its own indexes. */
    public static List<Table> indexedRelations(SchemaSnapshot schema) {
        return schema.tables().stream().filter(t -> t.kind() != TableKind.FOREIGN_TABLE).toList();
    }

    /**
     * The indexes of a relation that were created on it, not the copies PostgreSQL attached to a partition from
     * its parent's index (those are judged on the parent).
     */
    public static List<Index> ownIndexes(Table table) {
        return table.indexes().stream().filter(i -> i.parentIndex() == null).toList();
    }
}
