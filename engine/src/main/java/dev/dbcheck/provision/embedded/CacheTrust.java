package dev.dbcheck.provision.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a tree in the cache may be trusted — binaries this build runs, a template cluster every later server
 * starts from. Like ssh's StrictModes: only if this user or root owns every part of it and of the path down to it
 * from the cache directory, nobody else can write any of it, and no link in it leads out of it. Anyone who can
 * write there could otherwise put a program in it ({@code bin/initdb}) that the next build runs as its own user.
 */
final class CacheTrust {

    private CacheTrust() {
    }

    /**
     * The first reason not to trust {@code tree} (inside {@code cacheDirectory}), or empty when there is none (or
     * the file system has no owners to check).
     */
    static Optional<String> problem(Path cacheDirectory, Path tree) {
        return problem(cacheDirectory, tree, true);
    }

    /** The same for the directories from the cache directory down to {@code directory}, not what they hold. */
    static Optional<String> pathProblem(Path cacheDirectory, Path directory) {
        return problem(cacheDirectory, directory, false);
    }

    private static Optional<String> problem(Path cacheDirectory, Path tree, boolean wholeTree) {
        if (!tree.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return Optional.empty();
        }
        try {
            Path cache = cacheDirectory.toRealPath();
            Path real = tree.toRealPath();
            if (!real.startsWith(cache)) {
                return Optional.of(tree + " leads outside the cache directory " + cache);
            }
            for (Path p = real.getParent(); p != null && p.startsWith(cache); p = p.getParent()) {
                Optional<String> problem = problemOf(p);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            try (Stream<Path> entries = Files.walk(real, wholeTree ? Integer.MAX_VALUE : 0)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    Optional<String> problem = Files.isSymbolicLink(p) ? linkProblem(p, real) : problemOf(p);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(tree + " cannot be checked: " + e.getMessage());
        }
    }

    private static Optional<String> problemOf(Path p) throws IOException {
        int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int self = ServerUser.currentUid();
        if (owner != self && owner != 0) {
            return Optional.of(p + " is owned by uid " + owner + ", not by this user (uid " + self + ") or root");
        }
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        // a sticky directory (/tmp) lets others add entries but not replace or remove this user's
        boolean sticky = (mode & 01000) != 0 && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if ((mode & 0002) != 0 && !sticky) {
            return Optional.of(p + " is writable by every user");
        }
        if ((mode & 0020) != 0 && !sticky) {
            int group = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(p + " is writable by group " + group);
        }
        return Optional.empty();
    }

    /** A link is fine when it stays inside the tree (the binaries' {@code libpq.so -> libpq.so.5}). */
    private static Optional<String> linkProblem(Path link, Path tree) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        return target.startsWith(tree) ? Optional.empty()
                : Optional.of(link + " is a link to " + target + ", outside " + tree);
    }
}
