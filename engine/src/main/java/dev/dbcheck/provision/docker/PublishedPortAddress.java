package dev.dbcheck.provision.docker;

import dev.dbcheck.base.DbcheckException;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address at which this JVM reaches the ports a container publishes, decided without starting a container.
 *
 * <p>Testcontainers decides that itself, and in one case runs a container to do it: when this JVM runs inside a
 * container ({@code /.dockerenv}) and talks to the daemon over a Unix socket, it asks for the default bridge
 * network's gateway, and when the daemon's answer names none (Debian's docker.io 20.10 writes only the subnet) it
 * starts an {@code alpine:3.17} helper to read the gateway from its routing table. A CI runner without registry
 * access cannot pull that image, and Testcontainers waits two minutes per attempt. So dbcheck decides first, with
 * what this machine can tell without a container, and hands the address to Testcontainers:
 * <ol>
 *   <li>{@code TESTCONTAINERS_HOST_OVERRIDE} set, a TCP daemon, or not inside a container: Testcontainers' own
 *       answer needs no container, so it is kept;</li>
 *   <li>the daemon shares this network stack (its bridge's gateway — named, or the subnet's first address, which
 *       Docker gives the bridge — is one of this machine's interfaces — dockerd started in this very container, a devcontainer with host networking):
 *       published ports are on loopback, {@code 127.0.0.1} (or the daemon's own binding address if it has one);</li>
 *   <li>the daemon is elsewhere (the socket of the host's daemon mounted into a sibling container — GitLab and
 *       Jenkins agents): the bridge's gateway, else this container's own default gateway from
 *       {@code /proc/net/route} — the address the helper container would have printed —, else the subnet's first
 *       address;</li>
 *   <li>none of these: one line that says so and how to set the address, at once.</li>
 * </ol>
 */
final class PublishedPortAddress {

    static final String OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";

    private PublishedPortAddress() {
    }

    /** What the daemon says of its default bridge network. */
    record Bridge(Optional<String> gateway, Optional<String> subnet, Optional<String> bindingAddress) {
    }

    /** What this machine says of itself. */
    record Machine(boolean insideContainer, Set<InetAddress> interfaceAddresses, Optional<String> defaultGateway) {

        static Machine current() {
            return new Machine(Files.exists(Path.of("/.dockerenv")), PublishedPortAddress.interfaceAddresses(),
                    PublishedPortAddress.defaultGateway(Path.of("/proc/net/route")));
        }
    }

    /**
     * @return the address for Testcontainers, or empty when its own answer needs no container
     * @throws DbcheckException when no address can be told without a helper container
     */
    static Optional<String> decide(URI dockerHost, Map<String, String> env, Machine machine, Bridge bridge)
            throws DbcheckException {
        String scheme = dockerHost.getScheme();
        if (!env.getOrDefault(OVERRIDE, "").isBlank() || !machine.insideContainer()
                || !("unix".equals(scheme) || "npipe".equals(scheme))) {
            return Optional.empty();
        }
        // Docker's own IPAM gives a bridge the first address of its subnet when the answer names no gateway
        Optional<String> gateway = bridge.gateway().or(() -> bridge.subnet().flatMap(PublishedPortAddress::firstHost));
        if (gateway.map(g -> isLocal(g, machine.interfaceAddresses())).orElse(false)) {
            return Optional.of(bridge.bindingAddress().filter(a -> !a.equals("0.0.0.0") && !a.equals("::"))
                    .orElse("127.0.0.1"));
        }
        Optional<String> address = bridge.gateway().or(machine::defaultGateway).or(() -> gateway);
        if (address.isPresent()) {
            return address;
        }
        throw new DbcheckException("dbcheck runs inside a container (/.dockerenv) and cannot tell where the ports of "
                + "the containers it starts are reachable: the Docker daemon at " + dockerHost + " names no gateway "
                + "for its bridge network and this container has no default route. Set " + OVERRIDE
                + " to the address of the Docker host as seen from here, or use provider embedded or server");
    }

    static boolean isLocal(String address, Set<InetAddress> local) {
        try {
            return local.contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The first host address of an IPv4 {@code a.b.c.d/n} ({@code 172.17.0.0/16} → {@code 172.17.0.1}). */
    static Optional<String> firstHost(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(0, slash).matches("[0-9.]+")) {
            return Optional.empty(); // not IPv4: no literal here is ever resolved as a host name
        }
        try {
            InetAddress network = InetAddress.getByName(cidr.substring(0, slash));
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (!(network instanceof Inet4Address) || bits < 1 || bits > 30) {
                return Optional.empty();
            }
            byte[] b = network.getAddress();
            int n = ((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff))
                    & (-1 << (32 - bits));
            n += 1;
            return Optional.of((n >>> 24) + "." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream()).collect(Collectors.toSet());
        } catch (SocketException e) {
            return Set.of();
        }
    }

    /**
     * The gateway of the default route in the kernel's table ({@code /proc/net/route}: destination and gateway as
     * little-endian hex), the same answer {@code ip route} gives; empty where there is none or no such file.
     */
    static Optional<String> defaultGateway(Path routeTable) {
        List<String> lines;
        try {
            lines = Files.readAllLines(routeTable);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].equals("00000000") && !f[2].equals("00000000")) {
                try {
                    long g = Long.parseLong(f[2], 16);
                    return Optional.of((g & 0xff) + "." + (g >> 8 & 0xff) + "." + (g >> 16 & 0xff) + "."
                            + (g >> 24 & 0xff));
                } catch (NumberFormatException e) {
                    // not a route line
                }
            }
        }
        return Optional.empty();
    }
}
