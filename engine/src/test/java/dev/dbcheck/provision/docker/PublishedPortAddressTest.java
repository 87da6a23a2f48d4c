package dev.dbcheck.provision.docker;

import dev.dbcheck.base.DbcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where published ports are reached, for each way a build meets a Docker daemon; never by starting a container. */
class PublishedPortAddressTest {

    static final URI SOCKET = URI.create("unix:///var/run/docker.sock");
    static final PublishedPortAddress.Bridge NO_GATEWAY = new PublishedPortAddress.Bridge(Optional.empty(),
            Optional.of("172.17.0.0/16"), Optional.of("0.0.0.0"));

    static PublishedPortAddress.Machine inContainer(String gateway, String... addresses) throws Exception {
        Set<InetAddress> local = new java.util.HashSet<>(Set.of(InetAddress.getByName("127.0.0.1")));
        for (String a : addresses) {
            local.add(InetAddress.getByName(a));
        }
        return new PublishedPortAddress.Machine(true, local, Optional.ofNullable(gateway));
    }

    @Test
    void testcontainersOwnAnswerIsKeptWhereItNeedsNoContainer() throws Exception {
        PublishedPortAddress.Machine machine = inContainer(null);
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of("TESTCONTAINERS_HOST_OVERRIDE", "10.0.0.9"), machine,
                NO_GATEWAY)).isEmpty();
        assertThat(PublishedPortAddress.decide(URI.create("tcp://docker:2375"), Map.of(), machine, NO_GATEWAY))
                .isEmpty();
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), new PublishedPortAddress.Machine(false, Set.of(),
                Optional.empty()), NO_GATEWAY)).isEmpty();
    }

    @Test
    void aDaemonOnThisNetworkStackIsReachedOnLoopback() throws Exception {
        // dockerd started in this container (Debian's 20.10 names no gateway, only the subnet): docker0 is ours
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer("192.0.2.1", "172.17.0.1"), NO_GATEWAY))
                .contains("127.0.0.1");
        // a daemon that names its gateway, which is one of our interfaces
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer(null, "172.18.0.1"),
                new PublishedPortAddress.Bridge(Optional.of("172.18.0.1"), Optional.empty(), Optional.empty())))
                .contains("127.0.0.1");
        // ports bound to one address only are reached there
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer(null, "172.17.0.1"),
                new PublishedPortAddress.Bridge(Optional.empty(), Optional.of("172.17.0.0/16"),
                        Optional.of("10.1.2.3")))).contains("10.1.2.3");
    }

    @Test
    void theHostsDaemonSeenFromASiblingContainerIsReachedAtTheGateway() throws Exception {
        // GitLab or Jenkins agent with the host's socket mounted: our address is on the bridge, not its gateway
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer("172.17.0.1", "172.17.0.5"),
                new PublishedPortAddress.Bridge(Optional.of("172.17.0.1"), Optional.of("172.17.0.0/16"),
                        Optional.empty()))).contains("172.17.0.1");
        // the same, where the daemon names no gateway: Docker gave the bridge its subnet's first address
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer(null, "172.17.0.5"), NO_GATEWAY))
                .contains("172.17.0.1");
    }

    @Test
    void noGatewayFromTheDaemonMeansThisContainersDefaultRoute() throws Exception {
        assertThat(PublishedPortAddress.decide(SOCKET, Map.of(), inContainer("10.88.0.1", "10.88.0.7"),
                new PublishedPortAddress.Bridge(Optional.empty(), Optional.of("172.17.0.0/16"), Optional.empty())))
                .contains("10.88.0.1");
    }

    @Test
    void withNothingToGoByItFailsAtOnceSayingHowToSetIt() throws Exception {
        assertThatThrownBy(() -> PublishedPortAddress.decide(SOCKET, Map.of(), inContainer(null, "10.88.0.7"),
                new PublishedPortAddress.Bridge(Optional.empty(), Optional.of("fd00::/64"), Optional.empty())))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("dbcheck runs inside a container (/.dockerenv) and cannot tell where the ports of the "
                        + "containers it starts are reachable: the Docker daemon at unix:///var/run/docker.sock names "
                        + "no gateway for its bridge network and this container has no default route. Set "
                        + "TESTCONTAINERS_HOST_OVERRIDE to the address of the Docker host as seen from here, or use "
                        + "provider embedded or server");
    }

    @Test
    void theDefaultRouteIsReadFromTheKernelsTable(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("route");
        Files.writeString(table, String.join("\n",
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
                "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
                "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0", ""));
        assertThat(PublishedPortAddress.defaultGateway(table)).contains("192.0.2.1");
        Files.writeString(table, "Iface\tDestination\tGateway\n");
        assertThat(PublishedPortAddress.defaultGateway(table)).isEmpty();
        assertThat(PublishedPortAddress.defaultGateway(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void theFirstHostOfAnIpv4Subnet() {
        assertThat(PublishedPortAddress.firstHost("172.17.0.0/16")).contains("172.17.0.1");
        assertThat(PublishedPortAddress.firstHost("10.200.3.64/26")).contains("10.200.3.65");
        assertThat(PublishedPortAddress.firstHost("fd00::/64")).isEmpty();
        assertThat(PublishedPortAddress.firstHost("docker.internal/16")).isEmpty();
        assertThat(PublishedPortAddress.firstHost("garbage")).isEmpty();
    }
}
