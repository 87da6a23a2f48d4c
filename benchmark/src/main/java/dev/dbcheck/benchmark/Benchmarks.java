package dev.dbcheck.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmarks named on the command line ({@code all} for every one), prints their results, and — when all
 * of them ran — writes them to {@code docs/benchmarks.md} with the date and the machine. The file's hand-written part,
 * after {@link #HAND_WRITTEN}, is kept.
 */
public final class Benchmarks {

    static final String HAND_WRITTEN = "<!-- hand-written below: kept when the benchmark rewrites this file -->";
    static final List<String> ALL = List.of(StartupBenchmark.NAME, ScaleBenchmark.NAME, AnchorBenchmark.NAME,
            GeneratorBenchmark.NAME, LintPathBenchmark.NAME, FunctionalDependencyBenchmark.NAME, AdviceBenchmark.NAME,
            MigrationSafetyBenchmark.NAME);

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> selected = new LinkedHashSet<>(List.of((args.length == 0 ? "all" : args[0]).split(",")));
        boolean all = selected.contains("all");
        for (String name : selected) {
            if (!name.equals("all") && !ALL.contains(name)) {
                System.err.println("Unknown benchmark '" + name + "'; choose from all, " + String.join(", ", ALL));
                System.exit(2);
            }
        }
        List<String> report = new ArrayList<>();
        long start = System.nanoTime();
        // the generator runs before the lint path: its hand-written load is the data-load floor there
        for (String name : ALL) {
            if (!all && !selected.contains(name)) {
                continue;
            }
            System.err.println("[benchmark] " + name + " ...");
            long t = System.nanoTime();
            report.add("");
            switch (name) {
                case StartupBenchmark.NAME -> {
                    report.add("## Embedded startup: cold and warm, template cluster against initdb");
                    report.add("");
                    report.addAll(StartupBenchmark.run());
                }
                case ScaleBenchmark.NAME -> {
                    report.add("## Scale: snapshot + all rules at 500, 1,000 and 2,000 tables");
                    report.add("");
                    report.addAll(ScaleBenchmark.run());
                }
                case AnchorBenchmark.NAME -> {
                    report.add("## Against an anchor: pg-index-health on the same databases");
                    report.add("");
                    report.addAll(AnchorBenchmark.run());
                }
                case GeneratorBenchmark.NAME -> {
                    report.add("## Synthetic data: dbcheck's generator against hand-written INSERT … SELECT "
                            + "generate_series");
                    report.add("");
                    report.addAll(GeneratorBenchmark.run());
                }
                case LintPathBenchmark.NAME -> {
                    report.add("## Engine overhead against the floor: dbcheck:verify on the example project");
                    report.add("");
                    report.addAll(LintPathBenchmark.run());
                }
                case FunctionalDependencyBenchmark.NAME -> {
                    report.add("## Functional dependency discovery (1M rows × 20 columns)");
                    report.add("");
                    report.addAll(FunctionalDependencyBenchmark.run());
                }
                case AdviceBenchmark.NAME -> {
                    report.add("## Index advice: candidates built and measured, against the same SQL by hand");
                    report.add("");
                    report.addAll(AdviceBenchmark.run());
                }
                case MigrationSafetyBenchmark.NAME -> {
                    report.add("## Migration safety: lock times traced at two volumes, against the statements by hand");
                    report.add("");
                    report.addAll(MigrationSafetyBenchmark.run());
                }
                default -> throw new IllegalStateException(name);
            }
            System.err.printf(Locale.ROOT, "[benchmark] %s done in %.0f s%n", name, (System.nanoTime() - t) / 1e9);
        }
        List<String> document = new ArrayList<>(header((System.nanoTime() - start) / 1e9));
        document.addAll(report);
        document.forEach(System.out::println);
        if (all) {
            write(Path.of("../docs/benchmarks.md"), document);
            System.out.println();
            System.out.println("Written to docs/benchmarks.md");
        } else {
            System.out.println();
            System.out.println("docs/benchmarks.md is written only when all benchmarks run (-Dbenchmarks=all)");
        }
        System.exit(0); // the embedded servers are closed; do not wait for pool threads
    }

    private static List<String> header(double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmarks");
        lines.add("");
        lines.add("Generated by `./mvnw -Pbenchmark -pl benchmark -am -DskipTests verify` (see the benchmark module's "
                + "sources for what each number is). Every comparison is measured in the same run, on the same "
                + "machine; times are medians with (min–max, number of runs).");
        lines.add("");
        lines.add("- Date: " + LocalDate.now());
        lines.add("- Machine: " + machine());
        lines.add(String.format(Locale.ROOT, "- Whole run: %.0f s", seconds));
        return lines;
    }

    static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, ", %.0f GiB RAM", kb / 1048576.0);
                }
            }
            Path release = Path.of("/etc/os-release");
            if (Files.exists(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        os = line.substring("PRETTY_NAME=".length()).replace("\"", "") + " (Linux "
                                + System.getProperty("os.version") + ")";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep what we have
        }
        return String.format(Locale.ROOT, "%s, %d cores%s; %s; Java %s (%s); disk: %s", cpu,
                Runtime.getRuntime().availableProcessors(), memory, os, System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getVmName(), disk());
    }

    private static String disk() {
        try {
            return Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).type() + " under "
                    + System.getProperty("java.io.tmpdir");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void write(Path file, List<String> generated) throws IOException {
        List<String> out = new ArrayList<>(generated);
        out.add("");
        out.add(HAND_WRITTEN);
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int at = old.indexOf(HAND_WRITTEN);
            if (at >= 0) {
                out.add(old.substring(at + HAND_WRITTEN.length()).stripLeading().stripTrailing());
            }
        }
        Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }
}
