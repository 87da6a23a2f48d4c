package dev.dbcheck.advice;

import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.sql.QualifiedName;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The workload view of the index advice: the smallest set of measured indexes that makes the declared queries
 * pass, checked together on the loaded data, with each query's time before and after, the index budget after, and
 * the existing indexes no declared query used and no constraint needs.
 *
 * @param indexes     the advised indexes, in the order they were chosen
 * @param queries     every declared query, before and after the advised indexes
 * @param budgetAfter the index budget table with the advised indexes built
 * @param budgetMet   whether the index budget (index-budget-exceeded) holds with them
 * @param unneeded    existing indexes no declared query's plan used (after the advice) and no constraint needs
 * @param fastMode    true when checked by the planner only (fast mode: no data, so no times or sizes)
 * @param tried       the candidate indexes that were built and measured, in that order
 * @param candidates  how many candidates there were
 * @param took        the advice's time
 */
public record IndexAdvice(List<Advised> indexes, List<QueryChange> queries, List<DashboardResults.BudgetRow> budgetAfter,
                          boolean budgetMet, List<Unneeded> unneeded, boolean fastMode, List<IndexCandidate> tried,
                          int candidates, Duration took) {

    public IndexAdvice {
        indexes = List.copyOf(indexes);
        queries = List.copyOf(queries);
        budgetAfter = List.copyOf(budgetAfter);
        unneeded = List.copyOf(unneeded);
        tried = List.copyOf(tried);
    }

    /** How many candidates were built and measured. */
    public int measured() {
        return tried.size();
    }

    /**
     * One advised index.
     *
     * @param candidate     the index
     * @param bytesAtVolume its size projected to the declared volume (measured on the loaded data)
     * @param serves        the queries whose findings it removes
     * @param concurrently  whether its statement builds it without blocking writes (not for a partitioned table,
     *                      where PostgreSQL cannot)
     */
    public record Advised(IndexCandidate candidate, long bytesAtVolume, List<String> serves, boolean concurrently) {

        public Advised {
            serves = List.copyOf(serves);
        }

        public String definition() {
            return candidate.definition(concurrently);
        }
    }

    /**
     * @param beforeMs median before (null in fast mode or after a timeout)
     * @param afterMs  median with the advised indexes
     * @param passes   true when no plan finding the advice addresses remains on it
     */
    public record QueryChange(String query, Double beforeMs, Double afterMs, boolean passes) {
    }

    public record Unneeded(QualifiedName table, String index, long bytesAtVolume) {
    }

    public boolean allPass() {
        return queries.stream().allMatch(QueryChange::passes);
    }

    /** The advice as a migration, ready to copy as the project's next one: {@code target/dbcheck/advice.sql}. */
    public String migration() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- dbcheck index advice: ").append(indexes.size()).append(" index").append(indexes.size() == 1 ? ""
                : "es").append(fastMode ? ", checked by the planner (fast mode: no data loaded)"
                : ", built and measured together on synthetic data at the declared volumes").append(".\n");
        sql.append("-- Copy it as the next migration. CREATE INDEX CONCURRENTLY does not block writes but cannot run in "
                + "a transaction:\n-- Flyway runs such a script outside one; for Liquibase set runInTransaction:false.\n");
        sql.append("--\n-- ").append(String.format(Locale.ROOT, "%-32s %12s %12s", "query", "before", "after"))
                .append('\n');
        for (QueryChange q : queries) {
            sql.append("-- ").append(String.format(Locale.ROOT, "%-32s %12s %12s  %s", q.query(), ms(q.beforeMs()),
                    ms(q.afterMs()), q.passes() ? "passes" : "still fails")).append('\n');
        }
        if (!fastMode && !budgetAfter.isEmpty()) {
            long total = budgetAfter.stream().mapToLong(DashboardResults.BudgetRow::projectedIndexBytes).sum();
            sql.append("--\n-- Index budget after (projected to the declared volume): ")
                    .append(ConfigValues.formatSize(total)).append(" of indexes in all")
                    .append(budgetMet ? ", within the budget" : ", OVER the budget (index-budget-exceeded)").append('\n');
            for (DashboardResults.BudgetRow row : budgetAfter) {
                sql.append("-- ").append(String.format(Locale.ROOT, "%-32s %,14d rows  table %9s  %2d index%-2s %9s",
                        row.table(), Math.round(row.rows() * row.scale()),
                        ConfigValues.formatSize(row.projectedTableBytes()), row.indexCount(),
                        row.indexCount() == 1 ? "" : "es", ConfigValues.formatSize(row.projectedIndexBytes())))
                        .append('\n');
            }
        }
        for (Advised a : indexes) {
            sql.append("\n-- serves ").append(String.join(", ", a.serves()));
            if (!fastMode) {
                sql.append("; ").append(ConfigValues.formatSize(a.bytesAtVolume())).append(" at the declared volume");
            }
            if (!a.concurrently()) {
                sql.append("; a partitioned table: PostgreSQL builds its index without CONCURRENTLY only");
            }
            sql.append('\n').append(a.definition()).append('\n');
        }
        if (!unneeded.isEmpty()) {
            sql.append("\n-- Indexes no declared query used and no constraint needs: candidates to drop, once no other "
                    + "reader needs them.\n");
            for (Unneeded u : unneeded) {
                sql.append("-- DROP INDEX CONCURRENTLY ").append(new QualifiedName(u.table().schema(), u.index()))
                        .append(";").append(fastMode ? "" : "  -- " + ConfigValues.formatSize(u.bytesAtVolume()))
                        .append('\n');
            }
        }
        return sql.toString();
    }

    /** A time as the advice prints it: {@code 2.1 ms}, {@code 118 ms}, {@code -} when there is none. */
    public static String ms(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms < 1 ? String.format(Locale.ROOT, "%.2f ms", ms) : ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : String.format(Locale.ROOT, "%,.0f ms", ms);
    }
}
