package dev.dbcheck.report;

/**
 * A run that ended in an error before it had a result (a migration failed, the data could not be generated, the
 * server went away): its reports say so, so that a CI step that reads them shows the failure instead of the last
 * successful run's findings — or nothing.
 *
 * @param message the error as the build prints it ({@code db/migration/V3__x.sql:12: ERROR: ...})
 * @param phase   the phase that failed ({@code migrations}, {@code data load}), or null
 */
public record FailedRun(String message, String phase) {

    /** A name for the JUnit test case and the SARIF notification: {@code dbcheck failed in the data load}. */
    public String title() {
        return "dbcheck failed" + (phase == null ? "" : " in the " + phase + " phase");
    }
}
