package dev.dbcheck.synthetic;

import java.util.List;
import java.util.Map;

/**
 * The synthetic data a run declares: how many rows each table gets and how its columns are distributed. One
 * declaration serves every stage that needs rows at volume.
 *
 * @param volumes      rows per table ({@code orders} or {@code shop.orders})
 * @param defaultRows  rows for tables not named in {@code volumes} (tables with rows from the migrations keep them)
 * @param columns      per-column distributions
 * @param loadFraction share of the declared volumes to load (sizes are extrapolated to the full volumes)
 */
public record DataSpec(Map<String, Long> volumes, long defaultRows, List<ColumnSpec> columns, double loadFraction) {

    public DataSpec {
        volumes = Map.copyOf(volumes);
        columns = List.copyOf(columns);
    }

    /** Rows declared for a table, or null when it is not named. */
    public Long volumeOf(String schema, String table) {
        Long qualified = volumes.get(schema + "." + table);
        return qualified != null ? qualified : volumes.get(table);
    }
}
