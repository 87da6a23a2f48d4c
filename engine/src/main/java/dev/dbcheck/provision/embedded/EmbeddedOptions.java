package dev.dbcheck.provision.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the embedded server is started.
 *
 * @param version        a resolved binaries version ({@link PostgresVersions#resolve})
 * @param cacheDirectory where binaries are extracted; null for {@link PostgresInstallation#defaultCacheDirectory()}
 * @param workDirectory  where the temporary cluster goes; null for the system temp directory
 * @param serverSettings extra server settings
 * @param startupTimeout limit for initdb plus start
 * @param serverUser     user to run the server as when the JVM runs as root; null for a uid of its own
 * @param ports          the ports the server may listen on
 */
public record EmbeddedOptions(String version, Path cacheDirectory, Path workDirectory,
                              Map<String, String> serverSettings, Duration startupTimeout, String serverUser,
                              PortRange ports) {

    public EmbeddedOptions {
        serverSettings = Map.copyOf(serverSettings);
        ports = ports == null ? PortRange.ANY : ports;
    }

    /** This version with every default (tests, benchmarks). */
    public static EmbeddedOptions defaults(String version) {
        return new EmbeddedOptions(version, null, null, Map.of(), Duration.ofMinutes(2), null, PortRange.ANY);
    }
}
