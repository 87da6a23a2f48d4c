package dev.dbcheck.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedProvider;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.PostgresVersions;
import dev.dbcheck.provision.embedded.ServerUser;
import dev.dbcheck.schema.SnapshotReader;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code dbcheck:verify} on the example project, phase by phase, against the floor: the same work done with the bare
 * tools in the same run — {@code initdb}, {@code postgres}, {@code psql -f} over the same migration files, and psql
 * replaying the very catalog queries dbcheck's snapshot sends.
 *
 * <p>dbcheck runs as users run it: the README's command ({@code ./mvnw -B -pl example-project -am -DskipTests
 * verify}) in a new Maven process; its phase times come from its own summary line. Lint-path runs (dashboards
 * skipped) alternate with floor runs; then full runs with the dashboards give the data load and plans phases, whose
 * floors are the hand-written load of the generator benchmark and the server's own planning + execution time of the
 * same EXPLAIN ANALYZE runs (from the JSON report).
 */
final class LintPathBenchmark {

    static final String NAME = "lint";
    private static final Pattern SUMMARY = Pattern.compile("dbcheck: .* — (.*) \\(total ([0-9.]+) s\\)");
    private static final Pattern PHASE = Pattern.compile("(.+) ([0-9.]+) s");
    private static final List<String> LINT_PHASES = List.of("database start", "migrations", "snapshot", "rules");

    /** Set by the generator benchmark when it ran first: the hand-written load of the same volumes, in ms. */
    static volatile Double handwrittenLoadMs;
    /** The generator section's floor load, best round; null when it did not run. */
    static volatile Double floorLoadMs;

