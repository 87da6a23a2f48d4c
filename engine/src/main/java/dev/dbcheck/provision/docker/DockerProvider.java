package dev.dbcheck.provision.docker;

import dev.dbcheck.base.Wording;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Container;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.BuildOwner;
import dev.dbcheck.provision.Cleanup;
import dev.dbcheck.provision.DatabaseProvider;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.RandomHex;
import dev.dbcheck.provision.ThrowawaySettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.RegistryAuthLocator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL in a container, through Testcontainers' PostgreSQL module: for the exact image production runs
 * (extensions outside contrib such as PostGIS or pgvector, a vendor image, a private registry). Any image that
 * behaves like the official {@code postgres} image works: {@code POSTGRES_USER/PASSWORD/DB}, a {@code postgres}
 * command, the readiness log line.
 *
 * <p>The container carries a label naming this build ({@code host/pid/start}); dbcheck removes it at the end, on
 * failure and at JVM shutdown (Ctrl-C, SIGTERM), and at start removes containers whose build is gone (after a kill
 * -9), so nothing depends on Testcontainers' Ryuk container.
 */
public final class DockerProvider implements DatabaseProvider {

    public static final String OWNER_LABEL = "dev.dbcheck.owner";

    private final String image;
    private final Map<String, String> settings;
    private final Duration startupTimeout;
    private final Map<String, String> env;

    public DockerProvider(String image, Map<String, String> settings, Duration startupTimeout) {
        this(image, settings, startupTimeout, System.getenv());
    }

    DockerProvider(String image, Map<String, String> settings, Duration startupTimeout, Map<String, String> env) {
        this.image = image;
        this.settings = Map.copyOf(settings);
        this.startupTimeout = startupTimeout;
        this.env = Map.copyOf(env);
    }

