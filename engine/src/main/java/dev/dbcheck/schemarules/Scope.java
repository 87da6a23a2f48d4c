package dev.dbcheck.schemarules;

import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        for (Table table : namesOf(schema).getOrDefault(stem, List.of())) {
            if (table != except) {
                if (found != null) {
                    return Optional.empty();
                }
                found = table;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every table a stem names, as {@link #tableNamed} finds them, however many. */
    public static List<Table> tablesNamed(SchemaSnapshot schema, String stem) {
        return namesOf(schema).getOrDefault(stem, List.of());
    }

    /** The designed tables by every stem that names them: their singular name and each part after an underscore. */
    private record TableNames(SchemaSnapshot schema, Map<String, List<Table>> byStem) {
    }

    /**
     * The last snapshot's table names (rules ask for a stem per key column: walking every table each time was
     * copied-attribute's and inconsistent-column-type's largest cost on a schema of 200 tables); held by identity,
     * one snapshot at a time.
     */
    private static volatile TableNames lastNames;

    private static Map<String, List<Table>> namesOf(SchemaSnapshot schema) {
        TableNames names = lastNames;
        if (names != null && names.schema() == schema) {
            return names.byStem();
        }
        Map<String, List<Table>> byStem = new HashMap<>();
        for (Table table : designedTables(schema)) {
            String singular = Words.singular(Words.snake(table.name().name()));
            byStem.computeIfAbsent(singular, k -> new ArrayList<>()).add(table);
            for (int i = singular.indexOf('_'); i >= 0; i = singular.indexOf('_', i + 1)) {
                String suffix = singular.substring(i + 1);
                List<Table> tables = byStem.computeIfAbsent(suffix, k -> new ArrayList<>());
                if (!tables.contains(table)) {
                    tables.add(table); // "a_b" and "b" are one suffix each; "a__b" must not add b twice
                }
            }
        }
        lastNames = new TableNames(schema, byStem);
        return byStem;
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
