package dev.dbcheck.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <dashboards>} element: where the dashboard queries are, the volumes to generate and how to run them.
 * <pre>{@code
 * <dashboards>
 *   <directory>src/main/dashboards</directory>
 *   <volumes><orders>1000000</orders><order_items>3000000</order_items></volumes>
 *   <defaultRows>1000</defaultRows>
 *   <columns>
 *     <column><name>orders.status</name><values>paid:70, shipped:25, cancelled:5</values></column>
 *   </columns>
 *   <workMem>4MB</workMem>
 *   <queries>
 *     <query><name>open_orders</name><sql>SELECT ...</sql><budget>500ms</budget></query>
 *   </queries>
 * </dashboards>
 * }</pre>
 */
public class DashboardsConfiguration {

    /** Folder of .sql files, one query each; default src/main/dashboards (used when it exists). */
    File directory;
    /** Queries declared in the pom, beside the folder's. */
    List<QueryConfiguration> queries = new ArrayList<>();
    /** Rows per table at the declared volume: {@code <orders>1000000</orders>}, 1M and 50k are accepted. */
    Map<String, String> volumes = new LinkedHashMap<>();
    /** Rows for tables not named in volumes; default 1000. */
    String defaultRows;
    /** Per-column distributions overriding what names and types suggest. */
    List<ColumnConfiguration> columns = new ArrayList<>();
    /** Share of the declared volumes to load (0 to 1]; sizes are projected to the full volume. Default 1. */
    String loadFraction;
    /** work_mem for the queries: the production value. Default 4MB. */
    String workMem;
    /** max_parallel_workers_per_gather, fixed so plans are stable. Default 2. */
    String parallelWorkers;
    /** Runs per query; the median time counts. Default 3. */
    String runs;
    /** A run taking longer is cancelled and reported. Default 5m. */
    String queryTimeout;
    /** full (synthetic data, EXPLAIN ANALYZE) or fast (no data, enable_seqscan off). Default full. */
    String mode;

    public DashboardsConfiguration() {
    }

    /** One {@code <query>}. */
    public static class QueryConfiguration {
        String name;
        String sql;
        /** Median execution time allowed, e.g. 500ms or 2s. */
        String budget;
        /** Tables this query may scan sequentially, each with the reason: {@code <orders>reads all</orders>}. */
        Map<String, String> allowSeqScans = new LinkedHashMap<>();
        /** Indexes the plan must use. */
        List<String> expectIndexes = new ArrayList<>();

        public QueryConfiguration() {
        }
    }

    /** One {@code <column>}: {@code table.column} and its distribution. */
    public static class ColumnConfiguration {
        /** table.column or schema.table.column. */
        String name;
        /** Number of distinct values. */
        String distinct;
        /** Share of NULLs, 0 to 1. */
        String nullFraction;
        /** uniform or zipf. */
        String skew;
        /** Smallest value (numbers, dates, timestamps). */
        String min;
        /** Largest value. */
        String max;
        /** Values with optional weights: {@code paid:70, shipped:25, cancelled:5}. */
        String values;
        /** A JSON shape for jsonb columns; string arrays with weights pick one value per row. */
        String json;

        public ColumnConfiguration() {
        }
    }
}
