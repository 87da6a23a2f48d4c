package dev.dbcheck.sample;

import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the real rows of every table that has any (tables whose heap has no pages are skipped without a query), up to
 * {@code maxRows} per table: all of them when they fit, else a Bernoulli sample. Only comparable scalar columns are
 * read, as text. Runs before any synthetic data is loaded: generated rows prove nothing about dependencies.
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

    public SampledData sample(Connection connection, SchemaSnapshot schema) throws SQLException {
        Map<dev.dbcheck.sql.QualifiedName, TableSample> samples = new LinkedHashMap<>();
        List<Sampled> small = new ArrayList<>();
        List<Sampled> candidates = schema.tables().stream().filter(t -> t.kind() == TableKind.TABLE)
                .map(t -> new Sampled(t, sampledColumns(t))).filter(c -> !c.columns().isEmpty()).toList();
        Map<dev.dbcheck.sql.QualifiedName, Long> heapBytes = heapSizes(connection, candidates);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Sampled candidate : candidates) {
            Table table = candidate.table();
            // A table without heap pages holds no rows and costs no query (asking each of thousands of empty tables
            // for count(*) was most of the rules phase on large schemas). Partitions are tables too; partitioned
            // parents and views hold no rows of their own.
            long size = heapBytes.getOrDefault(table.name(), 0L);
            if (size == 0) {
                continue;
            }
            if ((size + 8191) / 8192 * ROWS_PER_8_KB_AT_MOST <= maxRows) {
                small.add(candidate); // all its rows fit in a sample, however small they are
                continue;
            }
            TableSample sample = sample(connection, copy, candidate);
            if (sample != null) {
                samples.put(table.name(), sample);
            }
        }
        for (Sampled table : small) {
            TableSample sample = readWhole(copy, table);
            if (sample != null) {
                samples.put(table.table().name(), sample);
            }
        }
        // in the schema's order, whichever way each was read
        Map<dev.dbcheck.sql.QualifiedName, TableSample> ordered = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            TableSample sample = samples.get(table.name());
            if (sample != null) {
                ordered.put(table.name(), sample);
            }
        }
        return new SampledData(ordered);
    }

    /**
     * Each table's heap size now, in one query (the snapshot's {@code relpages} is 0 until something counted the
     * pages, and seed rows inserted by a migration are not counted): this runs beside the rules, so opening every
     * table here costs the snapshot nothing.
     */
    private static Map<dev.dbcheck.sql.QualifiedName, Long> heapSizes(Connection connection, List<Sampled> tables)
            throws SQLException {
        Map<dev.dbcheck.sql.QualifiedName, Long> sizes = new HashMap<>();
        if (tables.isEmpty()) {
            return sizes;
        }
        String[] names = tables.stream().map(t -> relation(t.table())).toArray(String[]::new);
        try (PreparedStatement ps = connection.prepareStatement("SELECT n, pg_relation_size(n::regclass) "
                + "FROM unnest(?::text[]) WITH ORDINALITY AS u(n, i) ORDER BY i")) {
            ps.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                int t = 0;
                while (rs.next()) {
                    sizes.put(tables.get(t++).table().name(), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    /**
     * The most heap tuples 8 kB of heap can hold (MaxHeapTuplesPerPage of an 8 kB page, which grows with the block
     * size): bounds a table's rows by its heap's size.
     */
    private static final long ROWS_PER_8_KB_AT_MOST = 291;

    /** A table with the columns read of it. */
    private record Sampled(Table table, List<Column> columns) {
    }

    private static List<Column> sampledColumns(Table table) {
        return table.columns().stream().filter(c -> !c.array() && (SAMPLED_TYPES.contains(c.typeName())
                || c.typeKind() == Column.TypeKind.ENUM)).toList();
    }

    /**
     * A small table's rows, all of them, by COPY: a COPY of a table reads its heap without the planner, which in
     * a new session looked up every table's indexes and column statistics and was most of the sampling's time
     * (500 tables of 30 rows: 95 ms as queries, 37 ms as COPYs). Generated columns cannot be named in a table's
     * COPY, so a table with one is copied through a query.
     */
    private static TableSample readWhole(CopyManager copy, Sampled table) throws SQLException {
        String source = table.columns().stream().anyMatch(Column::generated)
                ? "(SELECT " + columnList(table.columns()) + " FROM " + relation(table.table()) + ")"
                : relation(table.table()) + " (" + columnList(table.columns()) + ")";
        List<String[]> rows = copyRows(copy, source, table.columns());
        return rows.isEmpty() ? null : new TableSample(table.table(), rows.size(), table.columns(),
                byColumn(rows, table.columns().size()));
    }

    /**
     * The rows COPY writes of {@code source} (a table with its columns, or a query), each value in its
     * {@code ::text} form, read row by row as the server sends them.
     */
    private static List<String[]> copyRows(CopyManager copy, String source, List<Column> columns)
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
    private static String castToText(Column column, String output) {
        if (output == null) {
            return null;
        }
        return switch (column.typeName()) {
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

    private static String columnList(List<Column> columns) {
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

    private static String relation(Table table) {
        return Identifiers.alwaysQuote(table.schema()) + "." + Identifiers.alwaysQuote(table.name().name());
    }

    /** A table too big to read whole: its row count, and a Bernoulli sample of at most {@code maxRows} of its rows. */
    private TableSample sample(Connection connection, CopyManager copy, Sampled sampled) throws SQLException {
        Table table = sampled.table();
        String relation = relation(table);
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
        return new TableSample(table, total, sampled.columns(), byColumn(rows, sampled.columns().size()));
    }
}
