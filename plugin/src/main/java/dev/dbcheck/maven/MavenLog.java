package dev.dbcheck.maven;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.Printable;
import org.apache.maven.plugin.logging.Log;

/**
 * The engine's log, written to Maven's. Every message is one line: a control character in it (from a name in the
 * project's SQL) is printed as an escape, so that nothing the SQL names can start a line of its own ({@link Printable}).
 */
final class MavenLog implements EngineLog {

    private final Log log;

    MavenLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(Printable.line(message));
    }

    @Override
    public void warn(String message) {
        log.warn(Printable.line(message));
    }

    @Override
    public void error(String message) {
        log.error(Printable.line(message));
    }

    @Override
    public void debug(String message) {
        log.debug(Printable.line(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
