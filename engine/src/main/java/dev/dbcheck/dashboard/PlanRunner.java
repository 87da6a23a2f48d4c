package dev.dbcheck.dashboard;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.sql.SqlStatement;
import org.postgresql.util.PSQLException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs dashboard queries under {@code EXPLAIN}. Each run is its own transaction, rolled back, so a query that
 * modifies data changes nothing. JIT is off and parallelism fixed so that plans are stable from build to build;
 * {@code work_mem} is the production value; a statement timeout cancels a query that runs too long.
 */
public final class PlanRunner {

    private final DashboardConfig config;

    public PlanRunner(DashboardConfig config) {
        this.config = config;
    }

    /** Full mode: EXPLAIN (ANALYZE, BUFFERS) {@code runs} times; the plan of the median run is kept. */
    public QueryResult analyze(Connection connection, DashboardQuery query) throws DbcheckException {
        List<PlanParser.Plan> plans = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.runs()); i++) {
            // VERBOSE: scan nodes name the schema of their relation.
            PlanParser.Plan plan = explain(connection, query, "ANALYZE, BUFFERS, VERBOSE, FORMAT JSON", false);
            if (plan == null) {
                return new QueryResult(query, null, List.of(), true);
            }
            plans.add(plan);
        }
        List<Double> times = plans.stream().map(p -> p.executionTimeMs() == null ? 0 : p.executionTimeMs()).toList();
        List<PlanParser.Plan> byTime = new ArrayList<>(plans);
        byTime.sort(Comparator.comparing(p -> p.executionTimeMs() == null ? 0 : p.executionTimeMs()));
        return new QueryResult(query, byTime.get(byTime.size() / 2), times, false);
    }

    /**
     * Fast mode: the plan with sequential scans disabled, without running the query: a sequential scan that remains
     * means no index can serve that access.
     */
    public QueryResult withoutSequentialScans(Connection connection, DashboardQuery query) throws DbcheckException {
        PlanParser.Plan plan = explain(connection, query, "VERBOSE, FORMAT JSON", true);
        return new QueryResult(query, plan, List.of(), plan == null);
    }

    private PlanParser.Plan explain(Connection connection, DashboardQuery query, String options, boolean noSeqScan)
            throws DbcheckException {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL jit = off");
                s.execute("SET LOCAL work_mem = '" + config.workMem().replace("'", "") + "'");
                s.execute("SET LOCAL max_parallel_workers_per_gather = " + config.parallelWorkers());
                s.execute("SET LOCAL statement_timeout = " + config.queryTimeout().toMillis());
                if (noSeqScan) {
                    s.execute("SET LOCAL enable_seqscan = off");
                }
                try (ResultSet rs = s.executeQuery("EXPLAIN (" + options + ") " + query.sql())) {
                    StringBuilder json = new StringBuilder();
                    while (rs.next()) {
                        json.append(rs.getString(1));
                    }
                    return PlanParser.parse(json.toString());
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (PSQLException e) {
            if ("57014".equals(e.getSQLState())) {
                return null; // cancelled by statement_timeout
            }
            int line = query.firstLine();
            if (e.getServerErrorMessage() != null && e.getServerErrorMessage().getPosition() > 0) {
                int offset = "EXPLAIN (".length() + options.length() + ") ".length();
                line = new SqlStatement(query.sql(), query.firstLine(), 0, 0, List.of(), List.of())
                        .lineOfPosition(e.getServerErrorMessage().getPosition() - offset);
            }
            String message = e.getServerErrorMessage() != null ? e.getServerErrorMessage().getMessage() : e.getMessage();
            java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\$\\d+").matcher(query.sql());
            if (message.contains("bind message supplies") || "42P02".equals(e.getSQLState())) {
                throw new DbcheckException(query.file() + ":" + query.firstLine() + ": the query has a parameter ("
                        + (parameter.find() ? parameter.group() : "$n") + "); dashboard queries run as written, so "
                        + "put a typical value in its place (dashboard query " + query.name() + ")", e);
            }
            throw new DbcheckException(query.file() + ":" + line + ": ERROR: " + message + " (dashboard query "
                    + query.name() + ")", e);
        } catch (SQLException | IOException e) {
            throw new DbcheckException(query.file() + ":" + query.firstLine() + ": cannot explain dashboard query "
                    + query.name() + ": " + e.getMessage(), e);
        }
    }
}
