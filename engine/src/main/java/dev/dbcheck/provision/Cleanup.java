package dev.dbcheck.provision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes what is still open when the JVM shuts down (Ctrl-C, SIGTERM, {@code System.exit}): the servers and
 * directories a run created and did not get to remove itself. One hook for the whole JVM, whatever the number
 * of runs.
 */
public final class Cleanup {

    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static volatile boolean shuttingDown;

    /**
     * True once the JVM shuts down (Ctrl-C, SIGTERM): the run's database is being removed under it, so whatever
     * fails next is a consequence of the stop, not a problem of the project.
     */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    private Cleanup() {
    }

    public static synchronized void register(AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "dbcheck-cleanup"));
            hookInstalled = true;
        }
        OPEN.add(resource);
    }

    public static synchronized void unregister(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    private static void closeAll() {
        shuttingDown = true;
        List<AutoCloseable> resources;
        synchronized (Cleanup.class) {
            resources = new ArrayList<>(OPEN);
            OPEN.clear();
        }
        // Newest first, like nested try-with-resources.
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("dbcheck: cleanup at shutdown failed: " + e.getMessage());
            }
        }
    }
}
