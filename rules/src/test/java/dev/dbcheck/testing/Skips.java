package dev.dbcheck.testing;

import org.junit.jupiter.api.Assumptions;

import java.util.HashSet;
import java.util.Set;

/** Skipping a test for want of something on the machine (Docker, Chromium), so that people see it. */
public final class Skips {

    private static final Set<String> TOLD = new HashSet<>();

    private Skips() {
    }

    /**
     * Skips the calling test — call it from the test or from {@code @BeforeEach}, so that Surefire counts the
     * tests as skipped (an abort in {@code @BeforeAll} counts none) — and prints why, once per reason, as a
     * warning on the console, where a skip is otherwise easy to miss.
     */
    public static void visibly(String why) {
        synchronized (TOLD) {
            if (TOLD.add(why)) {
                System.out.println("[WARNING] " + why);
            }
        }
        Assumptions.abort(why);
    }
}
