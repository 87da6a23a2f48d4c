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

    /**
     * Full mode: EXPLAIN (ANALYZE, BUFFERS) {@code runs} times; the plan of the median run is kept. Parameters are
     * evaluated once, on the loaded data, and bound as values: a {@code (SELECT id FROM users LIMIT 1)} gives a
     * sample value and is not part of the plan that is judged.
     */
    public QueryResult analyze(Connection connection, DashboardQuery declared) throws DbcheckException {
        DashboardQuery query = declared.parameters().isEmpty() ? declared
                : declared.withValues(literals(connection, declared, false));
        List<PlanParser.Plan> plans = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.runs()); i++) {
            // VERBOSE: scan nodes name the schema of their relation.
            PlanParser.Plan plan = explain(connection, query, "ANALYZE, BUFFERS, VERBOSE, FORMAT JSON", false,
                    java.util.Map.of());
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
    public QueryResult withoutSequentialScans(Connection connection, DashboardQuery declared) throws DbcheckException {
        // without data a parameter has no sample value (a subquery gives NULL, and "= NULL" plans no scan at all):
        // the parameters stay parameters, typed as their expressions, and the plan is the generic one a client's
        // prepared statement gets
        java.util.Map<Integer, String> types = declared.parameters().isEmpty() ? java.util.Map.of()
                : literals(connection, declared, true);
        PlanParser.Plan plan = explain(connection, declared, "VERBOSE, FORMAT JSON", true, types);
        DashboardQuery query = declared.withValues(java.util.Map.of()); // the query as planned: its $n as written
        return new QueryResult(query, plan, List.of(), plan == null);
    }

    /**
     * Each parameter's value as a typed literal ({@code E'42'::bigint}), its expression evaluated once; or, for a
     * generic plan, only its type ({@code bigint}).
     */
    private java.util.Map<Integer, String> literals(Connection connection, DashboardQuery query, boolean generic)
            throws DbcheckException {
        java.util.Map<Integer, String> literals = new java.util.HashMap<>();
        for (DashboardQuery.Parameter p : query.parameters()) {
            try {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = " + config.queryTimeout().toMillis());
                    try (ResultSet rs = s.executeQuery("SELECT v::text, pg_typeof(v)::text FROM (SELECT ("
                            + p.expression() + ") AS v) AS parameter")) {
                        rs.next();
                        String value = rs.getString(1);
                        String type = rs.getString(2);
                        literals.put(p.number(), generic ? type
                                : value == null ? "NULL::" + type : literal(value) + "::" + type);
                    }
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                String message = e instanceof PSQLException pe && pe.getServerErrorMessage() != null
                        ? pe.getServerErrorMessage().getMessage() : e.getMessage();
                throw new DbcheckException(query.file() + ":" + p.line() + ": parameter $" + p.number() + " = "
                        + p.expression() + ": ERROR: " + message + " (dashboard query " + query.name() + ")", e);
            }
        }
        return literals;
    }

    /** A string literal; an escape string only when the value holds a backslash or a line break. */
    private static String literal(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return "'" + value.replace("'", "''") + "'";
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r")
                + "'";
    }

    /** The prepared statement a generic plan is explained through; deallocated before the transaction ends. */
    private static final String GENERIC = "dbcheck_generic_plan";

    /**
     * @param genericTypes for a generic plan, the type of each parameter by number (the query is prepared with
     *                     them and its generic plan explained); empty to explain {@code query.sql()} itself
     */
    private PlanParser.Plan explain(Connection connection, DashboardQuery query, String options, boolean noSeqScan,
                                    java.util.Map<Integer, String> genericTypes) throws DbcheckException {
        boolean generic = !genericTypes.isEmpty();
        String prefix = "EXPLAIN (" + options + ") ";
        if (generic) {
            int last = genericTypes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<String> types = new ArrayList<>();
            for (int n = 1; n <= last; n++) {
                types.add(genericTypes.getOrDefault(n, "text")); // a number the query does not use
            }
            prefix = "PREPARE " + GENERIC + "(" + String.join(", ", types) + ") AS ";
        }
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
                String explained = prefix + query.template();
                if (generic) {
                    s.execute(explained);
                    s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    explained = "EXPLAIN (" + options + ") EXECUTE " + GENERIC + "(" + String.join(", ",
                            java.util.Collections.nCopies(genericTypes.keySet().stream().mapToInt(Integer::intValue)
                                    .max().orElse(0), "NULL")) + ")";
                } else {
                    explained = prefix + query.sql();
                }
                try (ResultSet rs = s.executeQuery(explained)) {
                    StringBuilder json = new StringBuilder();
                    while (rs.next()) {
                        json.append(rs.getString(1));
                    }
                    return PlanParser.parse(json.toString());
                }
            } finally {
                connection.rollback();
                if (generic) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("DEALLOCATE " + GENERIC); // a session's prepared statements outlive a rollback
                    } catch (SQLException ignored) {
                        // never prepared (the PREPARE failed)
                    }
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (PSQLException e) {
            if ("57014".equals(e.getSQLState())) {
                return null; // cancelled by statement_timeout
            }
            int line = query.firstLine();
            if (e.getServerErrorMessage() != null && e.getServerErrorMessage().getPosition() > 0) {
                int offset = prefix.length();
                line = new SqlStatement(generic ? query.template() : query.sql(), query.firstLine(), 0, 0, List.of(),
                        List.of())
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
