package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.EngineLog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pristine cluster, as initdb left it, kept in the cache beside the binaries of its version. Copying it is
 * several times faster than running initdb again (docs/benchmarks.md, "Embedded startup"), so every run after the
 * first starts from a copy.
 *
 * <p>The template holds the superuser's password hash; its password file is readable by the cache's owner only, and
 * a server started from a copy gets a fresh random password at once ({@link EmbeddedPostgres}). Saving is done once,
 * under a file lock, into a private directory renamed into place, so a half-written template is never used; any
 * problem with the template (unreadable, written by another user) means initdb runs as before.
 */
final class ClusterTemplate {

    /**
     * Part of the directory name: bump it whenever the initdb arguments or what a template holds change, so old
     * templates are not used. 2: the files belong to the cache's owner (version 1 kept the first server's uid).
     */
    static final int FORMAT = 2;
    private static final String COMPLETE_MARKER = ".dbcheck-complete";
    private static final String PASSWORD_FILE = "password";

    private final Path directory;

    private ClusterTemplate(Path directory) {
        this.directory = directory;
    }

    /** The template for this installation: {@code <cache>/postgres/<version>-<platform>.cluster-v2}. */
    static ClusterTemplate of(PostgresInstallation installation) {
        Path binaries = installation.directory();
        return new ClusterTemplate(binaries.resolveSibling(binaries.getFileName() + ".cluster-v" + FORMAT));
    }

    Path directory() {
        return directory;
    }

    boolean exists() {
        return Files.exists(directory.resolve(COMPLETE_MARKER));
    }

    /**
     * Copies the template's data directory to {@code data}, owned by the server user.
     *
     * @return the superuser password of the copy; empty when there is no usable template (then nothing was copied)
     */
    Optional<String> copyTo(Path data, ServerUser user, EngineLog log) throws IOException {
        if (!exists()) {
            return Optional.empty();
        }
        // every later server starts from this copy: it must be ours (a planted postgresql.conf could load a
        // library or run a command in each of them), and whole
        Optional<String> untrusted = CacheTrust.problem(directory.getParent(), directory);
        if (untrusted.isPresent()) {
            log.warn("Not using the cluster template " + directory + ": " + untrusted.get() + "; running initdb "
                    + "instead (remove it, or set cacheDirectory to a directory only you can write)");
            return Optional.empty();
        }
        Optional<String> damaged = damage(directory.resolve("data"));
        if (damaged.isPresent()) {
            log.warn("The cluster template " + directory + " is damaged (" + damaged.get() + "): making it again");
            PostgresInstallation.deleteRecursively(directory);
            return Optional.empty();
        }
        try {
            String password = Files.readString(directory.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).trim();
            copyTree(directory.resolve("data"), data, user);
            return Optional.of(password);
        } catch (IOException | RuntimeException e) {
            try {
                PostgresInstallation.deleteRecursively(data);
            } catch (IOException ignored) {
                // initdb will report a data directory it cannot use
            }
            if (e instanceof IOException io && String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw io; // initdb would only fail the same way, later
            }
            log.debug("Not using the cluster template " + directory + " (" + e + "); running initdb");
            return Optional.empty();
        }
    }

    /** What a data directory lacks that PostgreSQL needs to start: {@code PG_VERSION}, a whole {@code pg_control}. */
    static Optional<String> damage(Path data) {
        try {
            if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
                return Optional.of("no PG_VERSION");
            }
            Path control = data.resolve("global").resolve("pg_control");
            if (!Files.isRegularFile(control) || Files.size(control) != PG_CONTROL_FILE_SIZE) {
                return Optional.of("global/pg_control is missing or not " + PG_CONTROL_FILE_SIZE + " bytes");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** PG_CONTROL_FILE_SIZE of every PostgreSQL since 8.x: the file is padded to one page. */
    private static final long PG_CONTROL_FILE_SIZE = 8192;

    /**
     * Keeps a copy of a freshly initialised (never started) data directory as the template. Best effort: a failure
     * is logged at debug level and the run goes on.
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    void save(Path data, String password, EngineLog log) {
        Path root = directory.getParent();
        String name = directory.getFileName().toString();
        try (FileChannel channel = FileChannel.open(root.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (exists()) {
                return;
            }
            Path temp = Files.createTempDirectory(root, name + ".saving-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                copyTree(data, temp.resolve("data"), null); // kept by the cache's owner
                Path passwordFile = temp.resolve(PASSWORD_FILE);
                Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
                Files.createFile(temp.resolve(COMPLETE_MARKER));
                PostgresInstallation.deleteRecursively(directory); // an incomplete earlier attempt
                try {
                    Files.move(temp, directory, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, directory);
                }
            } finally {
                PostgresInstallation.deleteRecursively(temp);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not keep the new cluster as a template in " + directory + ": " + e);
        }
    }

    /**
     * Copies a directory tree keeping permissions (PostgreSQL insists on 0700 data directories), each copy owned
     * by {@code owner} (null: by this process's user).
     */
    private static void copyTree(Path source, Path target, ServerUser owner) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : (Iterable<Path>) tree::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
                    if (owner != null) {
                        owner.own(to);
                    }
                } else {
                    files.add(from);
                }
            }
        }
        // a cluster is a thousand small files, and creating files is what the time goes to: on every core
        ParallelFiles.forEach(files, from -> {
            Path to = target.resolve(source.relativize(from).toString());
            // not COPY_ATTRIBUTES: as root it would keep the source's owner, and the template must be the cache
            // owner's (CacheTrust), each server's copy its own
            Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
            if (owner != null) {
                owner.own(to);
            }
        });
    }
}
