package dev.dbcheck.sample;

import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real rows of one table, or a random sample of them: the evidence for dependencies between columns. Values are
 * kept as text, column by column, and dictionary-encoded on demand so that grouping is a pass over int arrays.
 */
public final class TableSample {

    private final Table table;
    private final long totalRows;
    private final List<Column> columns;
    private final String[][] values;
    private final int[][] codes;
    private final int[] distinct;
    /** Codes run from 1 to the dictionary's size (0 is NULL): one more than the highest code. */
    private final int[] space;

    /**
     * @param totalRows the table's row count
     * @param columns   the sampled columns
     * @param values    values by column, then by row; null for SQL NULL
     */
    public TableSample(Table table, long totalRows, List<Column> columns, String[][] values) {
        this.table = table;
        this.totalRows = totalRows;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.codes = new int[columns.size()][];
        this.distinct = new int[columns.size()];
        this.space = new int[columns.size()];
    }

    public Table table() {
        return table;
    }

    public long totalRows() {
        return totalRows;
    }

    public int sampledRows() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public boolean isComplete() {
        return sampledRows() >= totalRows;
    }

    public List<Column> columns() {
        return columns;
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public String value(int column, int row) {
        return values[column][row];
    }

    /** Dictionary codes of a column: equal values get equal codes, NULL is code 0 (a value of its own). */
    public int[] codes(int column) {
        if (codes[column] == null) {
            String[] col = values[column];
            // sized for every value distinct: growing the table as it fills was a fifth of the encoding
            Map<String, Integer> dictionary = new HashMap<>((int) (col.length / 0.75f) + 1);
            int[] out = new int[col.length];
            int next = 1;
            boolean anyNull = false;
            for (int r = 0; r < col.length; r++) {
                String value = col[r];
                if (value == null) {
                    anyNull = true;
                    continue; // code 0
                }
                Integer known = dictionary.putIfAbsent(value, next);
                out[r] = known == null ? next++ : known;
            }
            codes[column] = out;
            distinct[column] = next - 1 + (anyNull ? 1 : 0);
            space[column] = next;
        }
        return codes[column];
    }

    /** How many different values (NULL counting as one) the column has in the sample. */
    public int distinct(int column) {
        codes(column);
        return distinct[column];
    }

    /** The number of codes a column can take, for sizing arrays indexed by code. */
    public int codeSpace(int column) {
        codes(column);
        return space[column];
    }
}
