package dev.dbcheck.migrate;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.SourcePosition;

/** A migration that failed, with the file and line of the statement PostgreSQL rejected. */
public class MigrationException extends DbcheckException {

    private final SourcePosition position;
    private final String databaseMessage;

    public MigrationException(SourcePosition position, String databaseMessage, Throwable cause) {
        super((position != null ? position + ": " : "") + databaseMessage, cause);
        this.position = position;
        this.databaseMessage = databaseMessage;
    }

    /** The same failure, the database's words replaced by a better explanation. */
    public MigrationException withMessage(String message) {
        return new MigrationException(position, message, this);
    }

    /** The database's words, without the position. */
    public String databaseMessage() {
        return databaseMessage;
    }

    /** The SQLSTATE of the database error behind it, or null. */
    public String sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    /** Where it failed, or null when the failure is not tied to a line (a duplicate version, say). */
    public SourcePosition position() {
        return position;
    }
}
