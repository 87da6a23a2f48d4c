package dev.dbcheck.provision;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Which build made a container or a throwaway database: host, PID namespace, pid and the JVM's start time (pids
 * are reused). A build killed outright (SIGKILL, an OOM kill) runs no cleanup; the next build on the same host
 * recognises what that build left by this mark and removes it, while what running builds or other hosts made
 * stays. The PID namespace is part of the mark because CI jobs in containers can share a host name (host
 * networking) while each sees only its own processes: a pid that is absent here may be alive in the other job.
 */
public final class BuildOwner {

    private BuildOwner() {
    }

    /** This build: {@code host/pidNamespace/pid/startMillis}. */
    public static String current() {
        ProcessHandle self = ProcessHandle.current();
        return hostName() + "/" + pidNamespace() + "/" + self.pid() + "/"
                + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * True when the owner ran on this host and its process is gone (or the pid now belongs to a process started at
     * another time). Marks of other hosts, and anything not a mark, are never judged gone.
     */
    public static boolean isGone(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 4 || !parts[0].equals(hostName()) || !parts[1].equals(pidNamespace())
                || !parts[2].matches("\\d{1,18}") || !parts[3].matches("\\d{1,18}")) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[2]));
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        long started = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return started != 0 && started != Long.parseLong(parts[3]);
    }

    /** The inode of this process's PID namespace ({@code pid:[4026531836]}), or 0 where there is no /proc. */
    static String pidNamespace() {
        try {
            String link = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
            return link.replaceAll("\\D", "");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return "0";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
