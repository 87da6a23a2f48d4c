package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.EngineLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Removes clusters left behind by a JVM that died without running its shutdown hooks ({@code kill -9}, a power
 * cut): each cluster directory records the pid and start time of the JVM that owns it, and a directory whose
 * owner is gone is stopped and deleted by the next run.
 */
public final class StaleClusters {

    static final String OWNER_FILE = "dbcheck-owner";

    private StaleClusters() {
    }

    static void markOwner(Path clusterDirectory) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String start = self.info().startInstant().map(Instant::toString).orElse("?");
        Files.writeString(clusterDirectory.resolve(OWNER_FILE), self.pid() + " " + start + "\n",
                StandardCharsets.UTF_8);
    }

    /** Sweeps a work directory; never fails the run. */
    public static void sweep(Path workRoot, EngineLog log) {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workRoot, EmbeddedPostgres.DIRECTORY_PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isAbandoned(dir)) {
                    Optional<Long> pid = EmbeddedPostgres.postmasterPid(dir.resolve("data"));
                    pid.flatMap(ProcessHandle::of).filter(StaleClusters::isPostgres).ifPresent(p -> {
                        EmbeddedPostgres.sendSignal(p.pid(), "INT");
                        p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
                    });
                    PostgresInstallation.deleteRecursively(dir);
                    log.info("Removed a PostgreSQL cluster left behind by an earlier run: " + dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not sweep " + workRoot + " for stale clusters: " + e.getMessage());
        }
    }

    private static boolean isAbandoned(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        if (!Files.isReadable(owner)) {
            // Being created right now, or a crash before the owner was written: leave it an hour.
            Instant modified = Files.getLastModifiedTime(dir).toInstant();
            return Files.isWritable(dir) && modified.isBefore(Instant.now().minus(Duration.ofHours(1)));
        }
        List<String> fields = List.of(Files.readString(owner, StandardCharsets.UTF_8).trim().split(" "));
        long pid = Long.parseLong(fields.get(0));
        String start = fields.size() > 1 ? fields.get(1) : "?";
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        String actualStart = process.get().info().startInstant().map(Instant::toString).orElse("?");
        return !start.equals("?") && !actualStart.equals("?") && !start.equals(actualStart); // pid reused
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true);
    }
}
