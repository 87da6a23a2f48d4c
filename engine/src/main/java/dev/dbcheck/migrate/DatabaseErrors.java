package dev.dbcheck.migrate;

import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a JDBC error into PostgreSQL's own words: {@code ERROR: relation "x" does not exist}. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static String message(SQLException e) {
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

    /**
     * What to add to the message of a statement stopped for running too long: {@code statement_timeout} cancels
     * with "statement timeout", the watchdog ({@code StatementWatchdog}) with "user request", or it terminates
     * the session when the statement did not stop.
     */
    static String timeoutNote(SQLException e, java.time.Duration limit) {
        if (e == null || limit == null) {
            return "";
        }
        String limitText = dev.dbcheck.base.ConfigValues.formatDuration(limit);
        if ("57014".equals(e.getSQLState())) {
            return " (the statement ran longer than migrationTimeout, " + limitText + ")";
        }
        if ("57P01".equals(e.getSQLState())) {
            return " (the statement ran longer than migrationTimeout, " + limitText + ", and did not stop when "
                    + "cancelled: its session was terminated)";
        }
        return "";
    }

    /** The 1-based error position within the statement, or 0 when PostgreSQL gave none. */
    static int position(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getPosition();
        }
        return 0;
    }

    private static final Pattern QUOTED_NAME = Pattern.compile("\"([^\"]+)\"");

    /**
     * The file line of the error: the line of the offending token when PostgreSQL gives its position (syntax
     * errors); else the line where the first name quoted in the message ({@code relation "shops" does not exist})
     * appears in the statement; else the statement's first line.
     */
    static int line(String statementText, int startLine, SQLException e) {
        int position = position(e);
        if (position > 0) {
            return new SqlStatement(statementText, startLine, 0, startLine, List.of(), List.of())
                    .lineOfPosition(position);
        }
        String serverMessage = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage() : null;
        if (serverMessage == null) {
            return startLine;
        }
        List<SqlToken> tokens = SqlScanner.tokenize(statementText);
        Matcher names = QUOTED_NAME.matcher(serverMessage);
        while (names.find()) {
            String name = names.group(1);
            String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            for (SqlToken token : tokens) {
                if (token.isIdentifier() && token.value().equals(last)) {
                    return startLine + token.line() - 1;
                }
            }
        }
        return startLine;
    }

    /** The file line of a statement's error (see the other {@code line}). */
    public static int line(SqlStatement statement, SQLException e) {
        return line(statement.text(), statement.startLine(), e);
    }
}
