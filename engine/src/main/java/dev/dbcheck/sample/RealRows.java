package dev.dbcheck.sample;

import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.sql.QualifiedName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@link DataSampler#read} found, by table and column name, before a snapshot gives them their tables:
 * what lets the rows be read while the snapshot is.
 */
public final class RealRows {

    /** A column read, with its type as the catalog names it (a domain's base type) and whether it is generated. */
    record Column(String name, String type, boolean generated) {
    }

    /**
     * @param totalRows the table's row count
     * @param values    values by column, then by row; null for SQL NULL
     */
    record Table(QualifiedName name, long totalRows, List<Column> columns, String[][] values) {
    }

    private final Map<QualifiedName, Table> tables = new HashMap<>();

    RealRows(List<Table> tables) {
        tables.forEach(t -> this.tables.put(t.name(), t));
    }

    /** How many tables had rows. */
    public int size() {
        return tables.size();
    }

    /**
     * The rows as the rules read them: for each table of the snapshot that has rows, in the snapshot's order, the
     * snapshot's columns that were read (a table the snapshot leaves out, such as the migration tool's, is
     * dropped here).
     */
    public SampledData bind(SchemaSnapshot schema) {
        Map<QualifiedName, TableSample> bound = new LinkedHashMap<>();
        for (dev.dbcheck.schema.Table table : schema.tables()) {
            Table read = tables.get(table.name());
            if (read == null) {
                continue;
            }
            Map<String, Integer> readColumns = new HashMap<>();
            for (int c = 0; c < read.columns().size(); c++) {
                readColumns.put(read.columns().get(c).name(), c);
            }
            List<dev.dbcheck.schema.Column> columns = new ArrayList<>();
            List<String[]> values = new ArrayList<>();
            for (dev.dbcheck.schema.Column column : table.columns()) {
                Integer at = readColumns.get(column.name());
                if (at != null && DataSampler.isSampled(column)) {
                    columns.add(column);
                    values.add(read.values()[at]);
                }
            }
            if (!columns.isEmpty()) {
                bound.put(table.name(), new TableSample(table, read.totalRows(), columns,
                        values.toArray(String[][]::new)));
            }
        }
        return new SampledData(bound);
    }
}
