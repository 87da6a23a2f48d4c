package dev.dbcheck.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A query a dashboard runs, as declared in a {@code .sql} file or in the pom.
 *
 * @param name            how reports call it
 * @param file            the display path of its file, or "pom.xml"
 * @param firstLine       the file line of the query's first token
 * @param sql             the query with each parameter's expression in its place (what is checked before the
 *                        load); {@link #withValues} puts the evaluated values there instead
 * @param budget          the time budget (median execution), or null for the default
 * @param allowedSeqScans tables it may read sequentially, with the reason
 * @param expectedIndexes indexes it is expected to use
 * @param template        the query as written, its parameters as {@code $n}
 * @param parameters      the declared sample values ({@code -- param $1 = ...})
 */
public record DashboardQuery(String name, String file, int firstLine, String sql, Duration budget,
                             Map<String, String> allowedSeqScans, List<String> expectedIndexes, String template,
                             List<Parameter> parameters) {

    public DashboardQuery {
        allowedSeqScans = Map.copyOf(allowedSeqScans);
        expectedIndexes = List.copyOf(expectedIndexes);
        parameters = List.copyOf(parameters);
    }

    /** A query without parameters. */
    public DashboardQuery(String name, String file, int firstLine, String sql, Duration budget,
                          Map<String, String> allowedSeqScans, List<String> expectedIndexes) {
        this(name, file, firstLine, sql, budget, allowedSeqScans, expectedIndexes, sql, List.of());
    }

    /**
     * A declared parameter value.
     *
     * @param number     its {@code $n}
     * @param expression the SQL that gives its sample value ({@code (SELECT id FROM users LIMIT 1)})
     * @param line       the file line of its {@code -- param} directive
     */
    public record Parameter(int number, String expression, int line) {
    }

    /**
     * The query with these literals ({@code '42'::bigint}) in place of its parameters, as a client's bound
     * parameters are: the planner sees values, and nothing of the expressions that gave them.
     */
    public DashboardQuery withValues(Map<Integer, String> literals) {
        return new DashboardQuery(name, file, firstLine, QueryFiles.substitute(template, literals), budget,
                allowedSeqScans, expectedIndexes, template, parameters);
    }
}
