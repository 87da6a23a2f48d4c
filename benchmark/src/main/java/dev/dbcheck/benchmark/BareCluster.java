package dev.dbcheck.benchmark;

import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.ServerUser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The floor: PostgreSQL run the way a shell script would, with the bare tools and none of dbcheck — {@code initdb},
 * {@code postgres}, {@code psql} — on the same binaries, with the same initdb arguments and server settings.
 * Each step is timed on its own.
 */
final class BareCluster implements AutoCloseable {

    static final String PASSWORD = "floor";

    private final PostgresInstallation installation;
    private final ServerUser user;
    private final Path directory;
    private Process postgres;
    private int port;

    BareCluster(PostgresInstallation installation, ServerUser user) throws IOException {
        this.installation = installation;
        this.user = user;
        this.directory = Files.createTempDirectory("dbcheck-bench-floor", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        user.own(directory);
    }

    /** initdb with the arguments dbcheck uses (the same list); milliseconds. */
    double initdb() throws Exception {
        Path pwfile = directory.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        // as dbcheck does: initdb needs a passwd entry, which a server's own uid has not (it runs as nobody and
        // the cluster is handed over)
        ServerUser initdbUser = user.initdbUser();
        initdbUser.own(directory);
        initdbUser.own(pwfile);
        long start = System.nanoTime();
        run(initdbUser.command(EmbeddedPostgres.initdbCommand(installation, data(), pwfile)), Map.of());
        if (initdbUser != user) {
            user.ownTree(directory);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** postgres started in the background until postmaster.pid says "ready"; milliseconds. */
    double start(Map<String, String> extraSettings) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(installation.binary("postgres").toString(), "-D",
                data().toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
                "unix_socket_directories="));
        Map<String, String> settings = dev.dbcheck.provision.ThrowawaySettings.defaults();
        settings.putAll(extraSettings);
        settings.forEach((k, v) -> {
            command.add("-c");
            command.add(k + "=" + v);
        });
        long start = System.nanoTime();
        postgres = new ProcessBuilder(user.command(command)).redirectErrorStream(true)
                .redirectOutput(directory.resolve("postgres.log").toFile()).start();
        Path pid = data().resolve("postmaster.pid");
        while (true) {
            if (!postgres.isAlive()) {
                throw new IllegalStateException("postgres exited: " + Files.readString(directory.resolve("postgres.log")));
            }
            if (Files.exists(pid)) {
                List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
                if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                    return (System.nanoTime() - start) / 1e6;
                }
            }
            Thread.sleep(5);
        }
    }

    /** One psql process running the files in order, stopping at the first error; milliseconds. */
    double psql(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(psqlBinary(), "-X", "-q", "-A", "-t", "-o", "/dev/null",
                "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                EmbeddedPostgres.SUPERUSER, "-d", "postgres"));
        for (Path f : files) {
            command.add("-f");
            command.add(f.toAbsolutePath().toString());
        }
        long start = System.nanoTime();
        run(command, Map.of("PGPASSWORD", PASSWORD, "PGOPTIONS", ""));
        return (System.nanoTime() - start) / 1e6;
    }

    static String psqlBinary() {
        return ServerUser.findExecutable("psql").map(Path::toString).orElseThrow(() -> new IllegalStateException(
                "psql is needed for the floor measurements: install PostgreSQL's client "
                        + "(apt-get install postgresql-client)"));
    }

    Connection connect() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedPostgres.SUPERUSER);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Path directory() {
        return directory;
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("tool.log").toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(directory.resolve("tool.log")));
        }
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            if (postgres != null && postgres.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).start().waitFor();
                if (!postgres.waitFor(30, TimeUnit.SECONDS)) {
                    postgres.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PostgresInstallation.deleteRecursively(directory);
    }
}
