package dev.dbcheck.sample;

import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the real rows of every table that has any (tables whose heap is empty are skipped without a query), up to
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
        java.util.Set<String> withPages = tablesWithPages(connection, schema);
        for (Table table : schema.tables()) {
            if (table.kind() != TableKind.TABLE || !withPages.contains(relation(table))) {
                continue; // partitions are tables too; partitioned parents and views hold no rows of their own
            }
            List<Column> columns = table.columns().stream()
                    .filter(c -> !c.array() && (SAMPLED_TYPES.contains(c.typeName())
                            || c.typeKind() == Column.TypeKind.ENUM)).toList();
            if (columns.isEmpty()) {
                continue;
            }
            TableSample sample = sample(connection, table, columns);
            if (sample != null) {
                samples.put(table.name(), sample);
            }
        }
        return new SampledData(samples);
    }

    private static String relation(Table table) {
        return Identifiers.alwaysQuote(table.schema()) + "." + Identifiers.alwaysQuote(table.name().name());
    }

    /**
     * The tables whose heap has pages, in one query: a table without any holds no rows, and asking each of
     * thousands of empty tables for count(*) was most of the rules phase on large schemas (docs/benchmarks.md).
     * The table size in the snapshot cannot tell: it counts the TOAST index, which has a page when empty.
     */
    private static java.util.Set<String> tablesWithPages(Connection connection, SchemaSnapshot schema)
            throws SQLException {
        List<String> candidates = schema.tables().stream()
                .filter(t -> t.kind() == TableKind.TABLE && t.sizeBytes() > 0).map(DataSampler::relation).toList();
        java.util.Set<String> result = new java.util.HashSet<>();
        if (candidates.isEmpty()) {
            return result;
        }
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT r FROM unnest(?::text[]) r WHERE pg_relation_size(r::regclass) > 0")) {
            ps.setArray(1, connection.createArrayOf("text", candidates.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private TableSample sample(Connection connection, Table table, List<Column> columns) throws SQLException {
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
        List<String> selects = new ArrayList<>();
        for (Column c : columns) {
            selects.add(Identifiers.alwaysQuote(c.name()) + "::text");
        }
        String from = relation;
        if (total > maxRows) {
            double percent = Math.min(100.0, 100.0 * maxRows * 1.1 / total);
            from += String.format(Locale.ROOT, " TABLESAMPLE BERNOULLI (%.6f)", percent);
        }
        String sql = "SELECT " + String.join(", ", selects) + " FROM " + from + " LIMIT " + maxRows;
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(10_000);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // a cursor: the sample is streamed, not held twice
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String[] row = new String[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        String[][] values = new String[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                values[c][r] = rows.get(r)[c];
            }
        }
        return new TableSample(table, total, columns, values);
    }
}
