package dev.dbcheck.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs the benchmarks named on the command line ({@code all} for every one) and prints their results. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> selected = Set.of((args.length == 0 ? "all" : args[0]).split(","));
        boolean all = selected.contains("all");
        List<String> report = new ArrayList<>();
        if (all || selected.contains(FunctionalDependencyBenchmark.NAME)) {
            report.add("## Functional dependency discovery (1M rows × 20 columns)");
            report.addAll(FunctionalDependencyBenchmark.run());
        }
        if (all || selected.contains(GeneratorBenchmark.NAME)) {
            report.add("## Synthetic data: dbcheck's generator against hand-written INSERT ... SELECT generate_series");
            report.addAll(GeneratorBenchmark.run());
        }
        report.forEach(System.out::println);
        System.exit(0); // the embedded servers are closed; do not wait for pool threads
    }
}
