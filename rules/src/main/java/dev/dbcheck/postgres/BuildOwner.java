package dev.dbcheck.postgres;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Which build made a container or a throwaway database: host, pid and the JVM's start time (pids are reused). A
 * build killed outright (SIGKILL, an OOM kill) runs no cleanup; the next build on the same host recognises what
 * that build left by this mark and removes it, while what running builds or other hosts made stays.
 */
public final class BuildOwner {

    private BuildOwner() {
    }

    /** This build: {@code host/pid/startMillis}. */
    public static String current() {
        ProcessHandle self = ProcessHandle.current();
        return hostName() + "/" + self.pid() + "/" + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * True when the owner ran on this host and its process is gone (or the pid now belongs to a process started at
     * another time). Marks of other hosts, and anything not a mark, are never judged gone.
     */
    public static boolean isGone(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 3 || !parts[0].equals(hostName()) || !parts[1].matches("\\d{1,18}")
                || !parts[2].matches("\\d{1,18}")) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        long started = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return started != 0 && started != Long.parseLong(parts[2]);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
