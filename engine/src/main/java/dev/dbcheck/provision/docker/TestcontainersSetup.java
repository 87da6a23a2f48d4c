package dev.dbcheck.provision.docker;

import com.github.dockerjava.api.model.Network;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prepares Testcontainers for a build tool rather than a test suite, once per JVM, before its first use:
 * <ul>
 *   <li>the Docker API version: Testcontainers 2 asks for API 1.44; an older engine (Debian's 20.10 speaks 1.41)
 *       refuses that, so docker-java's {@code api.version} is set to the engine's own version when it is older
 *       (and the property is not set already);</li>
 *   <li>no start-up checks: they run an {@code alpine} container that a machine without registry access cannot
 *       pull, and dbcheck checks the daemon itself ({@link DockerEngine});</li>
 *   <li>no reaper of Testcontainers': dbcheck removes its containers itself (at the end, on failure, in its own
 *       shutdown hook, and containers of dead builds at the next start). Ryuk's image often cannot be pulled in CI,
 *       and the in-JVM reaper Testcontainers falls back to ({@code TESTCONTAINERS_RYUK_DISABLED}) prunes in a
 *       JVM shutdown hook — which in Maven runs after the plugin's class realm is closed, and so ends every build
 *       with a {@code NoClassDefFoundError} stack trace. The plain {@code ResourceReaper} labels containers and
 *       removes them when asked, and sets no hook.</li>
 *   <li>no helper container to find the Docker host: the address of published ports is decided by
 *       {@link PublishedPortAddress} and handed to Testcontainers before it would start {@code alpine} for it.</li>
 * </ul>
 * The last three have no switch except environment variables, which a running JVM cannot set; they are applied by
 * replacing two Testcontainers singletons through reflection. That ties dbcheck to the Testcontainers version in
 * the build (pinned in the parent pom); if the internals move, this logs a warning and Testcontainers keeps its
 * defaults.
 */
final class TestcontainersSetup {

    private static boolean done;
    private static boolean addressPinned;

    private TestcontainersSetup() {
    }

