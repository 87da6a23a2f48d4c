package dev.dbcheck.maven;

import dev.dbcheck.maven.FaultsIT.Build;
import dev.dbcheck.maven.FaultsIT.Kind;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.testing.Skips;
import dev.dbcheck.testing.TestDocker;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code <docker><image>} from a private registry: a real registry (Debian's {@code docker-registry}, on loopback,
 * with htpasswd authentication) holds the test image and the machine does not. A real Maven build pulls it with
 * the credentials {@code docker login} stores ({@code $DOCKER_CONFIG/config.json}) and runs through it; without
 * them the build fails with the registry's refusal.
 */
class PrivateRegistryIT {

    static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    static final String USER = "ci-pull";
    static final String PASSWORD = "Registry-Secret-42";

    @Test
    void anImageFromAPrivateRegistryIsPulledWithTheCredentialsOfDockerLogin() throws Exception {
        String local = TestDocker.postgresImage(); // skips (visibly) where no Docker engine can be had
        if (!Files.isExecutable(REGISTRY)) {
            Skips.unlessRequired("DOCKER", "Private registry test skipped: no " + REGISTRY + " (apt-get install "
                    + "docker-registry, as .ci/run does)");
        }
        List<String> containersBefore = FaultsIT.dbcheckContainers();
        Path work = FaultsIT.WORK.resolve("registry");
        PostgresInstallation.deleteRecursively(work);
        Files.createDirectories(work);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        Files.writeString(work.resolve("htpasswd"), USER + ":" + BCrypt.hashpw(PASSWORD, BCrypt.gensalt(6)) + "\n");
        Files.writeString(work.resolve("config.yml"), """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                auth:
                  htpasswd:
                    realm: dbcheck-test
                    path: %s
                """.formatted(work.resolve("data"), address, work.resolve("htpasswd")));
        Process registry = new ProcessBuilder(REGISTRY.toString(), "serve", work.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile()).start();
        String image = address + "/team/postgres:" + local.substring(local.lastIndexOf(':') + 1);
        try {
            awaitRegistry(address, registry, work);
            // what `docker login 127.0.0.1:<port>` writes; another folder without it
            Path login = Files.createDirectories(work.resolve("docker-login"));
            Files.writeString(login.resolve("config.json"), """
                    {"auths": {"%s": {"auth": "%s"}}}
                    """.formatted(address, Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8))));
            Path anonymous = Files.createDirectories(work.resolve("docker-anonymous"));
            TestDocker.cli("tag", local, image);
            TestDocker.cli("--config", login.toString(), "push", image);
            TestDocker.cli("rmi", image);
            assertThat(TestDocker.cli("images", "-q", image)).as("the machine no longer has " + image).isBlank();
            String[] args = {"-Ddbcheck.provider=docker", "-Ddbcheck.docker.image=" + image};

            Build refused = Build.start(FaultsIT.project("registry-anonymous", Kind.OK),
                    Map.of("DOCKER_CONFIG", anonymous.toString()), args);
            assertThat(refused.waitFor(Duration.ofMinutes(3))).isEqualTo(1);
            assertThat(refused.log()).contains("Docker image " + image + " is not on this machine and could not be "
                    + "pulled (Head \"http://" + address + "/v2/team/postgres/manifests/")
                    .contains("\": no basic auth credentials). Pull or build it (docker pull " + image + ")")
                    .doesNotContain("\tat ");

            Build pulled = Build.start(FaultsIT.project("registry-login", Kind.OK),
                    Map.of("DOCKER_CONFIG", login.toString()), args);
            assertThat(pulled.waitFor(Duration.ofMinutes(3))).as(pulled.log()).isZero();
            assertThat(pulled.log()).contains("Docker image " + image + " is not on this machine; pulling it")
                    .contains("(docker " + image + ") on 127.0.0.1:")
                    .doesNotContain(PASSWORD, "\tat ")
                    .as("Testcontainers' INFO lines are kept out, and a clean build warns of nothing")
                    .doesNotContain("Testcontainers version", "Creating container", "[WARNING]");
            assertThat(TestDocker.cli("images", "-q", image)).as("pulled").isNotBlank();
            assertThat(FaultsIT.dbcheckContainers()).as("containers").isEqualTo(containersBefore);
        } finally {
            registry.destroy();
            registry.waitFor(30, TimeUnit.SECONDS);
            new ProcessBuilder("docker", "rmi", image).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** Until the registry answers /v2/ (401 without credentials). */
    private static void awaitRegistry(String address, Process registry, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> tried = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (!registry.isAlive()) {
                throw new AssertionError("the registry exited: " + Files.readString(work.resolve("registry.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + address + "/v2/").toURL()
                        .openConnection();
                c.setConnectTimeout(1000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 401) {
                    return;
                }
                tried.add(Integer.toString(status));
            } catch (java.io.IOException e) {
                tried.add(e.getClass().getSimpleName());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the registry did not answer: " + tried);
    }
}
