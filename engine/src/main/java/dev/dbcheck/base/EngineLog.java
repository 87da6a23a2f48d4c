package dev.dbcheck.base;

/** Where the engine writes its progress; the Maven plugin maps it to Maven's log, a CLI to the console. */
public interface EngineLog {

    void info(String message);

    void warn(String message);

    /** A line that reports a failure (an error-level finding); a log without an error level shows it as a warning. */
    default void error(String message) {
        warn(message);
    }

    void debug(String message);

    default boolean isDebugEnabled() {
        return false;
    }

    /** A log that prints every line, debug included, to {@code out}: for tools and tests that show their progress. */
    static EngineLog printingTo(java.io.PrintStream out) {
        return new EngineLog() {
            @Override
            public void info(String message) {
                out.println(message);
            }

            @Override
            public void warn(String message) {
                out.println(message);
            }

            @Override
            public void debug(String message) {
                out.println(message);
            }

            @Override
            public boolean isDebugEnabled() {
                return true;
            }
        };
    }

    /** A log that drops everything, for tests and tools that only want the result. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
