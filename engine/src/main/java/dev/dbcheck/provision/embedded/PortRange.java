package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loopback ports the embedded server may listen on. By default ({@link #ANY}) the operating system hands out a
 * free one; a range is for machines where only some ports may be used (a firewall between build agents, a port
 * policy on a shared host). Within a range the ports are tried from a random start, so parallel builds sharing a
 * range rarely race for the same one.
 *
 * @param first first port, or 0 for any free port
 * @param last  last port (inclusive), or 0 for any free port
 */
public record PortRange(int first, int last) {

    public static final PortRange ANY = new PortRange(0, 0);

    /**
     * Parses {@code 54320-54339} or a single port {@code 55432}; blank means {@link #ANY}.
     *
     * @param key the configuration key, for the message
     */
    public static PortRange parse(String key, String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        String text = value.trim();
        String[] parts = text.split("\\s*-\\s*", -1);
        if (parts.length > 2) {
            throw bad(key, value);
        }
        int first = port(key, value, parts[0]);
        int last = parts.length == 2 ? port(key, value, parts[1]) : first;
        if (last < first) {
            throw new ConfigException(key, "'" + value + "' ends before it starts; write the lower port first, like "
                    + last + "-" + first);
        }
        return new PortRange(first, last);
    }

    private static int port(String key, String value, String part) throws ConfigException {
        int port;
        try {
            port = Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw bad(key, value);
        }
        if (port < 1024 || port > 65535) {
            throw new ConfigException(key, "'" + value + "': " + port + " is not a port an unprivileged server can "
                    + "listen on (1024-65535)");
        }
        return port;
    }

    private static ConfigException bad(String key, String value) {
        return new ConfigException(key, "'" + value + "' is not a port or a port range like 54320-54339");
    }

    public boolean any() {
        return first == 0;
    }

    public int size() {
        return any() ? 0 : last - first + 1;
    }

    /** The ports of the range, each once, in the order to try them: a rotation from a random start. */
    List<Integer> candidates() {
        List<Integer> ports = new ArrayList<>(size());
        for (int p = first; p <= last && !any(); p++) {
            ports.add(p);
        }
        if (!ports.isEmpty()) {
            Collections.rotate(ports, ThreadLocalRandom.current().nextInt(ports.size()));
        }
        return ports;
    }

    @Override
    public String toString() {
        return any() ? "any free port" : first == last ? Integer.toString(first) : first + "-" + last;
    }
}
