package dev.dbcheck.schema;

import dev.dbcheck.base.ConnectionOpener;
import dev.dbcheck.base.ConnectionWork;
import dev.dbcheck.sql.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads a {@link SchemaSnapshot} from {@code pg_catalog} in a fixed handful of queries (relations, columns,
 * constraints, indexes, routines, enums), whatever the number of tables.
 *
 * <p>Objects that belong to an extension (PostGIS's {@code spatial_ref_sys}, say) are left out: they are not
 * the project's design.
 */
public final class SnapshotReader {

    /** Schemas that are never the project's. */
    private static final String SYSTEM_SCHEMA_FILTER = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    /**
     * The schemas a read that names none reads, as a condition on {@code pg_namespace n}: neither the system's nor
     * an extension's. The data sampler, which runs beside the read, takes the same ones.
     */
    public static final String PROJECT_SCHEMAS = SYSTEM_SCHEMA_FILTER
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass"
            + " AND d.objid = n.oid AND d.deptype = 'e')";

    /**
     * A relation an extension owns (PostGIS's {@code spatial_ref_sys}), as a condition on {@code pg_class c}: not
     * the project's design. The data sampler leaves out the same tables.
     */
    public static final String EXTENSION_MEMBER = "EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = "
            + "'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    /**
     * The type a column's type {@code pg_type t} stands for: a domain's base type, else itself. The data sampler
     * judges a column by the same type, so that what it reads is what the snapshot's columns say.
     */
    public static final String BASE_TYPE_OID = "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END";

    private final List<String> requestedSchemas;
    private final Set<QualifiedName> excludedTables;

    /**
     * @param schemas        the schemas to read; empty for every non-system schema
     * @param excludedTables tables to leave out, such as Flyway's schema history table
     */
    public SnapshotReader(List<String> schemas, Set<QualifiedName> excludedTables) {
        this.requestedSchemas = List.copyOf(schemas);
        this.excludedTables = Set.copyOf(excludedTables);
    }

    /**
     * From how many relations {@link #read(Connection, ConnectionOpener)} reads the constraints and sequences on a
     * second connection. The catalog queries are the server's work on one core while the machine has more; a
     * second session costs a connection (a few milliseconds), which pays from about this size (measured on the
     * generated schema, both ways, each in a new session: 200 tables 56 → 47 ms, 500 tables 107 → 81 ms; at 50 and
     * 100 tables the same or slower).
     */
    public static final int DEFAULT_PARALLEL_FROM = 150;

    private int parallelFrom = DEFAULT_PARALLEL_FROM;

    /** This reader with another threshold for the second connection (tests read small schemas both ways). */
    SnapshotReader parallelFrom(int relations) {
        this.parallelFrom = relations;
        return this;
    }

    /** The snapshot, on this one connection. */
    public SchemaSnapshot read(Connection connection) throws SQLException {
        return read(connection, null);
    }

    /**
     * The snapshot; a large schema's constraints and sequences are read on a second connection that {@code another}
     * opens, in the same catalog snapshot (exported by this connection's transaction), while this one reads the
     * columns and indexes. Null: everything on {@code connection}.
     */
    public SchemaSnapshot read(Connection connection, ConnectionOpener another) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        SecondSession second = null;
        try (Statement statement = connection.createStatement()) {
            // One snapshot of the catalog for all queries.
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            statement.execute(WORK_MEM);
            int versionNum;
            String version;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
                rs.next();
                versionNum = rs.getInt(1);
                version = rs.getString(2);
            }
            Schemas found = schemas(connection);
            List<String> schemas = found.names();
            if (another != null && found.relations() >= parallelFrom) {
                String exported;
                try (ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    exported = rs.getString(1);
                }
                second = new SecondSession(another, exported, sessionSettings(connection), schemas, versionNum);
            }
            Map<Long, RelationBuilder> relations = relations(connection, schemas);
            Long[] oids = relations.keySet().toArray(Long[]::new);
            if (second != null) {
                second.oids.complete(oids);
            }
            columns(connection, oids, relations);
            Map<Long, Map<Integer, String>> columnNames = columnNames(relations);
            Definitions definitions = Definitions.read(connection);
            indexes(connection, oids, relations, columnNames, versionNum, definitions);
            policies(connection, oids, relations);
            List<Routine> routines = routines(connection, schemas);
            List<EnumType> enums = enums(connection, schemas);
            List<Namespace> namespaces = namespaces(connection, schemas, versionNum / 10000);
            // what the second session read; null without one, or when it could not connect: then read here
            SecondSession.Read secondRead = second == null ? null : second.result();
            addConstraints(connection, secondRead != null ? secondRead.constraints()
                    : constraintRows(connection, oids, versionNum), relations, columnNames, definitions);
            List<Sequence> sequences = secondRead != null ? secondRead.sequences() : sequences(connection, schemas);
            List<Table> tables = new ArrayList<>();
            for (RelationBuilder builder : relations.values()) {
                tables.add(builder.build());
            }
            connection.commit();
            return new SchemaSnapshot(versionNum, version, schemas, tables, routines, enums, namespaces, sequences);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            if (second != null) {
                second.close(); // returns once its connection is closed, whatever happened here
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The settings the first session's texts depend on: {@code pg_table_is_visible} and the server's deparsing
     * follow the search path (a migration's {@code set_config('search_path', '', false)} on the connection the
     * snapshot is read from, say), constants are printed by the date, interval and float settings. The second
     * session takes them over so that both write what one session would.
     */
    private static final List<String> TEXT_SETTINGS = List.of("search_path", "DateStyle", "IntervalStyle",
            "TimeZone", "extra_float_digits", "quote_all_identifiers", "bytea_output",
            "standard_conforming_strings");

    private static Map<String, String> sessionSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT n, current_setting(n) FROM unnest(?::text[]) AS s(n)")) {
            ps.setArray(1, connection.createArrayOf("text", TEXT_SETTINGS.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return settings;
    }

    /** Sorting the columns of thousands of tables spills past the default 4MB. */
    private static final String WORK_MEM = "SET LOCAL work_mem = '64MB'";

    /**
     * The second connection of a large schema's snapshot, on a thread of its own: it imports the first one's
     * exported catalog snapshot, waits for the relations the first one read, and reads their constraints and the
     * schemas' sequences — the server's work beside the first session's columns and indexes.
     */
    private static final class SecondSession {

        /** What the second session read: the constraints' rows (named once the columns are known) and sequences. */
        record Read(List<ConstraintRow> constraints, List<Sequence> sequences) {
        }

        final CompletableFuture<Long[]> oids = new CompletableFuture<>();
        private final ConnectionWork<Read> work;

        SecondSession(ConnectionOpener opener, String exported, Map<String, String> settings, List<String> schemas,
                      int versionNum) {
            // connects while the first session reads the relations
            // without a second connection (an existing server's max_connections) the first session reads all
            work = ConnectionWork.onOwnConnection("dbcheck-snapshot-second-session", opener, c -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    s.execute("SET TRANSACTION SNAPSHOT '" + exported + "'");
                    s.execute(WORK_MEM);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT set_config(n, v, true) FROM unnest(?::text[], ?::text[]) AS s(n, v)")) {
                    ps.setArray(1, c.createArrayOf("text", settings.keySet().toArray()));
                    ps.setArray(2, c.createArrayOf("text", settings.values().toArray()));
                    ps.execute();
                }
                Long[] relations = oids.get();
                Read read = new Read(constraintRows(c, relations, versionNum), sequences(c, schemas));
                c.commit();
                return read;
            });
        }

        /** What the second session read, null when it could not connect; its failure as this read's. */
        Read result() throws SQLException {
            return work.result();
        }

        /**
         * Ends the second session: if the first one failed before reading the relations, the second stops waiting
         * for them. Returns once the thread is done, its connection closed.
         */
        void close() {
            oids.completeExceptionally(new IllegalStateException("the snapshot's first session ended"));
            try {
                work.await();
            } catch (ExecutionException ignored) {
                // the first session's outcome is the read's; this one's failure was reported by result() if asked
            }
        }
    }

    /** The schemas to read, and how many relations they hold: whether a second session pays. */
    private record Schemas(List<String> names, long relations) {
    }

    private Schemas schemas(Connection connection) throws SQLException {
        List<String> existing = new ArrayList<>();
        Map<String, Long> relationsBySchema = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.nspname, (SELECT count(*) FROM pg_class c"
                     + " WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'm', 'f'))"
                     + " FROM pg_namespace n WHERE " + PROJECT_SCHEMAS + " ORDER BY n.nspname")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
                relationsBySchema.put(rs.getString(1), rs.getLong(2));
            }
        }
        existingSchemas = List.copyOf(existing);
        List<String> read = requestedSchemas.isEmpty() ? existing
                : requestedSchemas.stream().filter(existing::contains).toList();
        return new Schemas(read, read.stream().mapToLong(relationsBySchema::get).sum());
    }

    private List<String> existingSchemas = List.of();

    /** Every non-system schema the last {@link #read} found, whether requested or not. */
    public List<String> existingSchemas() {
        return existingSchemas;
    }

    private Map<Long, RelationBuilder> relations(Connection connection, List<String> schemas) throws SQLException {
        String sql = """
                SELECT c.oid, n.nspname, c.relname, c.relkind, pn.nspname AS parent_schema, pc.relname AS parent_name,
                       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
                       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                       c.reltuples::bigint AS reltuples,
                       -- as the catalog last counted it: pg_relation_size opens every table, which in a new
                       -- session builds its relcache entry first; the data sampler asks for real sizes itself
                       CASE WHEN c.relkind IN ('r', 'm') THEN c.relpages::bigint * current_setting('block_size')::bigint
                            ELSE 0 END AS size,
                       dsc.description AS comment,
                       CASE WHEN c.relkind = 'm' THEN pg_get_viewdef(c.oid, true) END AS view_definition,
                       c.relrowsecurity,
                       ARRAY(SELECT DISTINCT a.privilege_type FROM aclexplode(c.relacl) a WHERE a.grantee = 0
                             ORDER BY 1) AS public_grants
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
                LEFT JOIN pg_class pc ON pc.oid = i.inhparent
                LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                LEFT JOIN pg_description dsc ON dsc.objoid = c.oid AND dsc.classoid = 'pg_class'::regclass
                                            AND dsc.objsubid = 0
                WHERE c.relkind IN ('r', 'p', 'm', 'f')
                  AND n.nspname = ANY (?)
                  AND NOT %s
                ORDER BY n.nspname, c.relname
                """.formatted(EXTENSION_MEMBER);
        Map<Long, RelationBuilder> relations = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QualifiedName name = new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
                    if (excludedTables.contains(name)) {
                        continue;
                    }
                    RelationBuilder b = new RelationBuilder();
                    b.name = name;
                    b.kind = switch (rs.getString("relkind")) {
                        case "p" -> TableKind.PARTITIONED_TABLE;
                        case "m" -> TableKind.MATERIALIZED_VIEW;
                        case "f" -> TableKind.FOREIGN_TABLE;
                        default -> TableKind.TABLE;
                    };
                    String parentName = rs.getString("parent_name");
                    b.partitionOf = parentName == null ? null : new QualifiedName(rs.getString("parent_schema"), parentName);
                    b.partitionKey = rs.getString("partition_key");
                    b.partitionBound = rs.getString("partition_bound");
                    b.estimatedRows = rs.getLong("reltuples");
                    b.sizeBytes = rs.getLong("size");
                    b.comment = rs.getString("comment");
                    b.viewDefinition = rs.getString("view_definition");
                    b.rowSecurity = rs.getBoolean("relrowsecurity");
                    b.publicGrants.addAll(strings(rs.getArray("public_grants")));
                    relations.put(rs.getLong("oid"), b);
                }
            }
        }
        return relations;
    }

    /** What a column's type is: declared (a domain's name), its base type, and an array's element type. */
    private record ColumnType(String declaredKind, String declaredName, String baseName, String baseKind,
                              String elementName, String elementKind) {
    }

    /**
     * The types the columns use, a row per type rather than three pg_type lookups per column: a schema of
     * thousands of columns uses a few dozen types, and the per-column lookups were a third of the columns query.
     * Asked by the types' oids the columns query returned, not by the relations again (a second pass over their
     * pg_attribute rows).
     */
    private static Map<Long, ColumnType> columnTypes(Connection connection, Long[] typeOids) throws SQLException {
        String sql = """
                SELECT t.oid, t.typtype AS declared_kind, t.typname AS declared_name,
                       bt.typname AS base_name, bt.typtype AS base_kind,
                       et.typname AS element_name, et.typtype AS element_kind
                FROM pg_type t
                JOIN pg_type bt ON bt.oid = %s
                LEFT JOIN pg_type et ON bt.typcategory = 'A' AND et.oid = bt.typelem
                WHERE t.oid = ANY (?)
                """.formatted(BASE_TYPE_OID);
        Map<Long, ColumnType> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("oid", typeOids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getLong("oid"), new ColumnType(rs.getString("declared_kind"),
                            rs.getString("declared_name"), rs.getString("base_name"), rs.getString("base_kind"),
                            rs.getString("element_name"), rs.getString("element_kind")));
                }
            }
        }
        return types;
    }

    private void columns(Connection connection, Long[] oids, Map<Long, RelationBuilder> relations) throws SQLException {
        String sql = """
                SELECT a.attrelid, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod) AS type,
                       a.attnotnull,
                       -- a default names no column, so it is deparsed without its table (0): deparsing it against
                       -- the table opened the table, a third of this query in a new session; a generation
                       -- expression names columns and needs it
                       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END)
                           AS default_expression,
                       a.attidentity, a.attgenerated, dsc.description AS comment, a.atttypid, a.attcollation,
                       seq.seq_name
                FROM pg_attribute a
                LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass
                                            AND dsc.objsubid = a.attnum
                -- joined, not looked up per column (a lateral subquery and col_description() per row made this
                -- query quadratic-looking at thousands of tables: docs/benchmarks.md, scale)
                LEFT JOIN (
                    SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid,
                           quote_ident(sn.nspname) || '.' || quote_ident(s.relname) AS seq_name
                    FROM pg_depend d
                    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                    JOIN pg_namespace sn ON sn.oid = s.relnamespace
                    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                      AND d.deptype IN ('a', 'i')
                    ORDER BY d.refobjid, d.refobjsubid, s.oid
                ) seq ON seq.refobjid = a.attrelid AND seq.refobjsubid = a.attnum
                WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attrelid, a.attnum
                """;
        record Row(long relid, String name, int position, String type, boolean notNull, String defaultExpression,
                   String identity, String generated, String comment, long typeOid, long collation, String sequence) {
        }
        List<Row> rows = new ArrayList<>();
        Set<Long> typeOids = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getLong("attrelid"), rs.getString("attname"), rs.getInt("attnum"),
                            rs.getString("type"), rs.getBoolean("attnotnull"), rs.getString("default_expression"),
                            rs.getString("attidentity"), rs.getString("attgenerated"), rs.getString("comment"),
                            rs.getLong("atttypid"), rs.getLong("attcollation"), rs.getString("seq_name"));
                    rows.add(row);
                    typeOids.add(row.typeOid());
                }
            }
        }
        Map<Long, ColumnType> types = columnTypes(connection, typeOids.toArray(Long[]::new));
        for (Row row : rows) {
            ColumnType t = types.get(row.typeOid());
            boolean array = t.elementName() != null;
            String typeName = array ? t.elementName() : t.baseName();
            String kindCode = array ? t.elementKind() : t.baseKind();
            Column column = new Column(row.name(), row.position(), row.type(), typeName, typeKind(kindCode), array,
                    "d".equals(t.declaredKind()) ? t.declaredName() : null, row.notNull(), row.defaultExpression(),
                    "a".equals(row.identity()) ? Column.Identity.ALWAYS
                            : "d".equals(row.identity()) ? Column.Identity.BY_DEFAULT : Column.Identity.NONE,
                    row.generated() != null && !row.generated().isEmpty(), row.sequence(), row.comment());
            RelationBuilder b = relations.get(row.relid());
            b.columns.add(column);
            b.keyColumns.put(column.position(), new Definitions.KeyColumn(column.name(), row.typeOid(),
                    row.collation()));
        }
    }

    private static Column.TypeKind typeKind(String code) {
        return switch (code == null ? "b" : code) {
            case "e" -> Column.TypeKind.ENUM;
            case "c" -> Column.TypeKind.COMPOSITE;
            case "r" -> Column.TypeKind.RANGE;
            case "m" -> Column.TypeKind.MULTIRANGE;
            case "p" -> Column.TypeKind.PSEUDO;
            case "d" -> Column.TypeKind.DOMAIN;
            default -> Column.TypeKind.BASE;
        };
    }

    /** Each relation's column names by attnum: constraints and indexes name their columns by number. */
    private static Map<Long, Map<Integer, String>> columnNames(Map<Long, RelationBuilder> relations) {
        Map<Long, Map<Integer, String>> columnNames = new HashMap<>();
        for (Map.Entry<Long, RelationBuilder> e : relations.entrySet()) {
            Map<Integer, String> byNumber = new HashMap<>();
            for (Column c : e.getValue().columns) {
                byNumber.put(c.position(), c.name());
            }
            columnNames.put(e.getKey(), byNumber);
        }
        return columnNames;
    }

    /** The column names of relations outside the snapshot that foreign keys reference, by attnum. */
    private static Map<Long, Map<Integer, String>> otherColumnNames(Connection connection, Set<Long> relids)
            throws SQLException {
        Map<Long, Map<Integer, String>> names = new HashMap<>();
        if (relids.isEmpty()) {
            return names;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT attrelid, attnum, attname FROM pg_attribute "
                + "WHERE attrelid = ANY (?) AND attnum > 0 AND NOT attisdropped")) {
            ps.setArray(1, connection.createArrayOf("oid", relids.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                }
            }
        }
        return names;
    }

    /** The named columns among attnums, in order; an expression's 0 names none (as a join on attnum would). */
    private static List<String> named(Short[] attnums, Map<Integer, String> names) {
        List<String> columns = new ArrayList<>(attnums.length);
        for (Short attnum : attnums) {
            String name = names.get((int) attnum);
            if (name != null) {
                columns.add(name);
            }
        }
        return columns;
    }

    /** A constraint as the catalog holds it: its columns by number, named once the columns are read. */
    private record ConstraintRow(long oid, long relid, String name, ConstraintType type, String definition,
                                 boolean validated, boolean inherited, Short[] attnums, long refRelid,
                                 Short[] refAttnums, String refSchema, String refTable, String onDelete,
                                 String onUpdate, String index, String comment, String matchType, boolean deferrable,
                                 boolean deferred, boolean refVisible) {
    }

    private static List<ConstraintRow> constraintRows(Connection connection, Long[] oids, int versionNum)
            throws SQLException {
        // the server writes checks, exclusions and what Definitions.constraint does not: key indexes with INCLUDE
        // or NULLS NOT DISTINCT (15), MATCH PARTIAL, ON DELETE SET NULL (columns) (15), periods and NOT ENFORCED (18)
        String serverWrites = "con.contype IN ('c', 'x') OR con.confmatchtype = 'p' "
                + "OR con.contype IN ('p', 'u') AND ci.indnatts > ci.indnkeyatts"
                + (versionNum >= 150000 ? " OR con.contype IN ('p', 'u') AND ci.indnullsnotdistinct"
                + " OR con.confdelsetcols IS NOT NULL" : "")
                + (versionNum >= 180000 ? " OR con.conperiod OR NOT con.conenforced" : "");
        // the key columns come as attnums and are named here from the columns already read: naming them in SQL
        // (unnest + a pg_attribute join per constraint) was a tenth of the snapshot at 500 tables
        String sql = """
                SELECT con.oid, con.conrelid, con.conname, con.contype, con.convalidated,
                       con.conparentid <> 0 AS inherited,
                       CASE WHEN %s THEN pg_get_constraintdef(con.oid, true) END AS definition,
                       con.confmatchtype, con.condeferrable, con.condeferred,
                       CASE WHEN con.contype = 'f' THEN pg_table_is_visible(con.confrelid) END AS ref_visible,
                       con.conkey AS attnums, con.confrelid, con.confkey AS ref_attnums,
                       rn.nspname AS ref_schema, rc.relname AS ref_table,
                       con.confdeltype, con.confupdtype,
                       CASE WHEN con.contype IN ('p', 'u', 'x') THEN ic.relname END AS index_name,
                       dsc.description AS comment
                FROM pg_constraint con
                LEFT JOIN pg_description dsc ON dsc.objoid = con.oid AND dsc.classoid = 'pg_constraint'::regclass
                                            AND dsc.objsubid = 0
                LEFT JOIN pg_class rc ON rc.oid = con.confrelid
                LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                LEFT JOIN pg_class ic ON ic.oid = con.conindid
                LEFT JOIN pg_index ci ON ci.indexrelid = con.conindid
                WHERE con.conrelid = ANY (?) AND con.contype IN ('p', 'u', 'f', 'c', 'x')
                ORDER BY con.conrelid, con.conname
                """.formatted(serverWrites);
        List<ConstraintRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ConstraintRow(rs.getLong("oid"), rs.getLong("conrelid"), rs.getString("conname"),
                            ConstraintType.fromCode(rs.getString("contype")), rs.getString("definition"),
                            rs.getBoolean("convalidated"), rs.getBoolean("inherited"),
                            shorts(rs.getArray("attnums")), rs.getLong("confrelid"),
                            shorts(rs.getArray("ref_attnums")), rs.getString("ref_schema"),
                            rs.getString("ref_table"), rs.getString("confdeltype"), rs.getString("confupdtype"),
                            rs.getString("index_name"), rs.getString("comment"), rs.getString("confmatchtype"),
                            rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"),
                            rs.getBoolean("ref_visible")));
                }
            }
        }
        return rows;
    }

    /** The constraints' rows added to their relations, their columns named and their definitions written. */
    private static void addConstraints(Connection connection, List<ConstraintRow> rows,
                                       Map<Long, RelationBuilder> relations,
                                       Map<Long, Map<Integer, String>> columnNames, Definitions definitions)
            throws SQLException {
        Set<Long> outside = new HashSet<>();
        for (ConstraintRow row : rows) {
            if (row.type() == ConstraintType.FOREIGN_KEY && !columnNames.containsKey(row.refRelid())) {
                outside.add(row.refRelid());
            }
        }
        Map<Long, Map<Integer, String>> others = otherColumnNames(connection, outside);
        // none expected (the query already asks the server for what the snapshot cannot write), kept safe
        Map<Long, Pending<Constraint>> deparseLater = new HashMap<>();
        for (ConstraintRow row : rows) {
            ForeignKeyTarget target = null;
            if (row.type() == ConstraintType.FOREIGN_KEY) {
                Map<Integer, String> refNames = columnNames.containsKey(row.refRelid())
                        ? columnNames.get(row.refRelid()) : others.getOrDefault(row.refRelid(), Map.of());
                target = new ForeignKeyTarget(new QualifiedName(row.refSchema(), row.refTable()),
                        named(row.refAttnums(), refNames), Definitions.action(row.onDelete()),
                        Definitions.action(row.onUpdate()));
            }
            List<String> columns = named(row.attnums(), columnNames.get(row.relid()));
            String definition = row.definition();
            if (definition == null && columns.size() == row.attnums().length && (target == null
                    || target.columns().size() == row.refAttnums().length)) {
                definition = definitions.constraint(row.type(), columns,
                        target == null ? null : row.refVisible() ? definitions.quote(row.refTable())
                                : definitions.quote(row.refSchema()) + "." + definitions.quote(row.refTable()),
                        target == null ? List.of() : target.columns(), row.matchType(), row.onUpdate(),
                        row.onDelete(), row.deferrable(), row.deferred(), row.validated());
            }
            List<Constraint> constraints = relations.get(row.relid()).constraints;
            if (definition == null) {
                deparseLater.put(row.oid(), new Pending<>(constraints, constraints.size()));
            }
            constraints.add(new Constraint(row.name(), row.type(), columns, definition,
                    row.validated(), row.inherited(), target, row.index(), row.comment()));
        }
        Map<Long, String> deparsed = Definitions.deparsed(connection, deparseLater.keySet(),
                "pg_get_constraintdef(o, true)");
        deparseLater.forEach((oid, at) -> at.list().set(at.position(),
                at.list().get(at.position()).withDefinition(deparsed.get(oid))));
    }

    /** An object added without its definition, by where it stands in its relation's list: the server writes it. */
    private record Pending<T>(List<T> list, int position) {
    }

    private void indexes(Connection connection, Long[] oids, Map<Long, RelationBuilder> relations,
                         Map<Long, Map<Integer, String>> columnNames, int versionNum, Definitions definitions)
            throws SQLException {
        // the server deparses only what Definitions cannot write from the columns: it was two thirds of this
        // query; NULLS NOT DISTINCT came with PostgreSQL 15
        String serverDeparses = "i.indexprs IS NOT NULL OR i.indpred IS NOT NULL OR ic.reloptions IS NOT NULL "
                + "OR ic.relkind <> 'i'" + (versionNum >= 150000 ? " OR i.indnullsnotdistinct" : "");
        String sql = """
                SELECT i.indrelid, i.indexrelid, ic.relname AS name, ic.relkind = 'I' AS partitioned,
                       am.amname AS method,
                       i.indisunique, i.indisprimary, i.indisvalid AND i.indisready AS valid,
                       i.indnkeyatts, i.indnatts,
                       i.indkey::int2[] AS attnums, i.indoption::int2[] AS options,
                       -- deparsed for expression keys only: a column key is its name, and deparsing is the
                       -- costly part of this query; an index of columns alone skips the per-key subquery too
                       CASE WHEN 0 = ANY (i.indkey::int2[]) THEN
                       ARRAY(SELECT CASE WHEN (i.indkey::int2[])[k - 1] = 0
                                         THEN pg_get_indexdef(i.indexrelid, k, true) END
                             FROM generate_series(1, i.indnatts) k ORDER BY k) END AS key_texts,
                       i.indclass::oid[] AS opclasses, i.indcollation::oid[] AS collations,
                       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                       CASE WHEN %s THEN pg_get_indexdef(i.indexrelid) END AS definition,
                       -- as the catalog last counted it: pg_relation_size opens every index, which in a new
                       -- session builds its relcache entry first (12 of netbox's 22 ms for this query)
                       ic.relpages::bigint * current_setting('block_size')::bigint AS size,
                       con.conname AS constraint_name,
                       parent.relname AS parent_index,
                       dsc.description AS comment
                FROM pg_index i
                LEFT JOIN pg_description dsc ON dsc.objoid = i.indexrelid AND dsc.classoid = 'pg_class'::regclass
                                            AND dsc.objsubid = 0
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_am am ON am.oid = ic.relam
                LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                            AND con.contype IN ('p', 'u', 'x')
                LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
                LEFT JOIN pg_class parent ON parent.oid = inh.inhparent
                WHERE i.indrelid = ANY (?)
                ORDER BY i.indrelid, ic.relname
                """.formatted(serverDeparses);
        Map<Long, Pending<Index>> deparseLater = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long relid = rs.getLong("indrelid");
                    RelationBuilder b = relations.get(relid);
                    Map<Integer, String> names = columnNames.get(relid);
                    int keyCount = rs.getInt("indnkeyatts");
                    Short[] attnums = shorts(rs.getArray("attnums"));
                    Short[] options = shorts(rs.getArray("options"));
                    List<String> keyTexts = strings(rs.getArray("key_texts"));
                    long[] opclassOids = longs(rs.getArray("opclasses"));
                    List<String> opclasses = new ArrayList<>();
                    for (long oid : opclassOids) {
                        opclasses.add(definitions.operatorClassName(oid));
                    }
                    List<IndexKey> keys = new ArrayList<>();
                    List<String> include = new ArrayList<>();
                    for (int k = 0; k < attnums.length; k++) {
                        int attnum = attnums[k];
                        String column = attnum == 0 ? null : names.get(attnum);
                        if (k < keyCount) {
                            int option = k < options.length ? options[k] : 0;
                            keys.add(new IndexKey(column, column == null ? keyTexts.get(k) : null,
                                    k < opclasses.size() ? opclasses.get(k) : null,
                                    (option & 1) != 0, (option & 2) != 0));
                        } else {
                            include.add(column != null ? column : keyTexts.get(k));
                        }
                    }
                    String definition = rs.getString("definition");
                    if (definition == null) {
                        List<Definitions.KeyColumn> keyColumns = new ArrayList<>(attnums.length);
                        for (Short attnum : attnums) {
                            keyColumns.add(b.keyColumns.get((int) attnum));
                        }
                        definition = definitions.compose(rs.getString("name"), b.name, rs.getString("method"),
                                rs.getBoolean("indisunique"), keyColumns, keyCount, opclassOids,
                                longs(rs.getArray("collations")), options);
                        if (definition == null) {
                            deparseLater.put(rs.getLong("indexrelid"), new Pending<>(b.indexes, b.indexes.size()));
                        }
                    }
                    b.indexes.add(new Index(
                            rs.getString("name"), rs.getString("method"), rs.getBoolean("indisunique"),
                            rs.getBoolean("indisprimary"), rs.getBoolean("valid"), rs.getBoolean("partitioned"),
                            rs.getString("parent_index"), keys, include, rs.getString("predicate"),
                            definition, rs.getLong("size"), rs.getString("constraint_name"),
                            rs.getString("comment")));
                }
            }
        }
        Map<Long, String> deparsed = Definitions.deparsed(connection, deparseLater.keySet(), "pg_get_indexdef(o)");
        deparseLater.forEach((oid, at) -> at.list().set(at.position(),
                at.list().get(at.position()).withDefinition(deparsed.get(oid))));
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }

    private List<Routine> routines(Connection connection, List<String> schemas) throws SQLException {
        String sql = """
                SELECT n.nspname, p.proname,
                       CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                                      WHEN 'w' THEN 'window' ELSE 'function' END AS kind,
                       pg_get_function_identity_arguments(p.oid) AS arguments, l.lanname, p.prosecdef, p.proconfig,
                       -- a NULL proacl is the default, which gives PUBLIC EXECUTE
                       EXISTS (SELECT 1 FROM aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner))) a
                               WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_execute
                FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace
                JOIN pg_language l ON l.oid = p.prolang
                WHERE n.nspname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                ORDER BY n.nspname, p.proname, arguments
                """;
        List<Routine> routines = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    routines.add(new Routine(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), strings(rs.getArray(7)),
                            rs.getBoolean(8)));
                }
            }
        }
        return routines;
    }

    private void policies(Connection connection, Long[] oids, Map<Long, RelationBuilder> relations)
            throws SQLException {
        String sql = """
                SELECT polrelid, polname,
                       CASE polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                   WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command
                FROM pg_policy WHERE polrelid = ANY (?) ORDER BY polrelid, polname
                """;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    relations.get(rs.getLong(1)).policies.add(new Policy(rs.getString(2), rs.getString(3)));
                }
            }
        }
    }

    /**
     * The schemas' privileges. What PUBLIC may do in {@code public} by default changed in PostgreSQL 15 (CREATE was
     * revoked): those defaults are not grants of the migrations, and are left out of {@link Namespace#publicGrants}.
     */
    private List<Namespace> namespaces(Connection connection, List<String> schemas, int major) throws SQLException {
        String sql = """
                SELECT n.nspname, pg_get_userbyid(n.nspowner),
                       EXISTS (SELECT 1 FROM aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a
                               WHERE a.grantee = 0 AND a.privilege_type = 'CREATE') AS writable,
                       ARRAY(SELECT DISTINCT a.privilege_type FROM aclexplode(n.nspacl) a WHERE a.grantee = 0
                             ORDER BY 1) AS public_privileges
                FROM pg_namespace n WHERE n.nspname = ANY (?) ORDER BY n.nspname
                """;
        List<Namespace> namespaces = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    List<String> grants = new ArrayList<>(strings(rs.getArray(4)));
                    if (name.equals("public")) {
                        grants.remove("USAGE");
                        if (major < 15) {
                            grants.remove("CREATE");
                        }
                    }
                    namespaces.add(new Namespace(name, rs.getString(2), rs.getBoolean(3), grants));
                }
            }
        }
        return namespaces;
    }

    private static List<Sequence> sequences(Connection connection, List<String> schemas) throws SQLException {
        String sql = """
                SELECT schemaname, sequencename, data_type::text, max_value, last_value, increment_by
                FROM pg_sequences WHERE schemaname = ANY (?) ORDER BY schemaname, sequencename
                """;
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(5);
                    sequences.add(new Sequence(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                            rs.getLong(4), rs.wasNull() ? null : last, rs.getLong(6)));
                }
            }
        }
        return sequences;
    }

    private List<EnumType> enums(Connection connection, List<String> schemas) throws SQLException {
        String sql = """
                SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
                FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_enum e ON e.enumtypid = t.oid
                WHERE n.nspname = ANY (?)
                GROUP BY n.nspname, t.typname
                ORDER BY n.nspname, t.typname
                """;
        List<EnumType> enums = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enums.add(new EnumType(new QualifiedName(rs.getString(1), rs.getString(2)),
                            strings(rs.getArray(3))));
                }
            }
        }
        return enums;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    private static Short[] shorts(Array array) throws SQLException {
        if (array == null) {
            return new Short[0];
        }
        Object[] values = (Object[]) array.getArray();
        Short[] result = new Short[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).shortValue();
        }
        return result;
    }

    /** Collects one relation's parts while the queries run. */
    private static final class RelationBuilder {
        QualifiedName name;
        TableKind kind;
        QualifiedName partitionOf;
        String partitionKey;
        String partitionBound;
        long estimatedRows;
        long sizeBytes;
        String comment;
        String viewDefinition;
        boolean rowSecurity;
        final List<Policy> policies = new ArrayList<>();
        final List<String> publicGrants = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        /** By attnum: what an index's definition needs of its columns (their type and collation). */
        final Map<Integer, Definitions.KeyColumn> keyColumns = new HashMap<>();

        Table build() {
            return new Table(name, kind, partitionOf, partitionKey, partitionBound, estimatedRows, sizeBytes, comment,
                    viewDefinition, columns, constraints, indexes, rowSecurity, policies, publicGrants);
        }
    }
}
