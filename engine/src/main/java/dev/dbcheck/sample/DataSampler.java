package dev.dbcheck.sample;

import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.sql.QualifiedName;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the real rows of every table that has any (tables whose heap has no pages are skipped without a query), up to
 * {@code maxRows} per table: all of them when they fit, else a Bernoulli sample. Only comparable scalar columns are
 * read, as text. Runs before any synthetic data is loaded: generated rows prove nothing about dependencies.
 *
 * <p>What to read comes from the catalog, not from a {@link SchemaSnapshot}: {@link #read} needs none, so the
 * rows can be read on a session of their own while the snapshot is (the server reads both, on the machine's two
 * cores); {@link RealRows#bind} then gives them the snapshot's tables and columns.
 */
public final class DataSampler {

    /** Types whose text form compares like the values (json, xml, geometric types and the like are left out). */
    private static final Set<String> SAMPLED_TYPES = Set.of(
            "text", "varchar", "bpchar", "citext", "name", "int2", "int4", "int8", "numeric", "float4", "float8",
            "bool", "date", "timestamp", "timestamptz", "time", "timetz", "uuid", "inet", "cidr", "macaddr",
            "interval", "money");

    private final int maxRows;

    public DataSampler(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The rows of the snapshot's tables, read now. */
    public SampledData sample(Connection connection, SchemaSnapshot schema) throws SQLException {
        return read(connection, schema).bind(schema);
    }

    /** The rows of the snapshot's tables, read now, to be {@linkplain RealRows#bind bound} to it. */
    public RealRows read(Connection connection, SchemaSnapshot schema) throws SQLException {
        if (schema.schemas().isEmpty()) {
            return new RealRows(List.of()); // an empty list would read every schema
        }
        return read(connection, schema.schemas(), name -> schema.table(name).isPresent());
    }

    /**
     * The rows of the tables in these schemas (empty: every schema a snapshot naming none reads) that {@code wanted}
     * takes (not the migration tool's table, which a snapshot leaves out), with no snapshot yet: tables and columns
     * by name, as the catalog has them now.
     */
    public RealRows read(Connection connection, List<String> schemas, Predicate<QualifiedName> wanted)
            throws SQLException {
        List<Sampled> small = new ArrayList<>();
        List<RealRows.Table> read = new ArrayList<>();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Sampled candidate : tables(connection, schemas)) {
            if (!wanted.test(candidate.name())) {
                continue;
            }
            if ((candidate.heapBytes() + 8191) / 8192 * ROWS_PER_8_KB_AT_MOST <= maxRows) {
                small.add(candidate); // all its rows fit in a sample, however small they are
                continue;
            }
            RealRows.Table sample = sample(connection, copy, candidate);
            if (sample != null) {
                read.add(sample);
            }
        }
        for (Sampled table : small) {
            RealRows.Table sample = readWhole(copy, table);
            if (sample != null) {
                read.add(sample);
            }
        }
        return new RealRows(read);
    }

    /**
     * The tables with heap pages and the columns read of them, in one catalog query. A table without heap pages
     * holds no rows and costs no query (asking each of thousands of empty tables for count(*) was most of the rules
     * phase on large schemas). Partitions are tables too; partitioned parents and views hold no rows of their own.
     * The size is the heap's now (the catalog's {@code relpages} is 0 until something counted the pages, and seed
     * rows a migration inserted are not counted); a domain is read as its base type, as the snapshot reads it.
     *
     * <p>Where the session may call {@code pg_stat_file} (a superuser's: the embedded and Docker servers'), the size
     * is that of the heap's first segment file, found from the catalog row alone: {@code pg_relation_size} opens
     * every relation, and building those relation-cache entries in a new session was most of this query (500
     * empty tables, in a fresh session: 22–25 ms against 7–8 ms). A heap over one segment (1 GB) counts as 1 GB,
     * far above what is read whole, so such a table is counted and sampled as before.
     */
    private static List<Sampled> tables(Connection connection, List<String> schemas) throws SQLException {
        String heapBytes = maySeeFiles(connection)
                ? "coalesce((pg_stat_file(pg_relation_filepath(c.oid), true)).size, pg_relation_size(c.oid))"
                : "pg_relation_size(c.oid)";
        String sql = """
                WITH heap AS MATERIALIZED (
                    SELECT c.oid, n.nspname, c.relname, %s AS bytes
                    FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'r'
                      AND (cardinality(?::text[]) = 0 AND %s OR n.nspname = ANY (?::text[]))
                      AND NOT %s
                )
                SELECT h.nspname, h.relname, h.bytes, a.attname, bt.typname, bt.typtype, a.attgenerated <> '' AS generated
                FROM heap h
                JOIN pg_attribute a ON a.attrelid = h.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_type bt ON bt.oid = %s
                WHERE h.bytes > 0 AND bt.typcategory <> 'A'
                ORDER BY h.nspname, h.relname, a.attnum
                """.formatted(heapBytes, SnapshotReader.PROJECT_SCHEMAS, SnapshotReader.EXTENSION_MEMBER,
                SnapshotReader.BASE_TYPE_OID);
        Map<QualifiedName, Sampled> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            java.sql.Array names = connection.createArrayOf("text", schemas.toArray());
            ps.setArray(1, names);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                    String type = rs.getString(5);
                    boolean sampled = SAMPLED_TYPES.contains(type) || "e".equals(rs.getString(6));
                    long bytes = rs.getLong(3);
                    Sampled table = tables.computeIfAbsent(name, n -> new Sampled(n, bytes, new ArrayList<>()));
                    if (sampled) {
                        table.columns().add(new RealRows.Column(rs.getString(4), type, rs.getBoolean(7)));
                    }
                }
            }
        }
        return tables.values().stream().filter(t -> !t.columns().isEmpty()).toList();
    }

    /** Whether the session may call the {@code pg_stat_file} the catalog query calls. */
    static final String MAY_SEE_FILES =
            "SELECT has_function_privilege('pg_catalog.pg_stat_file(text, boolean)', 'EXECUTE')";

    /**
     * Whether the session may call {@code pg_stat_file}: the function's privilege is checked when a query using it
     * starts, even in a branch never taken, so the catalog query is written for one case or the other.
     */
    private static boolean maySeeFiles(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(MAY_SEE_FILES)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * The most heap tuples 8 kB of heap can hold (MaxHeapTuplesPerPage of an 8 kB page, which grows with the block
     * size): bounds a table's rows by its heap's size.
     */
    private static final long ROWS_PER_8_KB_AT_MOST = 291;

    /** A table with the size of its heap and the columns read of it. */
    private record Sampled(QualifiedName name, long heapBytes, List<RealRows.Column> columns) {
    }

    /** Whether a snapshot's column is one {@link #read} reads. */
    static boolean isSampled(Column column) {
        return !column.array() && (SAMPLED_TYPES.contains(column.typeName())
                || column.typeKind() == Column.TypeKind.ENUM);
    }

    /**
     * A small table's rows, all of them, by COPY: a COPY of a table reads its heap without the planner, which in
     * a new session looked up every table's indexes and column statistics and was most of the sampling's time
     * (500 tables of 30 rows: 95 ms as queries, 37 ms as COPYs). Generated columns cannot be named in a table's
     * COPY, so a table with one is copied through a query.
     */
    private static RealRows.Table readWhole(CopyManager copy, Sampled table) throws SQLException {
        String source = table.columns().stream().anyMatch(RealRows.Column::generated)
                ? "(SELECT " + columnList(table.columns()) + " FROM " + relation(table.name()) + ")"
                : relation(table.name()) + " (" + columnList(table.columns()) + ")";
        List<String[]> rows = copyRows(copy, source, table.columns());
        return rows.isEmpty() ? null : new RealRows.Table(table.name(), rows.size(), table.columns(),
                byColumn(rows, table.columns().size()));
    }

    /**
     * The rows COPY writes of {@code source} (a table with its columns, or a query), each value in its
     * {@code ::text} form, read row by row as the server sends them.
     */
    private static List<String[]> copyRows(CopyManager copy, String source, List<RealRows.Column> columns)
            throws SQLException {
        List<String[]> rows = new ArrayList<>();
        CopyOut out = copy.copyOut("COPY " + source + " TO STDOUT");
        try {
            for (byte[] line; (line = out.readFromCopy()) != null; ) {
                String[] row = CopyText.row(line, columns.size());
                for (int c = 0; c < row.length; c++) {
                    row[c] = castToText(columns.get(c), row[c]);
                }
                rows.add(row);
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy(); // failed midway: the connection must not stay in COPY mode
            }
        }
        return rows;
    }

    /**
     * A value as COPY writes it (the type's output function) turned into what {@code ::text} gives, the form the
     * rules compare and their messages quote. The cast differs from the output for three of the sampled types only.
     */
    private static String castToText(RealRows.Column column, String output) {
        if (output == null) {
            return null;
        }
        return switch (column.type()) {
            case "bool" -> output.equals("t") ? "true" : output.equals("f") ? "false" : output;
            case "bpchar" -> output.substring(0, lengthWithoutTrailingSpaces(output));
            case "inet" -> output.indexOf('/') >= 0 ? output : output + (output.indexOf(':') >= 0 ? "/128" : "/32");
            default -> output;
        };
    }

    /** bpchar's cast to text removes trailing spaces only (not tabs or newlines). */
    private static int lengthWithoutTrailingSpaces(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static String columnList(List<RealRows.Column> columns) {
        return String.join(", ", columns.stream().map(c -> Identifiers.alwaysQuote(c.name())).toList());
    }

    /** Rows of values turned into one array per column, as {@link TableSample} keeps them. */
    private static String[][] byColumn(List<String[]> rows, int columns) {
        String[][] values = new String[columns][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                values[c][r] = rows.get(r)[c];
            }
        }
        return values;
    }

    private static String relation(QualifiedName table) {
        return Identifiers.alwaysQuote(table.schema()) + "." + Identifiers.alwaysQuote(table.name());
    }

    /** A table too big to read whole: its row count, and a Bernoulli sample of at most {@code maxRows} of its rows. */
    private RealRows.Table sample(Connection connection, CopyManager copy, Sampled sampled) throws SQLException {
        String relation = relation(sampled.name());
        long total;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            total = rs.getLong(1);
        }
        if (total == 0) {
            return null;
        }
        String from = relation;
        if (total > maxRows) {
            double percent = Math.min(100.0, 100.0 * maxRows * 1.1 / total);
            from += String.format(Locale.ROOT, " TABLESAMPLE BERNOULLI (%.6f)", percent);
        }
        List<String[]> rows = copyRows(copy, "(SELECT " + columnList(sampled.columns()) + " FROM " + from
                + " LIMIT " + maxRows + ")", sampled.columns());
        return new RealRows.Table(sampled.name(), total, sampled.columns(), byColumn(rows, sampled.columns().size()));
    }
}