    /**
     * The embedded provider's own line: {@code started in 0.74 s (binaries 0.03 s, cluster copied from the cached
     * template in 0.25 s, start 0.30 s, password 0.02 s, CREATE DATABASE 0.05 s)}.
     */
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+) s \\(binaries ([0-9.]+) s, "
            + "(?:cluster copied from the cached template in|initdb|cluster with the kept synthetic data \\S+ copied in)"
            + " ([0-9.]+) s, start ([0-9.]+) s, password ([0-9.]+) s, CREATE DATABASE ([0-9.]+) s\\)");
    private static final List<String> START_PARTS = List.of("started", "binaries", "cluster", "start", "password",
            "CREATE DATABASE");

    /** @param startParts the embedded start's parts in ms, by {@link #START_PARTS}; empty when not logged */
    record MavenRun(Map<String, Double> phases, double wallMs, Map<String, Double> startParts) {
    }

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.lintRounds", 5);
        int fullRounds = Integer.getInteger("benchmark.fullRounds", 3);
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = GeneratorBenchmark.migrations();
        PostgresInstallation installation = EmbeddedProvider.install(PostgresVersions.resolve("18", "postgresVersion"),
                MavenRepositoryResolver.defaults(EngineLog.SILENT), PostgresInstallation.defaultCacheDirectory(),
                EngineLog.SILENT);
        ServerUser user = ServerUser.choose(null, true);

        verify(root, false); // compiles what needs compiling, fills caches: not counted
        List<MavenRun> lint = new ArrayList<>();
        List<Map<String, Double>> floor = new ArrayList<>();
        int catalogQueries = 0;
        for (int i = 0; i < rounds; i++) {
            lint.add(verify(root, false));
            Map<String, Double> f = new LinkedHashMap<>();
            try (BareCluster bare = new BareCluster(installation, user)) {
                f.put("initdb", bare.initdb());
                f.put("start", bare.start(Map.of("random_page_cost", "1.1", "effective_cache_size", "16GB")));
                f.put("migrations", bare.psql(files));
                // the statements dbcheck's snapshot sends, recorded on this database, replayed by psql
                RecordingConnection recording;
                try (Connection c = bare.connect()) {
                    recording = new RecordingConnection(c);
                    new SnapshotReader(List.of(), Set.of()).read(recording.connection());
                }
                Path script = bare.directory().resolve("catalog.sql");
                List<String> statements = recording.statements();
                catalogQueries = statements.size() - 1; // SET TRANSACTION is not a query
                Files.write(script, Stream.concat(Stream.concat(Stream.of("BEGIN;"), statements.stream()),
                        Stream.of("COMMIT;")).toList());
                f.put("catalog", bare.psql(List.of(script)));
            }
            floor.add(f);
        }
        // full runs: cold (no kept data: generated, then kept) and warm right after (the same project: reused)
        List<MavenRun> full = new ArrayList<>();
        List<MavenRun> warm = new ArrayList<>();
        List<Double> serverPlanMs = new ArrayList<>();
        Path kept = PostgresInstallation.defaultCacheDirectory().resolve("data-v1");
        for (int i = 0; i < fullRounds; i++) {
            if (Files.exists(kept)) {
                PostgresInstallation.deleteRecursively(kept);
            }
            full.add(verify(root, true));
            serverPlanMs.add(serverPlanTime(root.resolve("example-project/target/dbcheck/dbcheck.json")));
            warm.add(verify(root, true));
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Example project (7 migrations, PostgreSQL 18, embedded). dbcheck: %d runs "
                + "of the README's command with `-Ddbcheck.dashboards.skip=true`, alternating with %d floor runs, "
                + "then %d full runs cold (the kept data removed) each followed by one warm; medians (min–max, n).",
                rounds, rounds, fullRounds));
        lines.add("");
        lines.add("| phase | dbcheck:verify | floor, bare tools | floor does | dbcheck ÷ floor |");
        lines.add("|---|---|---|---|---|");
        Stats start = phase(lint, "database start");
        Stats floorStart = sum(floor, "initdb", "start");
        lines.add(row("database start", start, floorStart, "`initdb` + `postgres` until ready"));
        Stats migrate = phase(lint, "migrations");
        Stats floorMigrate = sum(floor, "migrations");
        lines.add(row("migrations", migrate, floorMigrate, "`psql -f V1 … -f V7` (one process)"));
        Stats snapshot = phase(lint, "snapshot");
        Stats floorCatalog = sum(floor, "catalog");
        lines.add(row("snapshot", snapshot, floorCatalog, "`psql -f` of the snapshot's " + catalogQueries
                + " catalog queries"));
        lines.add(row("rules", phase(lint, "rules"), null, "— (pure Java over the snapshot)"));
        lines.add(row("reports", phase(lint, "reports"), null, "— (files under target/dbcheck)"));
        Stats lintPath = phases(lint, LINT_PHASES);
        Stats floorTotal = sum(floor, "initdb", "start", "migrations", "catalog");
        lines.add(row("**lint path** (start + migrations + snapshot + rules)", lintPath, floorTotal,
                "all of the above"));
        List<String> withReports = new ArrayList<>(LINT_PHASES);
        withReports.add("reports");
        lines.add(row("lint path + reports", phases(lint, withReports), floorTotal, "all of the above"));
        lines.add(row("data load (cold full runs)", phase(full, "data load"),
                floorLoadMs == null ? null : new Stats(List.of(floorLoadMs)),
                "the floor of the generator section: unlogged, keys from row numbers, indexes after, a session per "
                        + "table, same tables and volumes (best round)"));
        lines.add(row("data load (cold full runs), naive SQL", phase(full, "data load"),
                handwrittenLoadMs == null ? null : new Stats(List.of(handwrittenLoadMs)),
                "hand-written `INSERT … SELECT generate_series`, same tables and volumes (generator section, best "
                        + "round)"));
        lines.add(row("plans (full runs)", phase(full, "plans"), new Stats(serverPlanMs),
                "the server's own planning + execution time of the same EXPLAIN ANALYZE runs"));
        Stats coldTotal = new Stats(full.stream().map(r -> r.phases().values().stream().mapToDouble(d -> d).sum())
                .toList());
        Stats warmTotal = new Stats(warm.stream().map(r -> r.phases().values().stream().mapToDouble(d -> d).sum())
                .toList());
        lines.add("");
        lines.add(String.format(Locale.ROOT, "The whole dbcheck:verify with the dashboards (the sum of its phases, as its "
                        + "summary line's total): cold, no kept data, %s (goal ≤ 30 s); warm, the unchanged project "
                        + "right after, its data reused, %s (goal ≤ 8 s). Maven's whole process: cold %s, warm %s.",
                coldTotal, warmTotal, new Stats(full.stream().map(MavenRun::wallMs).toList()),
                new Stats(warm.stream().map(MavenRun::wallMs).toList())));
        lines.add("");
        lines.add("The database start of the lint-path runs, part by part (the embedded provider's own log line, "
                + "10 ms resolution):");
        lines.add("");
        lines.add("| part | time | what it is |");
        lines.add("|---|---|---|");
        Map<String, String> what = Map.of(
                "binaries", "resolving the binaries jar in the local Maven repository and checking the extracted cache",
                "cluster", "copying the cached template cluster into a new data directory",
                "start", "`postgres` until it accepts connections",
                "password", "a new random password for the copied cluster",
                "CREATE DATABASE", "the run's fresh database",
                "started", "all of it, as the provider measures it");
        for (String part : START_PARTS.subList(1, START_PARTS.size())) {
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s |", part, startPart(lint, part), what.get(part)));
        }
        lines.add(String.format(Locale.ROOT, "| **started** | %s | %s |", startPart(lint, "started"),
                what.get("started")));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Lint path ratio: **%.2f×** (goal ≤ 1.20×). Maven's whole process for a "
                        + "lint-path run (JVM start, reactor of rules + plugin + example project, dbcheck): %s.",
                lintPath.median() / floorTotal.median(), new Stats(lint.stream().map(MavenRun::wallMs).toList())));
        return lines;
    }

    private static String row(String name, Stats dbcheck, Stats floor, String what) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", name, dbcheck, floor == null ? "—" : floor,
                what, floor == null ? "—" : String.format(Locale.ROOT, "%.2f×", dbcheck.median() / floor.median()));
    }

    private static Stats startPart(List<MavenRun> runs, String part) {
        return new Stats(runs.stream().filter(r -> r.startParts().containsKey(part))
                .map(r -> r.startParts().get(part)).toList());
    }

    private static Stats phase(List<MavenRun> runs, String name) {
        return phases(runs, List.of(name));
    }

    private static Stats phases(List<MavenRun> runs, List<String> names) {
        return new Stats(runs.stream().map(r -> names.stream().mapToDouble(n -> r.phases().getOrDefault(n, 0.0))
                .sum()).toList());
    }

    private static Stats sum(List<Map<String, Double>> runs, String... keys) {
        return new Stats(runs.stream().map(r -> Stream.of(keys).mapToDouble(r::get).sum()).toList());
    }

    /** dbcheck:verify in a new Maven process, as the README runs it; its phase times from its summary line. */
    private static MavenRun verify(Path root, boolean dashboards) throws Exception {
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-pl", "example-project", "-am",
                "-DskipTests", "verify", "-Ddbcheck.dashboards.skip=" + !dashboards);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Map<String, Double> phases = new LinkedHashMap<>();
        Map<String, Double> startParts = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    for (int g = 0; g < START_PARTS.size(); g++) {
                        startParts.put(START_PARTS.get(g), Double.parseDouble(started.group(g + 1)) * 1000);
                    }
                }
                Matcher m = SUMMARY.matcher(line);
                if (m.find()) {
                    for (String part : m.group(1).split(" · ")) {
                        Matcher pm = PHASE.matcher(part.trim());
                        if (pm.matches()) {
                            phases.put(pm.group(1), Double.parseDouble(pm.group(2)) * 1000);
                        }
                    }
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || phases.isEmpty()) {
            throw new IllegalStateException("dbcheck:verify on the example project failed:\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        return new MavenRun(phases, (System.nanoTime() - start) / 1e6, startParts);
    }

    /** Planning + execution time PostgreSQL reported for every EXPLAIN ANALYZE run of the dashboard queries. */
    private static double serverPlanTime(Path json) throws Exception {
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        double total = 0;
        for (JsonNode q : report.path("dashboards").path("queries")) {
            double planning = q.path("plan").path("planningMs").asDouble();
            for (JsonNode t : q.path("timesMs")) {
                total += t.asDouble() + planning;
            }
        }
        return total;
    }
}
