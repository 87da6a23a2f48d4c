package dev.dbcheck.testing;

import dev.dbcheck.base.EngineLog;

import java.util.List;

/** An engine log that keeps every line, debug included, for tests that check what a run printed. */
public final class RecordingLog {

    private RecordingLog() {
    }

    public static EngineLog into(List<String> lines) {
        return new EngineLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }

            @Override
            public void debug(String message) {
                lines.add(message);
            }

            @Override
            public boolean isDebugEnabled() {
                return true;
            }
        };
    }
}
