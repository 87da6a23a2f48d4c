package dev.dbcheck.dashboard;

import dev.dbcheck.dashboard.generator.ColumnSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dashboard checks: which queries, on how much synthetic data, under which server settings.
 *
 * @param directory      the folder of .sql query files; null when there is none
 * @param queries        queries declared in the pom
 * @param volumes        rows per table ({@code orders} or {@code shop.orders})
 * @param defaultRows    rows for tables not named in {@code volumes} (tables with rows from the migrations keep them)
 * @param columns        per-column distributions
 * @param loadFraction   share of the declared volumes to load (index sizes are extrapolated to the full volumes)
 * @param workMem        {@code work_mem} for the queries, the production value
 * @param parallelWorkers {@code max_parallel_workers_per_gather}, fixed so that plans are stable
 * @param runs           how many times each query runs; its time is the median
 * @param queryTimeout   when a query is cancelled
 * @param mode           full: data and EXPLAIN ANALYZE; fast: no data, EXPLAIN with sequential scans disabled
 */
public record DashboardConfig(Path directory, List<DashboardQuery> queries, Map<String, Long> volumes,
                              long defaultRows, List<ColumnSpec> columns, double loadFraction, String workMem,
                              int parallelWorkers, int runs, Duration queryTimeout, Mode mode) {

    public DashboardConfig {
        queries = List.copyOf(queries);
        volumes = Map.copyOf(volumes);
        columns = List.copyOf(columns);
    }

    public enum Mode { FULL, FAST }

    /** Rows declared for a table, or null when it is not named. */
    public Long volumeOf(String schema, String table) {
        Long qualified = volumes.get(schema + "." + table);
        return qualified != null ? qualified : volumes.get(table);
    }
}
