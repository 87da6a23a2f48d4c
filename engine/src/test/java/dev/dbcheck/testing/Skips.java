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
    /**
     * Skips visibly, except where the machine is meant to have what is missing: {@code DBCHECK_REQUIRE_<NAME>=true}
     * (.ci/run sets it for what it installs) or {@code -Ddbcheck.require<Name>=true} turn the skip into a failure,
     * so that a working CI runner cannot lose those tests silently.
     *
     * @param name what is missing, as the switches spell it: {@code DOCKER}, {@code BROWSER}
     */
    public static void unlessRequired(String name, String why) {
        String property = "dbcheck.require" + name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        if ("true".equals(System.getenv("DBCHECK_REQUIRE_" + name)) || Boolean.getBoolean(property)) {
            throw new AssertionError(why + " — a failure here, since DBCHECK_REQUIRE_" + name + " (or -D" + property
                    + ") says this machine has it");
        }
        visibly(why);
    }

    public static void visibly(String why) {
        synchronized (TOLD) {
            if (TOLD.add(why)) {
                System.out.println("[WARNING] " + why);
            }
        }
        Assumptions.abort(why);
    }
}
