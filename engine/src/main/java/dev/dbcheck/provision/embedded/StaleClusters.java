package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.EngineLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Removes clusters left behind by a JVM that died without running its shutdown hooks ({@code kill -9}, a power
 * cut): each cluster directory records the pid and start time of the JVM that owns it, and a directory whose
 * owner is gone is stopped and deleted by the next run.
 *
 * <p>The work directory may be shared ({@code /tmp}) and anyone may plant a directory of the same name there, so
 * the sweep acts only on what it can prove is its own: an owner file written by this user (a server's SQL, which
 * runs as another uid, cannot write one), in a real directory, not a link; and it signals a process only if that
 * process is a postgres serving exactly that directory's cluster — never because a {@code postmaster.pid} names it.
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
                if (isOurs(dir) && isAbandoned(dir)) {
                    Path data = dir.resolve("data");
                    Optional<Long> pid = EmbeddedPostgres.postmasterPid(data);
                    pid.flatMap(ProcessHandle::of).filter(p -> servesCluster(p, data)).ifPresent(p -> {
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

    /**
     * A directory (not a link) with an owner file of this user's, or — a crash before the owner file was
     * written — a directory of this user's without one.
     */
    static boolean isOurs(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path owner = dir.resolve(OWNER_FILE);
        Path proof = Files.exists(owner, LinkOption.NOFOLLOW_LINKS) ? owner : dir;
        if (Files.isSymbolicLink(proof) || !(proof == dir || Files.isRegularFile(proof, LinkOption.NOFOLLOW_LINKS))) {
            return false;
        }
        int uid = ServerUser.currentUid();
        try {
            return uid < 0 || ((Integer) Files.getAttribute(proof, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return true; // no uids here (Windows): nothing to tell users apart by
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

    /**
     * Whether the process is a postgres started on that data directory: its command line says
     * {@code postgres -D <data>} (how dbcheck starts every server). Where the command line cannot be read, no.
     */
    static boolean servesCluster(ProcessHandle process, Path data) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        List<String> arguments;
        try {
            arguments = Files.isReadable(cmdline)
                    ? List.of(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"))
                    : process.info().arguments().map(a -> {
                        List<String> all = new java.util.ArrayList<>();
                        all.add(process.info().command().orElse(""));
                        all.addAll(List.of(a));
                        return List.copyOf(all);
                    }).orElse(List.of());
        } catch (IOException e) {
            return false;
        }
        if (arguments.isEmpty() || !(arguments.get(0).endsWith("/postgres") || arguments.get(0).equals("postgres")
                || arguments.get(0).endsWith("postgres.exe"))) {
            return false;
        }
        int d = arguments.indexOf("-D");
        return d >= 0 && d + 1 < arguments.size()
                && Path.of(arguments.get(d + 1)).toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize());
    }
}
