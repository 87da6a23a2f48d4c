package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.Cleanup;
import dev.dbcheck.provision.ThrowawaySettings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of our own: a fresh cluster in a temporary directory, on a free loopback port, with
 * durability off. Closing it stops the server (fast shutdown) and deletes the directory; so does the JVM's
 * shutdown (Ctrl-C), and the kernel stops it if the JVM is killed outright (where {@code setpriv} exists).
 *
 * <p>Only TCP on 127.0.0.1 is served (no Unix socket), with a random superuser password, so other users of the
 * machine cannot use the server while it runs.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** Prefix of every cluster directory; {@link StaleClusters} recognises leftovers by it. */
    public static final String DIRECTORY_PREFIX = "dbcheck-pg-";
    public static final String SUPERUSER = "postgres";
    private static final int PORT_ATTEMPTS = 8;

    private final PostgresInstallation installation;
    private final ServerUser user;
    private final Path directory;
    private volatile String password;
    private final EngineLog log;
    private Process process;
    private int port;
    private final PortRange ports;
    private Duration clusterTime = Duration.ZERO;
    private boolean fromTemplate;
    /** The kept cluster this one was copied from, when it was (its data is reused); else null. */
    private LoadedClusters.Entry loadedFrom;
    private LoadedClusters clusters;
    private LoadedClusters.Entry startFrom;
    /** What close() keeps of this cluster for later runs; null for nothing. */
    private volatile Keep keep;
    private Duration startTime = Duration.ZERO;
    private Duration passwordTime = Duration.ZERO;
    private volatile boolean closed;

    private EmbeddedPostgres(PostgresInstallation installation, ServerUser user, Path directory, String password,
                             PortRange ports, EngineLog log) {
        this.installation = installation;
        this.ports = ports;
        this.user = user;
        this.directory = directory;
        this.password = password;
        this.log = log;
    }

    /**
     * Creates and starts a cluster.
     *
     * @param workRoot       where the temporary cluster directory goes (the system temp directory by default)
     * @param settings       server settings ({@code -c name=value}) on top of {@link ThrowawaySettings#defaults()}
     * @param startupTimeout how long initdb plus start may take
     */
    public static EmbeddedPostgres start(PostgresInstallation installation, ServerUser user, Path workRoot,
                                         Map<String, String> settings, Duration startupTimeout, EngineLog log)
            throws DbcheckException {
        return start(installation, user, workRoot, settings, startupTimeout, ClusterSource.TEMPLATE, log);
    }

    /** Where a new cluster's data directory comes from. */
    public enum ClusterSource {
        /** A copy of the cached pristine cluster ({@link ClusterTemplate}); initdb (and saving it) the first time. */
        TEMPLATE,
        /** initdb every time, and no template is read or written. */
        INITDB
    }

    /**
     * @param source how the data directory is made; {@link ClusterSource#TEMPLATE} is the faster
     *               (docs/benchmarks.md), {@link ClusterSource#INITDB} is there for the benchmark to compare
     */
    public static EmbeddedPostgres start(PostgresInstallation installation, ServerUser user, Path workRoot,
                                         Map<String, String> settings, Duration startupTimeout, ClusterSource source,
                                         EngineLog log) throws DbcheckException {
        return start(installation, user, workRoot, settings, startupTimeout, source, PortRange.ANY, log);
    }

    /** @param ports the ports the server may listen on ({@code embeddedPorts}); {@link PortRange#ANY} by default */
    public static EmbeddedPostgres start(PostgresInstallation installation, ServerUser user, Path workRoot,
                                         Map<String, String> settings, Duration startupTimeout, ClusterSource source,
                                         PortRange ports, EngineLog log) throws DbcheckException {
        return start(installation, user, workRoot, settings, startupTimeout, source, ports, null, null, log);
    }

    /**
     * @param clusters where kept clusters are, or null
     * @param loaded   a kept cluster of {@code clusters} to start from instead of the template; when it cannot be
     *                 used (damaged, untrusted, removed meanwhile) the cluster is made as {@code source} says
     */
    public static EmbeddedPostgres start(PostgresInstallation installation, ServerUser user, Path workRoot,
                                         Map<String, String> settings, Duration startupTimeout, ClusterSource source,
                                         PortRange ports, LoadedClusters clusters, LoadedClusters.Entry loaded,
                                         EngineLog log)
            throws DbcheckException {
        String unreachable = user.checkReachable(installation.directory());
        if (unreachable != null) {
            throw new DbcheckException("The PostgreSQL binaries in " + installation.directory()
                    + " cannot be used by the server user: " + unreachable
                    + "; set cacheDirectory (or DBCHECK_CACHE_DIR) to a directory every user can enter.");
        }
        StaleClusters.sweep(workRoot, log);
        Path directory;
        try {
            Files.createDirectories(workRoot);
            directory = Files.createTempDirectory(workRoot, DIRECTORY_PREFIX);
        } catch (IOException e) {
            // the random name of the directory it tried is noise; a file in the way (workRoot itself) is not
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    && fs.getFile() != null && Path.of(fs.getFile()).startsWith(workRoot)
                    && !Path.of(fs.getFile()).equals(workRoot) ? fs.getReason()
                    : dev.dbcheck.base.SourceFiles.describe(e);
            throw new DbcheckException("workDirectory: cannot create the PostgreSQL cluster directory in " + workRoot
                    + ": " + why + "; set workDirectory to a writable directory", e);
        }
        String unreachableWork = user.checkReachable(directory.getParent());
        EmbeddedPostgres server = new EmbeddedPostgres(installation, user, directory, randomPassword(), ports, log);
        server.clusters = clusters;
        server.startFrom = loaded;
        Cleanup.register(server);
        try {
            if (unreachableWork != null) {
                throw new DbcheckException("The cluster directory " + directory + " cannot be used by the server user: "
                        + unreachableWork + "; set workDirectory to a directory every user can enter.");
            }
            StaleClusters.markOwner(directory);
            user.own(directory);
            server.createCluster(source, startupTimeout);
            Map<String, String> all = ThrowawaySettings.defaults();
            all.putAll(settings);
            server.startServer(all, startupTimeout);
            if (server.fromTemplate) {
                long passwordStart = System.nanoTime();
                server.changePassword();
                server.passwordTime = Duration.ofNanos(System.nanoTime() - passwordStart);
            }
            return server;
        } catch (DbcheckException e) {
            server.close();
            throw diskFull(e, e.getMessage(), workRoot).orElse(e);
        } catch (IOException e) {
            server.close();
            String message = "Cannot prepare the PostgreSQL cluster in " + directory + ": " + describe(e);
            throw diskFull(e, message, workRoot).orElse(new DbcheckException(message, e));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void createCluster(ClusterSource source, Duration timeout) throws DbcheckException, IOException {
        long start = System.nanoTime();
        ClusterTemplate template = ClusterTemplate.of(installation);
        if (startFrom != null) {
            java.util.Optional<String> copied = clusters.copyTo(startFrom, dataDirectory(), user, log);
            if (copied.isPresent()) {
                password = copied.get();
                fromTemplate = true; // its password is written in the cache too: changed at once
                loadedFrom = startFrom;
                clusterTime = Duration.ofNanos(System.nanoTime() - start);
                return;
            }
        }
        if (source == ClusterSource.TEMPLATE) {
            java.util.Optional<String> copied = template.copyTo(dataDirectory(), user, log);
            if (copied.isPresent()) {
                password = copied.get();
                fromTemplate = true;
                clusterTime = Duration.ofNanos(System.nanoTime() - start);
                return;
            }
        }
        initdb(timeout);
        if (source == ClusterSource.TEMPLATE) {
            template.save(dataDirectory(), password, log);
        }
        clusterTime = Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * A copy of the template starts with the template's password, which is written in the cache; the server gets
     * its own random one before anything else uses it.
     */
    private void changePassword() throws DbcheckException {
        String fresh = randomPassword();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            dev.dbcheck.provision.ThrowawaySettings.fastPasswordHashing(c, s);
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + fresh + "'"); // alphanumeric: nothing to escape
        } catch (SQLException e) {
            throw new DbcheckException("Cannot set the password of the embedded PostgreSQL copied from "
                    + ClusterTemplate.of(installation).directory() + ": " + e.getMessage()
                    + " (delete that directory to have it made again)", e);
        }
        password = fresh;
    }

    /**
     * The initdb command line of every cluster (and of the benchmark's bare-tools floor). Changing it means
     * bumping {@link ClusterTemplate#FORMAT}, so that templates made with the old one are not used.
     */
    public static List<String> initdbCommand(PostgresInstallation installation, Path dataDirectory,
                                             Path passwordFile) {
        List<String> command = new ArrayList<>(List.of(
                installation.binary("initdb").toString(),
                "-D", dataDirectory.toString(),
                "-U", SUPERUSER,
                "--pwfile=" + passwordFile,
                "--auth=scram-sha-256",
                "-E", "UTF8",
                "--locale=C",
                "--no-sync"));
        if (PostgresVersions.major(installation.version()) >= 14) {
            command.add("--no-instructions");
        }
        return command;
    }

    private void initdb(Duration timeout) throws DbcheckException, IOException {
        Path passwordFile = directory.resolve("pwfile");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        // initdb needs a passwd entry, which a uid of its own lacks: it runs as the borrowed user, and the
        // cluster it made is handed to the server's uid afterwards (it ran no SQL of the project meanwhile)
        ServerUser initdbUser = user.initdbUser();
        initdbUser.own(directory);
        initdbUser.own(passwordFile);
        List<String> command = initdbCommand(installation, dataDirectory(), passwordFile);
        Path logFile = directory.resolve("initdb.log");
        ProcessBuilder builder = new ProcessBuilder(initdbUser.command(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        serverEnvironment(builder);
        Process initdb = ProcessLauncher.start(builder);
        try {
            if (!initdb.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                initdb.destroyForcibly();
                throw new DbcheckException("initdb did not finish within "
                        + dev.dbcheck.base.ConfigValues.formatDuration(timeout)
                        + " (startupTimeout; raise it on a slow machine); its output: " + orNothing(tail(logFile)));
            }
        } catch (InterruptedException e) {
            initdb.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DbcheckException("Interrupted while creating the PostgreSQL cluster", e);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        if (initdb.exitValue() != 0) {
            throw new DbcheckException("initdb failed (exit " + initdb.exitValue() + "): " + tail(logFile));
        }
        if (initdbUser != user) {
            user.ownTree(directory);
        }
    }

    /**
     * What the server (and every program a migration's {@code COPY ... PROGRAM} starts through it) sees of the
     * environment: a search path, the C locale and the time zone — not the build's environment, which on a CI
     * machine holds tokens and passwords ({@code GITHUB_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}, ...) that the SQL
     * of a pull request could otherwise read from {@code /proc/<pid>/environ} or with {@code COPY ... TO PROGRAM
     * 'env'}.
     */
    static void serverEnvironment(ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        String timeZone = environment.get("TZ");
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LC_ALL", "C");
        if (timeZone != null && timeZone.matches("[A-Za-z0-9_+:/.-]{1,64}")) {
            environment.put("TZ", timeZone); // initdb takes the cluster's default time zone from it
        }
    }

    private void startServer(Map<String, String> settings, Duration timeout) throws DbcheckException, IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Path logFile = directory.resolve("postgres.log");
        // With no range the system picks a free port; another process may take it before postgres binds it, so a
        // few are tried. With a range every port of it is tried once, those already in use skipped.
        java.util.Iterator<Integer> candidates = ports.any() ? null : ports.candidates().iterator();
        for (int attempt = 1; ; attempt++) {
            port = candidates == null ? freePort() : nextFreePort(candidates);
            if (port < 0) {
                throw new DbcheckException("embeddedPorts: no free port in " + ports + " on 127.0.0.1 (all "
                        + ports.size() + " in use); widen embeddedPorts, or leave it unset so that the system picks a "
                        + "free port");
            }
            List<String> command = new ArrayList<>(List.of(
                    installation.binary("postgres").toString(),
                    "-D", dataDirectory().toString(),
                    "-p", Integer.toString(port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories="));
            settings.forEach((name, value) -> {
                command.add("-c");
                command.add(name + "=" + value);
            });
            ProcessBuilder builder = new ProcessBuilder(user.command(command))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            serverEnvironment(builder);
            process = ProcessLauncher.start(builder);
            Outcome outcome = awaitReady(deadline);
            if (outcome == Outcome.READY) {
                startTime = Duration.ofNanos(System.nanoTime() - start);
                return;
            }
            String logTail = tail(logFile);
            if (outcome == Outcome.EXITED && logTail.contains("could not bind")
                    && (candidates != null || attempt < PORT_ATTEMPTS)) {
                log.debug("Port " + port + " was taken meanwhile; trying another");
                Files.deleteIfExists(logFile); // so the next attempt's failure is read on its own
                continue;
            }
            if (outcome == Outcome.TIMED_OUT) {
                throw new DbcheckException("PostgreSQL did not accept connections within "
                        + dev.dbcheck.base.ConfigValues.formatDuration(timeout)
                        + " (startupTimeout; raise it on a slow machine); server log: " + orNothing(logTail));
            }
            throw new DbcheckException("PostgreSQL failed to start: " + logTail);
        }
    }

    private enum Outcome { READY, EXITED, TIMED_OUT }

    /**
     * Waits until the server accepts connections. PostgreSQL writes "ready" into line 8 of postmaster.pid when it
     * does; that file is polled rather than opening connections that would log failures.
     */
    private Outcome awaitReady(long deadlineNanos) throws DbcheckException {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                    return Outcome.READY;
                }
            } catch (IOException ignored) {
                // not written yet
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbcheckException("Interrupted while waiting for PostgreSQL to start");
            }
        }
        return Outcome.TIMED_OUT;
    }

    public Path directory() {
        return directory;
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public String version() {
        return installation.version();
    }

    public ServerUser user() {
        return user;
    }

    /** How long making the data directory took: initdb, or copying the template. */
    public Duration clusterTime() {
        return clusterTime;
    }

    /** Whether the data directory was copied from the cached template rather than made by initdb. */
    public boolean fromTemplate() {
        return fromTemplate;
    }

    /** The kept cluster this one is a copy of (its data is reused), or empty. */
    public java.util.Optional<LoadedClusters.Entry> loadedFrom() {
        return java.util.Optional.ofNullable(loadedFrom);
    }

    /** What {@link #keepOnClose} is told: the entry's key, its metadata, whether it replaces one of that key. */
    private record Keep(String key, String metadata, boolean replace) {
    }

    /**
     * Has {@link #close} keep this cluster, once cleanly stopped, in the kept clusters it was started with, instead
     * of deleting it. Without kept clusters ({@code clusters} null at the start) this does nothing.
     *
     * @return whether it will be kept
     */
    public boolean keepOnClose(String key, String metadata, boolean replace) {
        if (clusters == null) {
            return false;
        }
        keep = new Keep(key, metadata, replace);
        return true;
    }

    /** Changing the password a copied cluster came with. */
    public Duration passwordTime() {
        return passwordTime;
    }

    public Duration startTime() {
        return startTime;
    }

    /** The operating-system process id of the postmaster. */
    public long pid() {
        return process.pid();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "dbcheck");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates a database, optionally as a copy of another (the fast way to give every test a fresh one). */
    public void createDatabase(String name, String template) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + dev.dbcheck.sql.Identifiers.alwaysQuote(name)
                    + (template == null ? "" : " TEMPLATE " + dev.dbcheck.sql.Identifiers.alwaysQuote(template)));
        }
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dev.dbcheck.sql.Identifiers.alwaysQuote(name) + " WITH (FORCE)");
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * How the server ended, if it ended while it was expected to run: "the embedded PostgreSQL (pid 123) was
     * killed by signal 9 (SIGKILL)".
     */
    public java.util.Optional<String> exitDescription() {
        if (process == null || closed) {
            return java.util.Optional.empty();
        }
        if (process.isAlive()) {
            // alive but frozen (SIGSTOP, a debugger): it answers no new connection, which then times out
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                            process.toHandle().children())
                    .filter(p -> stopped(p.pid())).findFirst()
                    .map(p -> "the embedded PostgreSQL (pid " + p.pid() + ") is stopped (SIGSTOP or a debugger) "
                            + "and answers no connection");
        }
        int code = process.exitValue();
        String how = code > 128 ? "was killed by signal " + (code - 128) + signalName(code - 128)
                : "exited with code " + code;
        return java.util.Optional.of("the embedded PostgreSQL (pid " + process.pid() + ") " + how
                + "; its log: " + tail(directory.resolve("postgres.log")));
    }

    /** Whether the process is in the stopped state ({@code T} in {@code /proc/<pid>/stat}). */
    private static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ...: the command may hold spaces and parentheses, the state follows the last ')'
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'T';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
    }

    /** Stops the server with a fast shutdown (active sessions are ended) and deletes the cluster directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Cleanup.unregister(this);
        if (process != null && process.isAlive()) {
            // postmaster.pid lies in a directory the server's SQL can write to (COPY ... TO a file): its pid is
            // believed only when it is the started process or that process's child (runuser forks)
            long started = process.pid();
            stop(process, postmasterPid(dataDirectory()).filter(pid -> pid == started || ProcessHandle.of(pid)
                    .flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L) == started).orElse(started));
            // only a clean (fast) shutdown keeps the unlogged tables: a crashed cluster would start with them empty
            Keep kept = keep;
            if (kept != null && !process.isAlive() && process.exitValue() == 0 && !Cleanup.shuttingDown()) {
                killOrphans(dataDirectory());
                long start = System.nanoTime();
                clusters.store(kept.key(), dataDirectory(), password, kept.metadata(), kept.replace(), log)
                        .ifPresent(e -> log.info(String.format(java.util.Locale.ROOT, "Kept the synthetic data "
                                + "for reuse as %s (%s) in %.1f s", e.key(), LoadedClusters.human(e.bytes()),
                                (System.nanoTime() - start) / 1e9)));
            }
        }
        killOrphans(dataDirectory());
        try {
            PostgresInstallation.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("Could not delete the PostgreSQL cluster directory " + directory + ": " + e.getMessage());
        }
    }

    private static void stop(Process process, long postmasterPid) {
        try {
            if (!sendSignal(postmasterPid, "INT")) {
                process.destroy();
            }
            sendSignal(postmasterPid, "CONT"); // a stopped postmaster acts on the INT only once it runs again
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Backends outlive a postmaster that was killed outright (kill -9, the OOM killer) until they notice, and a
     * long query may not notice for a while. Every PostgreSQL process runs in its data directory, so those
     * still there are found by their working directory and killed: nothing of the cluster survives close().
     */
    static void killOrphans(Path dataDirectory) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        Path target = dataDirectory.toAbsolutePath().normalize();
        try (var entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readSymbolicLink(entry.resolve("cwd")).equals(target)) {
                        sendSignal(Long.parseLong(name), "KILL");
                    }
                } catch (IOException | SecurityException e) {
                    // gone already, or not ours to see
                }
            }
        } catch (IOException e) {
            // no /proc listing: nothing more to do
        }
    }

    /**
     * The postmaster's pid from line 1 of postmaster.pid. It is the started process itself under setpriv, which
     * execs, but a child of {@code runuser}, which forks.
     */
    static java.util.Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Sends a signal by name with kill(1); SIGINT is PostgreSQL's fast shutdown. */
    static boolean sendSignal(long pid, String signal) {
        var kill = ServerUser.findExecutable("kill");
        if (kill.isEmpty()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(kill.get().toString(), "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next port of the range that nothing listens on now, or -1 when none is left. */
    private static int nextFreePort(java.util.Iterator<Integer> candidates) {
        while (candidates.hasNext()) {
            int candidate = candidates.next();
            try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort(); // bound, so free now; closed again for the server to take
            } catch (IOException inUse) {
                // taken: the next one
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(false);
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A failure for want of space, whoever noticed it (the copy, initdb, postgres), said as such. */
    private static java.util.Optional<DbcheckException> diskFull(Exception failure, String message, Path workRoot) {
        if (!dev.dbcheck.base.DiskFull.isCause(failure)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DbcheckException("workDirectory: no space left on the file system of "
                + workRoot + " for the PostgreSQL cluster (an empty one takes about 40 MB, synthetic data more); free "
                + "space there or set workDirectory to another file system. What failed: " + message));
    }

    private static String orNothing(String logTail) {
        return logTail.isBlank() ? "(nothing logged yet)" : logTail;
    }

    /** The last lines of a log, on one line, for an error message. */
    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> relevant = lines.stream()
                    .filter(l -> l.contains("FATAL") || l.contains("ERROR") || l.contains("PANIC")
                            || l.contains("could not") || l.contains("initdb:") || l.contains("error"))
                    .toList();
            List<String> chosen = relevant.isEmpty() ? lines : relevant;
            int from = Math.max(0, chosen.size() - 4);
            return String.join(" | ", chosen.subList(from, chosen.size())).trim();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return switch (kind) {
            case "AccessDeniedException" -> "permission denied: " + e.getMessage();
            case "NoSuchFileException" -> "no such file or directory: " + e.getMessage();
            case "FileSystemException" -> e.getMessage();
            default -> e.getMessage();
        };
    }
}
