package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL binaries extracted from a zonky binaries jar into a per-user cache, once per version and platform.
 *
 * <p>Safe when several builds extract at once: one of them extracts into a private temporary directory under a
 * file lock and renames it into place; the others wait for the lock and find it done. A directory without its
 * completion marker (a crash half-way) is never used. The marker lists every file with its size, and a directory
 * whose files no longer match it (a truncated {@code bin/postgres}, a deleted library) is extracted again; a
 * directory another user owns or can write is refused ({@link CacheTrust}).
 */
public final class PostgresInstallation {

    private static final String COMPLETE_MARKER = ".dbcheck-complete";
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final String version;

    private PostgresInstallation(Path directory, String version) {
        this.directory = directory;
        this.version = version;
    }

    /** The default cache: {@code /var/cache/dbcheck} for root (whose home the unprivileged server user cannot
     * enter), else {@code $XDG_CACHE_HOME/dbcheck} or {@code ~/.cache/dbcheck}. */
    public static Path defaultCacheDirectory() {
        String env = System.getenv("DBCHECK_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        if (ServerUser.currentUid() == 0) {
            return Path.of("/var/cache/dbcheck");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("dbcheck");
    }

    /**
     * Returns the installation for this jar, extracting it first when it is not in the cache yet.
     *
     * @param key a name unique to version and platform, e.g. {@code 18.6.0-linux-amd64}
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public static PostgresInstallation fromJar(Path jar, String version, String key, Path cacheDirectory,
                                               EngineLog log) throws DbcheckException {
        Path root = cacheDirectory.resolve("postgres");
        Path target = root.resolve(key);
        if (Files.exists(target.resolve(COMPLETE_MARKER)) && intact(cacheDirectory, target)) {
            return new PostgresInstallation(target, version);
        }
        try {
            Files.createDirectories(root);
            if (ServerUser.currentUid() == 0) {
                makeTraversable(cacheDirectory, false);
                makeTraversable(root, false);
            }
        } catch (IOException e) {
            throw new DbcheckException("Cannot create the PostgreSQL binaries cache " + root + ": " + e.getMessage()
                    + " (set cacheDirectory or DBCHECK_CACHE_DIR to a writable directory)", e);
        }
        refuseUntrusted(cacheDirectory, root, CacheTrust.pathProblem(cacheDirectory, root));
        synchronized (JVM_LOCKS.computeIfAbsent(target, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(root.resolve(key + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(target.resolve(COMPLETE_MARKER)) && intact(cacheDirectory, target)) {
                    return new PostgresInstallation(target, version);
                }
                if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                    log.warn("The PostgreSQL binaries in " + target + " do not match what was extracted (a file is "
                            + "missing or has another size): extracting them again");
                }
                removeAbandonedExtractions(root, key);
                long start = System.nanoTime();
                Path temp = Files.createTempDirectory(root, key + ".extracting-");
                try {
                    extract(jar, temp);
                    Files.writeString(temp.resolve(COMPLETE_MARKER), manifest(temp), StandardCharsets.UTF_8);
                    makeTraversable(temp, true);
                    if (Files.exists(target)) {
                        deleteRecursively(target); // an incomplete earlier attempt
                    }
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target);
                    }
                } finally {
                    if (Files.exists(temp)) {
                        deleteRecursively(temp);
                    }
                }
                log.info(String.format("Extracted PostgreSQL %s binaries to %s in %.1f s", version, target,
                        (System.nanoTime() - start) / 1e9));
                return new PostgresInstallation(target, version);
            } catch (FileAlreadyExistsException e) {
                return new PostgresInstallation(target, version);
            } catch (IOException e) {
                throw new DbcheckException("Cannot extract PostgreSQL binaries from " + jar + " into " + root + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Whether the extracted directory may be used as it is: trusted (else the build fails, naming the path), and
     * every file the marker lists there with its size. A marker without a list (an older dbcheck) counts as not
     * intact, so the binaries are extracted once more.
     */
    private static boolean intact(Path cacheDirectory, Path target) throws DbcheckException {
        refuseUntrusted(cacheDirectory, target, CacheTrust.problem(cacheDirectory, target));
        try {
            List<String> lines = Files.readAllLines(target.resolve(COMPLETE_MARKER), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return false;
            }
            for (String line : lines) {
                int space = line.indexOf(' ');
                Path file = target.resolve(line.substring(space + 1));
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || Files.size(file) != Long.parseLong(line.substring(0, space))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void refuseUntrusted(Path cacheDirectory, Path path, java.util.Optional<String> problem)
            throws DbcheckException {
        if (problem.isPresent()) {
            throw new DbcheckException("The PostgreSQL binaries cache is not safe to use: " + problem.get()
                    + ". Another user could have put programs there that this build would run. Remove " + path
                    + " (dbcheck extracts the binaries again), or set cacheDirectory (DBCHECK_CACHE_DIR) to a "
                    + "directory only you can write; the cache " + cacheDirectory + " and everything in it must "
                    + "belong to this user or root and be writable by nobody else.");
        }
    }

    /** Every regular file of an extracted tree with its size, one {@code <size> <relative path>} per line. */
    private static String manifest(Path tree) throws IOException {
        StringBuilder lines = new StringBuilder();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList()) {
                lines.append(Files.size(p)).append(' ').append(tree.relativize(p)).append('\n');
            }
        }
        return lines.toString();
    }

    /**
     * Extraction directories of this key left by a build stopped half-way (SIGTERM, kill -9): nobody else extracts
     * this key while the lock is held, so any that exist are abandoned.
     */
    private static void removeAbandonedExtractions(Path root, String key) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(root, key + ".extracting-*")) {
            for (Path dir : left) {
                deleteRecursively(dir);
            }
        } catch (IOException e) {
            // the new extraction goes on beside them
        }
    }

    /** Uses binaries already unpacked elsewhere (a directory with bin/, lib/, share/). */
    public static PostgresInstallation fromDirectory(Path directory, String version) {
        return new PostgresInstallation(directory, version);
    }

    public Path directory() {
        return directory;
    }

    public String version() {
        return version;
    }

    public Path binary(String name) {
        Path plain = directory.resolve("bin").resolve(name);
        Path exe = directory.resolve("bin").resolve(name + ".exe");
        return Files.exists(exe) && !Files.exists(plain) ? exe : plain;
    }

    private static void extract(Path jar, Path destination) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".txz")) {
                    archive = entry;
                }
            }
            if (archive == null) {
                throw new IOException(jar + " holds no postgres-*.txz archive");
            }
            try (InputStream raw = new BufferedInputStream(zip.getInputStream(archive), 1 << 16);
                 XZCompressorInputStream xz = new XZCompressorInputStream(raw);
                 TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = destination.resolve(entry.getName()).normalize();
                    if (!out.startsWith(destination)) {
                        throw new IOException("archive entry outside the target directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createLink(out, destination.resolve(entry.getLinkName()).normalize());
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        setMode(out, entry.getMode());
                    }
                }
            }
        }
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        boolean executable = (mode & 0111) != 0;
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** Directories readable and enterable by everyone: the server may run as an unprivileged user. */
    private static void makeTraversable(Path directory, boolean wholeTree) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory, wholeTree ? Integer.MAX_VALUE : 0)) {
            tree.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                            || !perms.contains(PosixFilePermission.OTHERS_READ)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes a file or a directory tree; links are deleted, not followed. Nothing to do if absent. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
