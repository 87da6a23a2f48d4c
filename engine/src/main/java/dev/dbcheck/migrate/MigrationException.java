package dev.dbcheck.migrate;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.SourcePosition;

/** A migration that failed, with the file and line of the statement PostgreSQL rejected. */
public class MigrationException extends DbcheckException {

    private final SourcePosition position;

    public MigrationException(SourcePosition position, String databaseMessage, Throwable cause) {
        super((position != null ? position + ": " : "") + databaseMessage, cause);
        this.position = position;
    }

    /** Where it failed, or null when the failure is not tied to a line (a duplicate version, say). */
    public SourcePosition position() {
        return position;
    }
}
