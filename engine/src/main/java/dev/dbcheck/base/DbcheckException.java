package dev.dbcheck.base;

/**
 * A problem the user can fix: a broken migration, a bad configuration value, an unreachable server. Its message
 * is complete and readable on its own; front ends print it without a stack trace.
 */
public class DbcheckException extends Exception {

    public DbcheckException(String message) {
        super(message);
    }

    public DbcheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
