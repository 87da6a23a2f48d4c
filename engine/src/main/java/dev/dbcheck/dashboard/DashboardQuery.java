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
 * @param sql             the query with its parameters bound
 * @param budget          the time budget (median execution), or null for the default
 * @param allowedSeqScans tables it may read sequentially, with the reason
 * @param expectedIndexes indexes it is expected to use
 */
public record DashboardQuery(String name, String file, int firstLine, String sql, Duration budget,
                             Map<String, String> allowedSeqScans, List<String> expectedIndexes) {

    public DashboardQuery {
        allowedSeqScans = Map.copyOf(allowedSeqScans);
        expectedIndexes = List.copyOf(expectedIndexes);
    }
}
