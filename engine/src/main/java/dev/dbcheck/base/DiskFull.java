package dev.dbcheck.base;

import java.sql.SQLException;

/**
 * Running out of disk, whoever noticed it: PostgreSQL (SQLSTATE 53100, disk_full), or the file system under a copy,
 * initdb or a report (ENOSPC). The provider that starts the server and the run that loads data both say it as
 * such instead of the error it caused.
 */
public final class DiskFull {

    private DiskFull() {
    }

    /** Whether a failure, or anything in its cause chain, is a full disk. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