    static synchronized void prepare(DockerEngine engine, EngineLog log) {
        if (done) {
            return;
        }
        done = true;
        quietLogging();
        if (engine.apiVersion() != null && System.getProperty("api.version") == null
                && compare(engine.apiVersion(), "1.44") < 0) {
            System.setProperty("api.version", engine.apiVersion());
        }
        try {
            disableChecks();
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot turn off Testcontainers' start-up checks (" + e + "); they may try to pull alpine");
        }
        try {
            useReaperWithoutHook();
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot replace Testcontainers' reaper (" + e + "); set TESTCONTAINERS_RYUK_DISABLED=true "
                    + "if its Ryuk image cannot be pulled here");
        }
    }

    /**
     * Testcontainers logs a dozen lines at INFO for each container (version, environment, auth lookup, container
     * id, JDBC URL), and dbcheck prints the one that matters itself. Maven's SLF4J provider (like slf4j-simple)
     * reads a logger's level from these system properties when the logger is created, so setting them before the
     * first Testcontainers class loads keeps its warnings and errors only. A value the user set (MAVEN_OPTS, -D)
     * wins; under other SLF4J providers the properties mean nothing.
     */
    static void quietLogging() {
        for (String logger : new String[] {"org.testcontainers", "tc"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void disableChecks() throws ReflectiveOperationException {
        TestcontainersConfiguration current = TestcontainersConfiguration.getInstance();
        Map<String, String> env = new HashMap<>(current.getEnvironment());
        env.put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        Constructor<TestcontainersConfiguration> constructor = TestcontainersConfiguration.class
                .getDeclaredConstructor(Properties.class, Properties.class, Map.class);
        constructor.setAccessible(true);
        TestcontainersConfiguration replaced = constructor.newInstance(current.getUserProperties(),
                current.getClasspathProperties(), env);
        Method field = TestcontainersConfiguration.class.getDeclaredMethod("getInstanceField");
        field.setAccessible(true);
        ((AtomicReference<Object>) field.invoke(null)).set(replaced);
    }

    private static void useReaperWithoutHook() throws ReflectiveOperationException {
        Field instance = ResourceReaper.class.getDeclaredField("instance");
        instance.setAccessible(true);
        if (instance.get(null) == null) {
            Constructor<ResourceReaper> constructor = ResourceReaper.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance.set(null, constructor.newInstance());
        }
    }

    /**
     * Lets Testcontainers pick its way to the daemon, then gives that choice the address of published ports before
     * anything asks Testcontainers for it ({@link PublishedPortAddress}). Once per JVM.
     *
     * @throws DbcheckException when no address can be told without a helper container, or Testcontainers cannot
     *                          reach the daemon
     */
    static synchronized void pinPublishedPortAddress(Map<String, String> env, EngineLog log) throws DbcheckException {
        if (addressPinned) {
            return;
        }
        DockerClientProviderStrategy strategy;
        try {
            Method initialize = DockerClientFactory.class.getDeclaredMethod("getOrInitializeStrategy");
            initialize.setAccessible(true);
            strategy = (DockerClientProviderStrategy) initialize.invoke(DockerClientFactory.instance());
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new DbcheckException("Testcontainers cannot use the Docker daemon: " + rootMessage(e.getCause())
                    + ". Use provider embedded (no Docker needed) or server", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Cannot reach Testcontainers' Docker strategy (" + e + "); it decides the host itself");
            addressPinned = true;
            return;
        }
        URI dockerHost = strategy.getTransportConfig().getDockerHost();
        PublishedPortAddress.Bridge bridge = bridge(strategy);
        Optional<String> address = PublishedPortAddress.decide(dockerHost, env, PublishedPortAddress.Machine.current(),
                bridge);
        addressPinned = true;
        if (address.isEmpty()) {
            return;
        }
        try {
            Field field = DockerClientProviderStrategy.class.getDeclaredField("dockerHostIpAddress");
            field.setAccessible(true);
            synchronized (strategy) {
                if (field.get(strategy) == null) {
                    field.set(strategy, address.get());
                }
            }
            log.debug("Published container ports are reached at " + address.get());
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (bridge.gateway().isEmpty()) { // Testcontainers would run its helper image: say so instead of waiting
                throw new DbcheckException("Testcontainers " + DockerClientFactory.TESTCONTAINERS_VERSION + " would "
                        + "start an alpine container to find the Docker host from inside this container, and dbcheck "
                        + "cannot tell it the address (" + e + "). Set " + PublishedPortAddress.OVERRIDE + "="
                        + address.get() + ", or use provider embedded or server");
            }
        }
    }

    /** The daemon's default bridge network, as far as it tells; nothing where there is none (rootless, Podman). */
    private static PublishedPortAddress.Bridge bridge(DockerClientProviderStrategy strategy) {
        try {
            Network network = strategy.getDockerClient().inspectNetworkCmd().withNetworkId("bridge").exec();
            var configs = network.getIpam() == null || network.getIpam().getConfig() == null
                    ? java.util.List.<Network.Ipam.Config>of() : network.getIpam().getConfig();
            Optional<String> gateway = configs.stream().map(Network.Ipam.Config::getGateway).filter(Objects::nonNull)
                    .findFirst();
            Optional<String> subnet = configs.stream().map(Network.Ipam.Config::getSubnet).filter(Objects::nonNull)
                    .findFirst();
            Optional<String> binding = Optional.ofNullable(network.getOptions())
                    .map(o -> o.get("com.docker.network.bridge.host_binding_ipv4"));
            return new PublishedPortAddress.Bridge(gateway, subnet, binding);
        } catch (RuntimeException e) {
            return new PublishedPortAddress.Bridge(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Compares dotted version numbers: 1.41 &lt; 1.44. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
