package dev.dbcheck.migrate;

import dev.dbcheck.base.EngineLog;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Sends Flyway's own log lines to the engine log of the run on the current thread, at debug level (dbcheck
 * prints its own summary), and warnings as warnings. Flyway instantiates this class by name from its
 * {@code loggers} setting; the thread binding keeps parallel builds ({@code -T 2}) apart.
 */
public final class FlywayLogBridge implements LogCreator {

    private static final ThreadLocal<EngineLog> CURRENT = new ThreadLocal<>();

    static void bind(EngineLog log) {
        CURRENT.set(log);
    }

    static void unbind() {
        CURRENT.remove();
    }

    /** Flyway's debug lines quote the migrations' SQL, line breaks and all: each becomes one line. */
    private static String line(String message) {
        return dev.dbcheck.base.Printable.line("[flyway] " + message);
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Log() {
            private EngineLog target() {
                EngineLog log = CURRENT.get();
                return log != null ? log : EngineLog.SILENT;
            }

            @Override
            public void debug(String message) {
                target().debug(line(message));
            }

            @Override
            public void info(String message) {
                target().debug(line(message));
            }

            @Override
            public void warn(String message) {
                target().warn(line(message));
            }

            @Override
            public void error(String message) {
                target().debug(line(message));
            }

            @Override
            public void error(String message, Exception e) {
                target().debug(line(message + ": " + e));
            }

            @Override
            public void notice(String message) {
                target().debug(line(message));
            }
        };
    }
}
