package dev.dbcheck.dashboard;

import dev.dbcheck.synthetic.DataSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The dashboard checks: which queries, on how much synthetic data, under which server settings.
 *
 * @param directory      the folder of .sql query files; null when there is none
 * @param queries        queries declared in the pom
 * @param data           the synthetic data the queries run on
 * @param workMem        {@code work_mem} for the queries, the production value
 * @param parallelWorkers {@code max_parallel_workers_per_gather}, fixed so that plans are stable
 * @param runs           how many times each query runs; its time is the median
 * @param queryTimeout   when a query is cancelled
 * @param mode           full: data and EXPLAIN ANALYZE; fast: no data, EXPLAIN with sequential scans disabled
 */
public record DashboardConfig(Path directory, List<DashboardQuery> queries, DataSpec data, String workMem,
                              int parallelWorkers, int runs, Duration queryTimeout, Mode mode) {

    public DashboardConfig {
        queries = List.copyOf(queries);
    }

    public enum Mode { FULL, FAST }
}
