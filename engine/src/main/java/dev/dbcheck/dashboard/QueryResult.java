package dev.dbcheck.dashboard;

import java.util.List;

/**
 * What running one dashboard query showed.
 *
 * @param query     the query
 * @param plan      the plan of the median run (full mode), or the plan with sequential scans disabled (fast mode)
 * @param timesMs   execution time of each run, in milliseconds (empty in fast mode)
 * @param timedOut  true when the query was cancelled at the query timeout
 */
public record QueryResult(DashboardQuery query, PlanParser.Plan plan, List<Double> timesMs, boolean timedOut) {

    public QueryResult {
        timesMs = List.copyOf(timesMs);
    }

    /** The median execution time, or null in fast mode or after a timeout. */
    public Double medianMs() {
        if (timesMs.isEmpty()) {
            return null;
        }
        List<Double> sorted = timesMs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
