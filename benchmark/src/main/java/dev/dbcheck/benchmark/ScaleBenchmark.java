package dev.dbcheck.benchmark;

import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snapshot + every rule on a generated schema ({@link GeneratedSchema}) of 500, 1,000 and 2,000 tables: time and
 * heap, so that growth is visible. The schema is made once per size in its own database on one server; the first
 * round of each size is a warm-up.
 */
final class ScaleBenchmark {

    static final String NAME = "scale";

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.scaleRounds", 5);
        List<Integer> sizes = List.of(500, 1000, 2000);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Generated schemas (`GeneratedSchema`: keys of every kind, 6–14 mixed "
                + "columns, foreign keys indexed and not, composite keys, duplicate indexes, partitioned tables); "
                + "snapshot + all rules with the default configuration, in-process on a warm JVM; medians (min–max, n) "
                + "of %d rounds after a warm-up. Heap: peak of the heap pools during one snapshot + rules, above what "
                + "was in use before (an upper bound: pools peak at different moments), and what the snapshot keeps.",
                rounds));
        lines.add("");
        lines.add("| tables | relations in snapshot | findings | snapshot | rules | snapshot + rules | per table "
                + "| heap peak | snapshot retained |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        double perTableSmall = 0;
        double perTableLarge = 0;
        double largestTotal = 0;
        double largestHeap = 0;
        try (ProvisionedDatabase db = BenchDatabase.start("18", Map.of())) {
            for (int size : sizes) {
                String database = "scale_" + size;
                BenchDatabase.execute(db, "CREATE DATABASE " + database);
                try (Connection c = BenchDatabase.connect(db, database)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(String.join(";\n", GeneratedSchema.ddl("app", size)));
                        s.execute("ANALYZE");
                    }
                    Linter linter = new Linter(DbcheckConfig.builder(Path.of(".")).build());
                    List<Double> snapshotMs = new ArrayList<>();
                    List<Double> rulesMs = new ArrayList<>();
                    List<Double> totalMs = new ArrayList<>();
                    long heapPeak = 0;
                    long retained = 0;
                    int relations = 0;
                    int findings = 0;
                    for (int round = 0; round <= rounds; round++) {
                        long before = Heap.settled();
                        Heap.resetPeaks();
                        long t0 = System.nanoTime();
                        SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c,
                                BenchDatabase.opener(db, database));
                        long t1 = System.nanoTime();
                        List<Finding> found = linter.findings(c, snapshot, List.of());
                        long t2 = System.nanoTime();
                        long peak = Heap.peak() - before;
                        if (round > 0) {
                            snapshotMs.add((t1 - t0) / 1e6);
                            rulesMs.add((t2 - t1) / 1e6);
                            totalMs.add((t2 - t0) / 1e6);
                            heapPeak = Math.max(heapPeak, peak);
                        }
                        relations = snapshot.tables().size();
                        findings = found.size();
                        found = null;
                        retained = Heap.settled() - before; // the snapshot is still referenced here
                        if (snapshot.tables().isEmpty()) {
                            throw new IllegalStateException("empty snapshot");
                        }
                    }
                    Stats total = new Stats(totalMs);
                    double perTable = total.median() / size;
                    if (size == sizes.get(0)) {
                        perTableSmall = perTable;
                    }
                    perTableLarge = perTable;
                    largestTotal = total.median();
                    largestHeap = heapPeak / 1048576.0;
                    lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %s | %s | %.2f ms | %.0f MB | %.0f MB |",
                            size, relations, findings, new Stats(snapshotMs), new Stats(rulesMs), total, perTable,
                            heapPeak / 1048576.0, retained / 1048576.0));
                }
                BenchDatabase.execute(db, "DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "At 2,000 tables: %s (goal ≤ 1 s), heap peak %.0f MB (goal ≤ 256 MB). "
                        + "Time per table at 2,000 ÷ at 500: %.2f (1.00 = linear growth).",
                Stats.format(largestTotal), largestHeap, perTableLarge / perTableSmall));
        return lines;
    }
}
