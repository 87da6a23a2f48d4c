package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operating-system user the PostgreSQL server runs as. PostgreSQL refuses to run as root ("initdb: cannot be
 * run as root"), which is exactly how many CI containers run builds. Then dbcheck runs {@code postgres} through
 * {@code setpriv} as a uid of its own, picked for this server from a range no account uses and given no passwd
 * entry, with the cluster directory owned by it and closed to everyone else (0700): the SQL of one build — a
 * migration's {@code COPY ... TO PROGRAM} runs as the server — cannot signal another build's server, read its
 * files or change its configuration, as it could when every build ran its server as {@code nobody}. initdb, which
 * looks its user up in the passwd file and runs no SQL of the project, runs as {@code nobody}; its cluster is then
 * handed to the server's uid. A configured {@code embeddedUser} (or a machine with {@code runuser} only) runs both
 * as that one user. As an ordinary user the server simply runs as that user.
 *
 * @param name    the user's name, for the log ({@code uid 2000123456} for a uid of its own)
 * @param uid     its uid
 * @param gid     its primary gid
 * @param wrapper the command prefix that switches to it; empty when no switch is needed
 * @param initdb  who runs initdb: this user, or {@code nobody} when this one has no passwd entry
 */
public record ServerUser(String name, int uid, int gid, List<String> wrapper, ServerUser initdb) {

    private static final int UNKNOWN = -1;

    /**
     * Where the uids of its own come from: above every range that distributions (up to 60,000 for accounts),
     * systemd's dynamic users (61,184–65,519, and its 524,288+ container ranges up to 1,879,048,191) and the usual
     * subordinate-uid ranges of rootless containers (100,000 up, 65,536 per user) hand out.
     */
    public static final int OWN_UID_FIRST = 2_000_000_000;
    public static final int OWN_UID_COUNT = 100_000_000;
    private static volatile Integer cachedUid;

    /** The uid this JVM runs as, or -1 where there are no uids (Windows). */
    public static int currentUid() {
        Integer uid = cachedUid;
        if (uid == null) {
            uid = readUid();
            cachedUid = uid;
        }
        return uid;
    }

    private static int readUid() {
        try {
            // The Uid line, not the owner of /proc/self: after a user switch the process is not "dumpable" and
            // its /proc entries are owned by root whatever its uid.
            Path status = Path.of("/proc/self/status");
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("Uid:")) {
                        return Integer.parseInt(line.split("\\s+")[2]); // effective uid
                    }
                }
            }
            Path probe = Files.createTempFile("dbcheck-uid", ".probe");
            try {
                return (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /**
     * Decides how to run the server.
     *
     * @param configuredUser the user to switch to when running as root; null for a uid of its own
     * @param dieWithParent  ask the kernel to stop the server if the JVM dies without running its shutdown hooks
     */
    public static ServerUser choose(String configuredUser, boolean dieWithParent) throws DbcheckException {
        int uid = currentUid();
        Optional<Path> setpriv = findExecutable("setpriv");
        if (uid != 0) {
            List<String> wrapper = new ArrayList<>();
            if (dieWithParent && setpriv.isPresent()) {
                wrapper.addAll(List.of(setpriv.get().toString(), "--pdeathsig", "INT"));
            }
            return new ServerUser(System.getProperty("user.name"), uid, UNKNOWN, wrapper, null);
        }
        boolean ownUid = configuredUser == null || configuredUser.isBlank();
        String wanted = ownUid ? "nobody" : configuredUser.trim();
        int[] ids = lookup(wanted).orElseThrow(() -> new DbcheckException(
                "PostgreSQL refuses to run as root, and user '" + wanted + "' to run it as does not exist; set "
                        + "embeddedUser to an existing unprivileged user, or run the build as an ordinary user."));
        if (ids[0] == 0) {
            throw new DbcheckException("embeddedUser: PostgreSQL refuses to run as root; choose an unprivileged user");
        }
        if (setpriv.isPresent()) {
            ServerUser named = new ServerUser(wanted, ids[0], ids[1], setprivWrapper(setpriv.get(), ids[0], ids[1],
                    dieWithParent), null);
            if (!ownUid) {
                return named;
            }
            int own = unusedUid();
            return new ServerUser("uid " + own, own, own, setprivWrapper(setpriv.get(), own, own, dieWithParent),
                    named);
        }
        Optional<Path> runuser = findExecutable("runuser");
        if (runuser.isPresent()) {
            // runuser switches to a named user only: every build's server is that user then
            return new ServerUser(wanted, ids[0], ids[1], List.of(runuser.get().toString(), "-u", wanted, "--"), null);
        }
        throw new DbcheckException("PostgreSQL refuses to run as root, and neither setpriv nor runuser (util-linux) "
                + "is installed to run it as '" + wanted + "'; install util-linux, run the build as an ordinary "
                + "user, or use provider=docker or provider=server.");
    }

    private static List<String> setprivWrapper(Path setpriv, int uid, int gid, boolean dieWithParent) {
        List<String> wrapper = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups"));
        if (dieWithParent) {
            wrapper.addAll(List.of("--pdeathsig", "INT"));
        }
        return wrapper;
    }

    /**
     * A uid from {@link #OWN_UID_FIRST} on that no process and no passwd entry uses. Random, so that builds
     * starting at the same moment do not pick the same one; the check makes a collision with a live server as
     * unlikely as it is harmless to retry.
     */
    static int unusedUid() {
        java.util.Set<Integer> inUse = new java.util.HashSet<>();
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    inUse.add((Integer) Files.getAttribute(proc, "unix:uid"));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the random pick alone
        }
        java.util.Random random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            int candidate = OWN_UID_FIRST + random.nextInt(OWN_UID_COUNT);
            if (attempt > 100 || (!inUse.contains(candidate) && !inPasswd(candidate))) {
                return candidate;
            }
        }
    }

    /** The user that runs initdb: this one, or the named user a uid of its own borrows for it. */
    public ServerUser initdbUser() {
        return initdb != null ? initdb : this;
    }

    /** Whether this server runs as a uid no other build's server shares. */
    public boolean ownUid() {
        return initdb != null;
    }

    public boolean switchesUser() {
        return gid != UNKNOWN;
    }

    /** The command line with the user switch in front. */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(wrapper);
        full.addAll(command);
        return full;
    }

    /** Hands a directory over to the server user (no-op when no switch is needed). */
    public void own(Path path) throws IOException {
        if (!switchesUser()) {
            return;
        }
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    /** Hands a whole tree over to the server user: the cluster initdb made as another user. */
    public void ownTree(Path root) throws IOException {
        if (!switchesUser()) {
            return;
        }
        try (java.util.stream.Stream<Path> tree = Files.walk(root)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                own(p);
            }
        }
    }

    /**
     * Checks that the server user can reach a directory: every ancestor must be enterable by "others" when the
     * server runs as another user. Returns a problem description or null.
     */
    public String checkReachable(Path directory) {
        if (!switchesUser()) {
            return null;
        }
        for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (!Files.exists(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return p + " cannot be entered by " + (ownUid() ? "the server's own uid " + uid
                            : "user " + name + " (uid " + uid + ")");
                }
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** uid and gid of a user name or numeric uid, from /etc/passwd. */
    static Optional<int[]> lookup(String user) {
        try {
            Path passwd = Path.of("/etc/passwd");
            if (!Files.exists(passwd)) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length >= 4 && (f[0].equals(user) || f[2].equals(user))) {
                    return Optional.of(new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                }
            }
            if (user.matches("\\d+")) {
                int id = Integer.parseInt(user);
                return Optional.of(new int[] {id, id});
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean inPasswd(int uid) {
        try {
            Path passwd = Path.of("/etc/passwd");
            return Files.exists(passwd) && Files.readAllLines(passwd).stream().map(l -> l.split(":"))
                    .anyMatch(f -> f.length >= 3 && f[2].equals(Integer.toString(uid)));
        } catch (IOException e) {
            return false;
        }
    }

    public static Optional<Path> findExecutable(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(0, List.of(path.split(java.io.File.pathSeparator)));
        }
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
