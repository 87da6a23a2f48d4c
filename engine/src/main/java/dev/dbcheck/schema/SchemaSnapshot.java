package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules know about a database: one immutable read of {@code pg_catalog}. Rules never query the
 * database themselves.
 *
 * <p>A class rather than a record only because it keeps lookup maps beside its components, so that rules stay
 * linear on schemas of thousands of tables.
 */
public final class SchemaSnapshot {

    private final int serverVersionNum;
    private final String serverVersion;
    private final List<String> schemas;
    private final List<Table> tables;
    private final List<Routine> routines;
    private final List<EnumType> enums;
    private final List<Namespace> namespaces;
    private final List<Sequence> sequences;
    /** By the name as {@code pg_get_serial_sequence} writes it, quoted, and unquoted: a lookup per key column. */
    private final Map<String, Sequence> sequencesByText = new java.util.HashMap<>();
    private final Map<QualifiedName, Table> tablesByName = new LinkedHashMap<>();
    private final Map<QualifiedName, List<Table>> partitionsByParent = new LinkedHashMap<>();

    /**
     * @param serverVersionNum {@code server_version_num}, e.g. 180001
     * @param serverVersion    {@code server_version}, e.g. "18.1"
     * @param schemas          the schemas that were read
     * @param tables           tables, partitioned tables, partitions, materialized views and foreign tables
     * @param routines         functions and procedures
     * @param enums            enum types
     */
    public SchemaSnapshot(int serverVersionNum, String serverVersion, List<String> schemas, List<Table> tables,
                          List<Routine> routines, List<EnumType> enums) {
        this(serverVersionNum, serverVersion, schemas, tables, routines, enums, List.of(), List.of());
    }

    /**
     * @param namespaces the schemas read, with their privileges
     * @param sequences  the sequences of the schemas read
     */
    public SchemaSnapshot(int serverVersionNum, String serverVersion, List<String> schemas, List<Table> tables,
                          List<Routine> routines, List<EnumType> enums, List<Namespace> namespaces,
                          List<Sequence> sequences) {
        this.serverVersionNum = serverVersionNum;
        this.serverVersion = serverVersion;
        this.schemas = List.copyOf(schemas);
        this.tables = List.copyOf(tables);
        this.routines = List.copyOf(routines);
        this.enums = List.copyOf(enums);
        this.namespaces = List.copyOf(namespaces);
        this.sequences = List.copyOf(sequences);
        for (Sequence q : this.sequences) {
            sequencesByText.putIfAbsent(q.name().toString(), q);
            sequencesByText.putIfAbsent(q.name().schema() + "." + q.name().name(), q);
        }
        for (Table table : this.tables) {
            tablesByName.putIfAbsent(table.name(), table);
            if (table.partitionOf() != null) {
                partitionsByParent.computeIfAbsent(table.partitionOf(), k -> new ArrayList<>()).add(table);
            }
        }
    }

    public int serverVersionNum() {
        return serverVersionNum;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public int majorVersion() {
        return serverVersionNum / 10000;
    }

    public List<String> schemas() {
        return schemas;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Routine> routines() {
        return routines;
    }

    public List<EnumType> enums() {
        return enums;
    }

    public List<Namespace> namespaces() {
        return namespaces;
    }

    public Optional<Namespace> namespace(String name) {
        return namespaces.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<Sequence> sequences() {
        return sequences;
    }

    /** A sequence by its schema-qualified name as {@code pg_get_serial_sequence} writes it ({@code public.t_id_seq}). */
    public Optional<Sequence> sequence(String qualified) {
        if (qualified == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sequencesByText.get(qualified));
    }

    public Optional<Table> table(QualifiedName name) {
        return Optional.ofNullable(tablesByName.get(name));
    }

    public Optional<Table> table(String schema, String name) {
        return table(new QualifiedName(schema, name));
    }

    /** The partitions directly attached to a partitioned table. */
    public List<Table> partitionsOf(Table parent) {
        return List.copyOf(partitionsByParent.getOrDefault(parent.name(), List.of()));
    }

    /** The leaf partitions under a partitioned table, through sub-partitioned levels. */
    public List<Table> leafPartitionsOf(Table parent) {
        List<Table> leaves = new ArrayList<>();
        for (Table child : partitionsOf(parent)) {
            if (child.isPartitioned()) {
                leaves.addAll(leafPartitionsOf(child));
            } else {
                leaves.add(child);
            }
        }
        return leaves;
    }
}
