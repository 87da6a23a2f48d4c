package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.EngineLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Clusters kept after a run together with the synthetic data it generated, so that a later run with the same
 * inputs starts from a copy instead of generating the data again. This cache does not know what the data depends
 * on: the caller names an entry by a key derived from those inputs and keeps its own description in the entry's
 * metadata.
 *
 * <p>Layout: {@code <cache>/data-v1/<key>/} holding {@code data/} (a cleanly stopped data directory: a fast
 * shutdown keeps unlogged tables, a crash would empty them), {@code password} (the superuser's, readable by the
 * cache's owner only; a copy gets a new one at once), {@code metadata}, {@code manifest} (size and CRC-32C of
 * every file) and {@code complete}; the modification time of {@code used} is the last use.
 *
 * <p>Safe with builds at once: an entry is written into a private directory and renamed into place under a lock;
 * eviction renames an entry away under the same lock before deleting it, so a copy in progress fails (and that
 * build generates its data) rather than starting from half an entry; every copy is checked against the manifest,
 * so a damaged entry is found, removed and made again. Trust is the binaries' ({@link CacheTrust}): an entry that
 * another user could have written is never started.
 */
public final class LoadedClusters {

    /** Part of the directory name: bump it when what an entry holds changes, so that old entries are not used. */
    static final int FORMAT = 1;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8,64}");
    private static final String COMPLETE = "complete";
    private static final String USED = "used";
    private static final String MANIFEST = "manifest";
    private static final String METADATA = "metadata";
    private static final String PASSWORD = "password";
    /** A FileLock is held by the process, so threads of one JVM (two runs in one build) also need this. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path cacheDirectory;
    private final Path root;
    private final long maxBytes;
    /** Entries this run found but could not start from: damaged, untrusted, removed during the copy. */
    private final java.util.Set<String> unusable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * One kept cluster.
     *
     * @param bytes    the size of its data directory
     * @param metadata what the caller stored with it
     */
    public record Entry(String key, Path directory, Instant created, Instant lastUsed, long bytes, String metadata) {
    }

    private LoadedClusters(Path cacheDirectory, long maxBytes) {
        this.cacheDirectory = cacheDirectory;
        this.root = cacheDirectory.resolve("data-v" + FORMAT);
        this.maxBytes = maxBytes;
    }

    /**
     * @param cacheDirectory the binaries' cache directory ({@code cacheDirectory}, {@code DBCHECK_CACHE_DIR})
     * @param maxBytes       what all entries together may take; the least recently used go first
     */
    public static LoadedClusters in(Path cacheDirectory, long maxBytes) {
        return new LoadedClusters(cacheDirectory, maxBytes);
    }

    public Path root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Whether this run found the entry of {@code key} and could not start from it (the log said why). */
    public boolean wasUnusable(String key) {
        return unusable.contains(key);
    }

    /** The complete entries, the most recently used first. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (Stream<Path> list = Files.list(root)) {
            for (Path dir : (Iterable<Path>) list::iterator) {
                read(dir).ifPresent(entries::add);
            }
        } catch (IOException e) {
            return entries;
        }
        entries.sort(Comparator.comparing(Entry::lastUsed).reversed());
        return entries;
    }

    /** The complete entry of this key, or empty. */
    public Optional<Entry> find(String key) {
        return KEY.matcher(key).matches() ? read(root.resolve(key)) : Optional.empty();
    }

    private static Optional<Entry> read(Path dir) {
        String key = dir.getFileName().toString();
        if (!KEY.matcher(key).matches() || !Files.isRegularFile(dir.resolve(COMPLETE), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Instant created = Files.getLastModifiedTime(dir.resolve(COMPLETE)).toInstant();
            Path used = dir.resolve(USED);
            Instant lastUsed = Files.exists(used) ? Files.getLastModifiedTime(used).toInstant() : created;
            long bytes = 0;
            for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length == 4 && parts[0].equals("f")) {
                    bytes += Long.parseLong(parts[2]);
                }
            }
            String metadata = Files.readString(dir.resolve(METADATA), StandardCharsets.UTF_8);
            return Optional.of(new Entry(key, dir, created, lastUsed, bytes, metadata));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // removed meanwhile, or not ours to read: not usable
        }
    }

    /**
     * Copies an entry's data directory to {@code data}, owned by the server user, checking every file against the
     * manifest. A damaged or untrusted entry is reported, a damaged one removed.
     *
     * @return the superuser password of the copy; empty when nothing usable was copied (then {@code data} is gone)
     */
    Optional<String> copyTo(Entry entry, Path data, ServerUser user, EngineLog log) throws IOException {
        Optional<String> password = copy(entry, data, user, log);
        if (password.isEmpty()) {
            unusable.add(entry.key());
        }
        return password;
    }

    private Optional<String> copy(Entry entry, Path data, ServerUser user, EngineLog log) throws IOException {
        Optional<String> untrusted = CacheTrust.problem(cacheDirectory, entry.directory());
        if (untrusted.isPresent()) {
            log.warn("Not using the kept synthetic data " + entry.directory() + ": " + untrusted.get()
                    + "; generating the data instead (remove it, or set cacheDirectory to a directory only you "
                    + "can write)");
            return Optional.empty();
        }
        try {
            Map<String, String[]> manifest = new HashMap<>();
            for (String line : Files.readAllLines(entry.directory().resolve(MANIFEST), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                manifest.put(parts[1], parts);
            }
            String password = Files.readString(entry.directory().resolve(PASSWORD), StandardCharsets.UTF_8).trim();
            Optional<String> damage = copyChecked(entry.directory().resolve("data"), data, user, manifest);
            if (damage.isPresent()) {
                deleteQuietly(data);
                log.warn("The kept synthetic data " + entry.key() + " is damaged (" + damage.get() + "): removing it "
                        + "and generating the data again");
                remove(entry.key());
                return Optional.empty();
            }
            Path used = entry.directory().resolve(USED);
            try {
                Files.write(used, new byte[0]);
                Files.setLastModifiedTime(used, FileTime.from(Instant.now()));
            } catch (IOException ignored) {
                // only the eviction order suffers
            }
            return Optional.of(password);
        } catch (NoSuchFileException e) {
            // evicted or replaced by another build while this one copied it
            deleteQuietly(data);
            log.info("The kept synthetic data " + entry.key() + " was removed by another build during the copy; "
                    + "generating the data");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(data);
            if (e instanceof IOException io && String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw io;
            }
            log.warn("Cannot use the kept synthetic data " + entry.key() + " (" + e.getMessage() + "): generating "
                    + "the data");
            return Optional.empty();
        }
    }

    /** The copy, each file's size and CRC-32C compared with the manifest; the first difference, or empty. */
    private static Optional<String> copyChecked(Path source, Path target, ServerUser owner,
                                                Map<String, String[]> manifest) throws IOException {
        int seen = 0;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : (Iterable<Path>) tree::iterator) {
                String relative = source.relativize(from).toString();
                String[] expected = manifest.get(relative.isEmpty() ? "." : relative);
                if (expected == null) {
                    return Optional.of(relative + " is not in the manifest");
                }
                seen++;
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    if (!expected[0].equals("d")) {
                        return Optional.of(relative + " is a directory, the manifest has a file");
                    }
                    Path to = relative.isEmpty() ? target : target.resolve(relative);
                    Files.createDirectory(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
                    owner.own(to);
                } else if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) && expected[0].equals("f")) {
                    files.add(from);
                } else {
                    return Optional.of(relative + " is neither a plain file nor a directory");
                }
            }
        }
        if (seen != manifest.size()) {
            return Optional.of((manifest.size() - seen) + " file(s) of the manifest are missing");
        }
        List<String> damage = java.util.Collections.synchronizedList(new ArrayList<>());
        ParallelFiles.forEach(files, from -> {
            String relative = source.relativize(from).toString();
            String[] expected = manifest.get(relative);
            Path to = target.resolve(relative);
            Checksum sum;
            try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
                sum = checksum(from, out);
            }
            if (sum.size() != Long.parseLong(expected[2]) || sum.crc() != Long.parseLong(expected[3], 16)) {
                damage.add(relative + " differs from what was kept (" + sum.size() + " bytes, manifest " + expected[2]
                        + ")");
            }
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
            owner.own(to);
        });
        return damage.stream().sorted().findFirst();
    }

    /**
     * Keeps a stopped cluster's data directory as the entry {@code key}: moved (not copied) into the cache and
     * made the cache owner's. Best effort: a failure is logged and the run goes on.
     *
     * @param replace true to replace an entry of this key (it was offered and did not match); false keeps an
     *                existing one (another build, started at the same time, kept the same data first)
     * @return what was kept, or empty
     */
    @SuppressWarnings("try") // the locks are held by the try block, not used in it
    public Optional<Entry> store(String key, Path data, String password, String metadata, boolean replace,
                                 EngineLog log) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a key: " + key);
        }
        IN_THIS_JVM.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                removeLeftovers();
                Path target = root.resolve(key);
                if (read(target).isPresent() && !replace) {
                    log.debug("Synthetic data " + key + " is kept already (by another build)");
                    return Optional.empty();
                }
                Path temp = Files.createTempDirectory(root, ".saving-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                try {
                    moveOrCopy(data, temp.resolve("data"));
                    long bytes = writeManifest(temp);
                    if (bytes > maxBytes) {
                        log.info(String.format(Locale.ROOT, "Synthetic data not kept for reuse: its cluster takes "
                                + "%s, more than the cache may hold (%s, dashboards.dataCacheSize)", human(bytes),
                                human(maxBytes)));
                        return Optional.empty();
                    }
                    Path passwordFile = temp.resolve(PASSWORD);
                    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
                    Files.writeString(temp.resolve(METADATA), metadata, StandardCharsets.UTF_8);
                    Files.createFile(temp.resolve(COMPLETE));
                    if (Files.exists(target)) {
                        discard(target);
                    }
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target);
                    }
                } finally {
                    deleteQuietly(temp);
                }
                Optional<Entry> kept = read(target);
                evict(key, log);
                return kept;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the synthetic data for reuse in " + root + ": " + e);
            return Optional.empty();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** Removes an entry (damaged, or its data no longer matches what it was kept for). */
    @SuppressWarnings("try")
    public void remove(String key) {
        if (!KEY.matcher(key).matches()) {
            return;
        }
        IN_THIS_JVM.lock();
        try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Path target = root.resolve(key);
            if (Files.exists(target)) {
                discard(target);
            }
        } catch (IOException | RuntimeException e) {
            // the next copy finds it damaged again
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** The least recently used entries go until all fit in {@link #maxBytes}; the one just kept stays. */
    private void evict(String kept, EngineLog log) throws IOException {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::bytes).sum();
        for (int i = entries.size() - 1; i >= 0 && total > maxBytes; i--) {
            Entry oldest = entries.get(i);
            if (oldest.key().equals(kept)) {
                continue;
            }
            discard(oldest.directory());
            total -= oldest.bytes();
            log.info(String.format(Locale.ROOT, "Removed the kept synthetic data %s (%s, last used %s) to stay "
                    + "within %s (dashboards.dataCacheSize)", oldest.key(), human(oldest.bytes()),
                    oldest.lastUsed().toString().replaceFirst("\\.\\d+Z$", "Z"), human(maxBytes)));
        }
    }

    /** What builds killed while saving or discarding left; under the lock nobody else is doing either. */
    private void removeLeftovers() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".saving-") || name.startsWith(".removing-")) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** Renamed away first, so that a build copying it fails instead of reading half of it. */
    private void discard(Path entry) throws IOException {
        Path away = root.resolve(".removing-" + entry.getFileName() + "-" + System.nanoTime());
        Files.move(entry, away, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(away);
    }

    /** Within one file system a rename; else a copy. The files become the cache owner's (they were the server's). */
    private void moveOrCopy(Path data, Path target) throws IOException {
        try {
            Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            try (Stream<Path> tree = Files.walk(data)) {
                for (Path from : (Iterable<Path>) tree::iterator) {
                    Path to = target.resolve(data.relativize(from).toString());
                    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectory(to);
                    } else {
                        Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
                    }
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        int uid = ServerUser.currentUid();
        int gid = (Integer) Files.getAttribute(root, "unix:gid");
        try (Stream<Path> tree = Files.walk(target)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if ((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
                    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** {@code d|f <relative path> <size> <crc32c hex>} for every directory and file; returns the total size. */
    private static long writeManifest(Path entry) throws IOException {
        Path data = entry.resolve("data");
        StringBuilder manifest = new StringBuilder();
        long total = 0;
        try (Stream<Path> tree = Files.walk(data)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                String relative = data.relativize(p).toString();
                relative = relative.isEmpty() ? "." : relative;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    manifest.append("d\t").append(relative).append("\t0\t0\n");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Checksum sum = checksum(p, null);
                    manifest.append("f\t").append(relative).append('\t').append(sum.size()).append('\t')
                            .append(Long.toHexString(sum.crc())).append('\n');
                    total += sum.size();
                } else {
                    throw new IOException(p + " is neither a plain file nor a directory");
                }
            }
        }
        Files.writeString(entry.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        return total;
    }

    /** A file's size and CRC-32C, the manifest's two facts about it. */
    private record Checksum(long size, long crc) {
    }

    /** Reads a file once for its checksum, writing what it reads to {@code copy} when that is not null. */
    private static Checksum checksum(Path file, OutputStream copy) throws IOException {
        byte[] buffer = new byte[1 << 20];
        CRC32C crc = new CRC32C();
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
                size += n;
            }
        }
        return new Checksum(size, crc.getValue());
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                PostgresInstallation.deleteRecursively(p);
            }
        } catch (IOException ignored) {
            // a leftover is removed by the next store
        }
    }

    /** {@code 512 MB}, {@code 1.4 GB}. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
    }
}
