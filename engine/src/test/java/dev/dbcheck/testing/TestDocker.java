package dev.dbcheck.testing;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.provision.docker.DockerEngine;
import dev.dbcheck.provision.docker.DockerProvider;
import dev.dbcheck.provision.embedded.PostgresInstallation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine for the docker provider's tests, and a PostgreSQL image built locally from scratch — this
 * machine cannot pull images: the embedded binaries under /usr/local/pgsql, the few host libraries they link
 * (found with ldd), busybox for a shell, and an entrypoint that behaves like the official image's
 * ({@code docker/docker-entrypoint.sh}). Without a reachable engine the tests are skipped with a message, unless
 * {@code DBCHECK_REQUIRE_DOCKER=true} (set by {@code .ci/run}, which installs and starts one) makes that a failure.
 */
public final class TestDocker {

    private static DockerEngine engine;
    private static String image;

    private TestDocker() {
    }

    public static synchronized DockerEngine engine() {
        if (engine == null) {
            try {
                engine = DockerEngine.find(System.getenv());
            } catch (DbcheckException e) {
                Skips.unlessRequired("DOCKER", "Docker tests skipped: " + e.getMessage());
            }
        }
        return engine;
    }

    /** {@code dbcheck-test/postgres:<version>}, built once per machine. */
    public static synchronized String postgresImage() throws Exception {
        if (image != null) {
            return image;
        }
        DockerEngine docker = engine();
        PostgresInstallation pg = TestPostgres.installation();
        String name = "dbcheck-test/postgres:" + pg.version();
        if (!docker.hasImage(name)) {
            build(pg, name);
        }
        image = name;
        return image;
    }

    private static void build(PostgresInstallation pg, String name) throws Exception {
        Path context = Path.of("target/docker-image").toAbsolutePath();
        PostgresInstallation.deleteRecursively(context);
        Path root = Files.createDirectories(context.resolve("rootfs"));
        copyTree(pg.directory(), root.resolve("usr/local/pgsql"));
        for (Path lib : hostLibraries(pg.directory())) {
            Path target = root.resolve(lib.toString().substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(lib, target, StandardCopyOption.REPLACE_EXISTING); // follows the symlink: the real file
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            throw new AssertionError("/bin/busybox is missing: apt-get install busybox-static (.ci/run does)");
        }
        Files.createDirectories(root.resolve("bin"));
        for (String applet : List.of("busybox", "sh")) {
            Files.copy(busybox, root.resolve("bin/" + applet), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + "postgres:x:999:999:postgres:/var/lib/postgresql:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\npostgres:x:999:\n");
        Files.createDirectories(root.resolve("usr/local/bin"));
        try (InputStream in = TestDocker.class.getResourceAsStream("/docker/docker-entrypoint.sh")) {
            Files.copy(in, root.resolve("usr/local/bin/docker-entrypoint.sh"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(root.resolve("usr/local/bin/docker-entrypoint.sh"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Path owned = Files.createDirectories(context.resolve("owned"));
        Files.createDirectories(owned.resolve("var/lib/postgresql/data"));
        Files.createDirectories(owned.resolve("var/run/postgresql"));
        Path tmp = Files.createDirectories(context.resolve("tmp/tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY rootfs/ /",
                "COPY --chown=999:999 owned/ /",
                "COPY tmp/ /",
                "ENV PATH=/usr/local/pgsql/bin:/bin PGDATA=/var/lib/postgresql/data LANG=C.UTF-8",
                "USER 999:999",
                "EXPOSE 5432",
                "STOPSIGNAL SIGINT",
                "ENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\"]",
                "CMD [\"postgres\"]", ""), StandardCharsets.UTF_8);
        cli("build", "--quiet", "-t", name, context.toString());
    }

    /**
     * Runs the docker command line (the tests' view of the engine, independent of dbcheck's) and returns what it
     * printed, standard error included; a non-zero exit or five minutes without one fails the test with that output.
     */
    public static String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Ids of the containers whose dbcheck owner label is {@code owner}. */
    public static List<String> containersOwnedBy(String owner) throws IOException, InterruptedException {
        return cli("ps", "-a", "-q", "--filter", "label=" + DockerProvider.OWNER_LABEL + "=" + owner).lines()
                .filter(l -> !l.isBlank()).toList();
    }

    /** Libraries outside the installation that its binaries and modules load, and the dynamic loader. */
    private static Set<Path> hostLibraries(Path installation) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ldd"));
        try (Stream<Path> files = Files.walk(installation)) {
            files.filter(Files::isRegularFile).filter(f -> f.toString().contains("/bin/") || f.toString()
                    .endsWith(".so") || f.toString().matches(".*\\.so\\.[0-9.]+")).forEach(f -> command.add(f.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", installation.resolve("lib").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        Set<Path> libs = new TreeSet<>();
        for (String line : output.lines().toList()) {
            String t = line.trim();
            String path = null;
            if (t.contains("=> /")) {
                path = t.substring(t.indexOf("=> ") + 3).replaceAll(" \\(0x.*", "");
            } else if (t.startsWith("/") && t.contains(" (0x")) {
                path = t.replaceAll(" \\(0x.*", "");
            }
            if (path != null && !path.startsWith(installation.toString())) {
                libs.add(Path.of(path));
            }
        }
        return libs;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

}
