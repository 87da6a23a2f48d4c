package dev.dbcheck.benchmark;

import dev.dbcheck.sample.DataSampler;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dependency discovery on a table of 1,000,000 rows and 20 columns with two planted dependencies
 * (customer_id → customer_email, customer_name; zip → city) among independent columns: sampling time, discovery
 * time and heap, at the default sample size and at four times it.
 */
final class FunctionalDependencyBenchmark {

    static final String NAME = "fd";

    static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        try (ProvisionedDatabase db = BenchDatabase.start("18", Map.of())) {
            long start = System.nanoTime();
            BenchDatabase.execute(db,
                    // independent pseudo-random values per column: only the planted dependencies exist
                    "CREATE FUNCTION h(g bigint, k int) RETURNS int IMMUTABLE LANGUAGE sql "
                            + "AS $$ SELECT hashint8(g * 1000 + k) & 2147483647 $$", """
                    CREATE TABLE wide (
                        id bigint PRIMARY KEY, customer_id int, customer_email text, customer_name text,
                        zip text, city text, status text, channel text, quantity int, amount numeric(12, 2),
                        placed_on date, gift boolean, coupon text, device text, score int, rating smallint,
                        session uuid, note text, weight real, region_code text)""", """
                    INSERT INTO wide
                    SELECT g, c, 'customer' || c || '@example.com', 'Customer ' || c,
                           'Z' || z, 'City ' || z,
                           (ARRAY['new','paid','shipped','delivered','cancelled'])[1 + h(g, 1) % 5],
                           (ARRAY['web','ios','android','email'])[1 + h(g, 2) % 4],
                           1 + h(g, 3) % 9, (h(g, 4) % 100000) / 100.0,
                           date '2026-01-01' + h(g, 5) % 365, h(g, 6) % 7 = 0,
                           CASE WHEN h(g, 7) % 11 = 0 THEN 'SAVE' || (h(g, 8) % 5) END,
                           (ARRAY['phone','tablet','desktop'])[1 + h(g, 9) % 3], h(g, 10) % 1000,
                           (1 + h(g, 11) % 5)::smallint, md5(g::text)::uuid, 'note ' || h(g, 12) % 2000,
                           (h(g, 13) % 1000) / 10.0, 'R' || h(g, 14) % 50
                    FROM generate_series(1, 1000000) g,
                         LATERAL (SELECT h(g, 15) % 200000 AS c, h(g, 16) % 5000 AS z) k""", "ANALYZE wide");
            lines.add(String.format(Locale.ROOT, "Loaded 1,000,000 rows × 20 columns in %.1f s",
                    (System.nanoTime() - start) / 1e9));
            try (Connection c = db.connect()) {
                SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
                List<SchemaRule> rules = RuleCatalog.schemaRules().stream().filter(r -> Set.of(
                        "transitive-dependency", "partial-key-dependency", "list-valued-column")
                        .contains(r.metadata().id())).toList();
                for (int sampleRows : new int[] {50_000, 200_000}) {
                    SampledData[] data = new SampledData[1];
                    Stats sampling = Stats.measure(1, 3, () -> data[0] = new DataSampler(sampleRows).sample(c, snapshot));
                    List<Finding> findings = new ArrayList<>();
                    Stats discovery = Stats.measure(1, 3, () -> {
                        findings.clear();
                        findings.addAll(new RuleRunner(rules, Map.of(), List.of())
                                .run(Evidence.of(snapshot).with(Evidence.ROWS, data[0])));
                    });
                    Runtime rt = Runtime.getRuntime();
                    System.gc();
                    long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                    lines.add(String.format(Locale.ROOT, "sample %,d rows: reading %s, discovery %s, heap after %d MB, "
                            + "findings: %s", sampleRows, sampling, discovery, heap, findings.stream()
                            .map(f -> f.ruleId() + " " + f.object().display()).toList()));
                }
            }
        }
        return lines;
    }
}
