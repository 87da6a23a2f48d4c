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
 * run as root"), which is exactly how many CI containers run builds. Then dbcheck runs {@code initdb} and
 * {@code postgres} as an unprivileged user ({@code nobody} unless configured) through {@code setpriv} (or
 * {@code runuser}), with the cluster directory owned by that user. As an ordinary user the server simply runs as
 * that user.
 *
 * @param name    the user's name, for the log
 * @param uid     its uid
 * @param gid     its primary gid
 * @param wrapper the command prefix that switches to it; empty when no switch is needed
 */
public record ServerUser(String name, int uid, int gid, List<String> wrapper) {

    private static final int UNKNOWN = -1;
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
     * @param configuredUser the user to switch to when running as root; null for {@code nobody}
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
            return new ServerUser(System.getProperty("user.name"), uid, UNKNOWN, wrapper);
        }
        String wanted = configuredUser == null || configuredUser.isBlank() ? "nobody" : configuredUser.trim();
        int[] ids = lookup(wanted).orElseThrow(() -> new DbcheckException(
                "PostgreSQL refuses to run as root, and user '" + wanted + "' to run it as does not exist; set "
                        + "embeddedUser to an existing unprivileged user, or run the build as an ordinary user."));
        if (ids[0] == 0) {
            throw new DbcheckException("embeddedUser: PostgreSQL refuses to run as root; choose an unprivileged user");
        }
        if (setpriv.isPresent()) {
            List<String> wrapper = new ArrayList<>(List.of(setpriv.get().toString(),
                    "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups"));
            if (dieWithParent) {
                wrapper.addAll(List.of("--pdeathsig", "INT"));
            }
            return new ServerUser(wanted, ids[0], ids[1], wrapper);
        }
        Optional<Path> runuser = findExecutable("runuser");
        if (runuser.isPresent()) {
            return new ServerUser(wanted, ids[0], ids[1], List.of(runuser.get().toString(), "-u", wanted, "--"));
        }
        throw new DbcheckException("PostgreSQL refuses to run as root, and neither setpriv nor runuser (util-linux) "
                + "is installed to run it as '" + wanted + "'; install util-linux, run the build as an ordinary "
                + "user, or use provider=docker or provider=server.");
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
                    return p + " cannot be entered by user " + name + " (uid " + uid + ")";
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
