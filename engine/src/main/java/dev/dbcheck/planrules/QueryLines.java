package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;

/** Where in a query file a finding belongs: the line naming the table, else the query's first line. */
final class QueryLines {

    private QueryLines() {
    }

    static SourcePosition of(DashboardQuery query, String... names) {
        for (SqlToken token : SqlScanner.tokenize(query.sql())) {
            for (String name : names) {
                if (name != null && token.isIdentifier() && token.value().equalsIgnoreCase(name)) {
                    return new SourcePosition(query.file(), query.firstLine() + token.line() - 1);
                }
            }
        }
        return new SourcePosition(query.file(), query.firstLine());
    }
}