    @Override
    public ProvisionedDatabase provision(EngineLog log) throws DbcheckException {
        long start = System.nanoTime();
        DockerEngine engine = DockerEngine.find(env);
        TestcontainersSetup.prepare(engine, log);
        TestcontainersSetup.pinPublishedPortAddress(env, log);
        DockerClient client;
        try {
            client = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DbcheckException("Testcontainers cannot use the Docker daemon at " + engine.host() + ": "
                    + rootMessage(e) + ". Use provider embedded (no Docker needed) or server", e);
        }
        removeContainersOfDeadBuilds(client, log);
        if (!engine.hasImage(image)) {
            log.info("Docker image " + image + " is not on this machine; pulling it");
            String failure = pull(client, image);
            if (failure == null && !engine.hasImage(image)) {
                failure = "the daemon reported no error, yet has no image " + image;
            }
            if (failure != null) {
                throw new DbcheckException("Docker image " + image + " is not on this machine and could not be pulled ("
                        + failure + "). Pull or build it (docker pull " + image + "), or set "
                        + Wording.current().setting("docker.image") + " ("
                        + Wording.current().property("dbcheck.docker.image") + ") to an image you have");
            }
        }
        @SuppressWarnings("resource") // closed by Running.close, or by Cleanup at shutdown
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("dbcheck").withUsername("dbcheck").withPassword(RandomHex.of(12))
                .withLabel(OWNER_LABEL, owner())
                .withStartupTimeout(startupTimeout);
        container.setCommand(command());
        Running running = new Running(container, image);
        Cleanup.register(running); // from here on, Ctrl-C removes the container too
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = lastLogLines(container);
            running.close();
            throw startFailure(e, logs);
        }
        running.host = container.getHost();
        running.version = serverVersion(running);
        log.info(String.format("PostgreSQL %s (docker %s) on %s:%d started in %.2f s", running.version, image,
                running.host, container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                (System.nanoTime() - start) / 1e9));
        return running;
    }

    /** {@code postgres -c fsync=off ...}: the embedded server's fast settings, then the user's. */
    private String[] command() {
        Map<String, String> all = new LinkedHashMap<>(ThrowawaySettings.defaults());
        all.putAll(settings);
        List<String> command = new ArrayList<>(List.of("postgres"));
        all.forEach((k, v) -> {
            command.add("-c");
            command.add(k + "=" + v);
        });
        return command.toArray(String[]::new);
    }

    private DbcheckException startFailure(RuntimeException e, String logs) {
        String message = rootMessage(e);
        String all = chain(e);
        if (all.contains("Can't get Docker image") || all.contains("No such image") || all.contains("pull access denied")
                || all.contains("manifest unknown") || all.contains("not found")) {
            return new DbcheckException("Docker image " + image + " is not on this machine and could not be pulled ("
                    + message + "). Pull or build it (docker pull " + image + "), or set "
                    + Wording.current().setting("docker.image") + " ("
                    + Wording.current().property("dbcheck.docker.image") + ") to an image you have", e);
        }
        if (all.contains("Timed out") || all.contains("timed out")) {
            return new DbcheckException("The container of image " + image + " did not accept connections within the "
                    + "startup timeout (" + dev.dbcheck.base.ConfigValues.formatDuration(startupTimeout) + ", startupTimeout)"
                    + (logs.isEmpty() ? "" : "; its last log lines:\n" + logs), e);
        }
        return new DbcheckException("Cannot start a container of image " + image + ": " + message
                + (logs.isEmpty() ? "" : "; its last log lines:\n" + logs), e);
    }

    private static String lastLogLines(PostgreSQLContainer container) {
        try {
            if (container.getContainerId() == null) {
                return "";
            }
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String serverVersion(Running running) {
        try (Connection c = running.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).replaceAll(" .*", "");
        } catch (java.sql.SQLException e) {
            return "?"; // whatever is wrong shows in the first real use, with its own message
        }
    }

    /**
     * Pulls once, with the credentials {@code docker login} stored for the image's registry (Testcontainers reads
     * {@code $DOCKER_CONFIG/config.json}, credential helpers and stores, or {@code DOCKER_AUTH_CONFIG}), and fails
     * with the daemon's reason; Testcontainers' own pull would retry for two minutes.
     *
     * @return null when pulled, else why not
     */
    private static String pull(DockerClient client, String image) {
        DockerImageName name = DockerImageName.parse(image);
        try {
            AuthConfig auth = RegistryAuthLocator.instance().lookupAuthConfig(name, null);
            boolean done = client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart())
                    .withAuthConfig(auth).exec(new PullImageResultCallback())
                    .awaitCompletion(10, java.util.concurrent.TimeUnit.MINUTES);
            return done ? null : "the pull did not finish within 10 minutes";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return daemonReason(rootMessage(e).replaceFirst("^Could not pull image: ", ""));
        }
    }

    /** {@code Status 500: {"message":"..."}} from docker-java, as the daemon's sentence. */
    static String daemonReason(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)Status \\d+: (\\{.*})\\s*").matcher(message);
        return (m.matches() ? DockerEngine.message(m.group(1)) : message).trim();
    }

    /** This build, as a container label ({@link BuildOwner}). */
    public static String owner() {
        return BuildOwner.current();
    }

    /**
     * Containers a build on this host started and could not remove (it was killed with SIGKILL): their owner
     * process is gone, or the pid now belongs to another process. Containers of running builds are left alone.
     */
    static void removeContainersOfDeadBuilds(DockerClient client, EngineLog log) {
        try {
            List<Container> ours = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(OWNER_LABEL)).exec();
            for (Container c : ours) {
                String owner = c.getLabels().get(OWNER_LABEL);
                if (BuildOwner.isGone(owner)) {
                    client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    log.info("Removed container " + c.getId().substring(0, 12) + " left by a build that ended without "
                            + "cleaning up (" + owner + ")");
                }
            }
        } catch (RuntimeException e) {
            log.debug("Cannot look for containers of earlier builds: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t).append(' ');
        }
        return all.toString();
    }

    /** The running container as a throwaway database; closing stops and removes it with its volumes. */
    private static final class Running implements ProvisionedDatabase {
        private final PostgreSQLContainer container;
        private final String image;
        private String version = "?";
        private String host;
        private boolean closed;

        private dev.dbcheck.provision.QueryRole queryRole;

        Running(PostgreSQLContainer container, String image) {
            this.container = container;
            this.image = image;
        }

        @Override
        public synchronized Connection connectForProjectQueries() throws java.sql.SQLException {
            if (queryRole == null) {
                queryRole = dev.dbcheck.provision.QueryRole.create(this);
            }
            return queryRole.connect(this);
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                    + "/" + container.getDatabaseName();
        }

        private String host() {
            return host != null ? host : container.getHost();
        }

        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public String description() {
            return "PostgreSQL " + version + " (docker " + image + ") on " + host() + ":"
                    + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public java.util.Optional<String> lost() {
            if (closed || container.getContainerId() == null || container.isRunning()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("the container " + container.getContainerId().substring(0, 12) + " of image "
                    + image + " is no longer running");
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            Cleanup.unregister(this);
            container.stop(); // kills and removes the container and its volumes
        }
    }
}
