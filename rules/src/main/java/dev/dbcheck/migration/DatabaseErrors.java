package dev.dbcheck.migration;

import dev.dbcheck.sql.SqlStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Turns a JDBC error into PostgreSQL's own words: {@code ERROR: relation "x" does not exist}. */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static String message(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            StringBuilder text = new StringBuilder();
            text.append(m.getSeverity() != null ? m.getSeverity() : "ERROR").append(": ").append(m.getMessage());
            if (m.getDetail() != null) {
                text.append(" (DETAIL: ").append(m.getDetail()).append(')');
            }
            if (m.getHint() != null) {
                text.append(" (HINT: ").append(m.getHint()).append(')');
            }
            return text.toString();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith("ERROR") ? message : "ERROR: " + message;
    }

    /** The 1-based error position within the statement, or 0 when PostgreSQL gave none. */
    static int position(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getPosition();
        }
        return 0;
    }

    /** The file line of the error: the statement's line, moved to the offending token when PostgreSQL says where. */
    static int line(SqlStatement statement, SQLException e) {
        int position = position(e);
        return position > 0 ? statement.lineOfPosition(position) : statement.startLine();
    }
}
