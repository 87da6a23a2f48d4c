package dev.dbcheck.schemarules;

import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.List;
import java.util.Optional;

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

    /**
     * The one table a key's stem names ({@code customer} of {@code customer_id}: {@code customers}, or
     * {@code t_ds_customer} — its singular name is the stem or ends with it); empty when none or several do.
     *
     * @param except a table that does not count (the one the key is in), or null
     */
    public static Optional<Table> tableNamed(SchemaSnapshot schema, String stem, Table except) {
        Table found = null;
        for (Table table : designedTables(schema)) {
            String singular = Words.singular(Words.snake(table.name().name()));
            if (table != except && (singular.equals(stem) || singular.endsWith("_" + stem))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = table;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether either table references the other by a foreign key. */
    public static boolean linked(Table a, Table b) {
        return references(a, b) || references(b, a);
    }

    private static boolean references(Table from, Table to) {
        return from.constraints(ConstraintType.FOREIGN_KEY).stream()
                .anyMatch(fk -> fk.references().table().equals(to.name()));
    }
}
