package dev.dbcheck.benchmark;

import dev.dbcheck.advice.AdviceConfig;
import dev.dbcheck.advice.IndexAdvice;
import dev.dbcheck.advice.IndexAdvisor;
import dev.dbcheck.advice.IndexCandidate;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.base.RawXml;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.migrate.Project;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.QualifiedName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The index advice's time ({@link IndexAdvisor}, everything the build's "advice" phase does) against its floor,
 * measured in the same run on the same loaded data: the bare SQL of the same measurement by hand — for every
 * candidate the advice measured, {@code CREATE INDEX}, each query that reads its table under
 * {@code EXPLAIN (ANALYZE, BUFFERS)} as many times as the dashboards' {@code runs}, {@code DROP INDEX}; then the
 * advised set built together and every query run again. Two projects: seed 002 (the advice fixture: keys only,
 * six queries) at its declared volumes, and the example project with its secondary indexes dropped (keys and
 * constraints only), at the example's own volumes and distributions (the pom's {@code <dashboards>}).
 */
final class AdviceBenchmark {

    static final String NAME = "advice";

    private AdviceBenchmark() {
    }

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.adviceRounds", 3);
        List<String> lines = new ArrayList<>();
        lines.add("Each project: the data loaded once, then " + rounds + " rounds, each the advice then its floor on "
                + "the same data; medians (min–max, n).");
        lines.add("");
        lines.add("| project | loaded rows | candidates measured | advised | advice | floor, bare SQL | advice ÷ floor |");
        lines.add("|---|---|---|---|---|---|---|");
        Path seed = Path.of("../engine/src/test/resources/advice-fixtures/seed-002");
        lines.add(measure("seed 002 (keys only, 6 queries)", seed, Files.readString(seed.resolve("dashboards.xml")),
                "queries", (db, c) -> PlainSqlMigrator.execute(c, Files.readString(seed.resolve("schema.sql")),
                        "schema.sql"),
                rounds));
        Path example = Path.of("../example-project");
        String pom = Files.readString(example.resolve("pom.xml"), StandardCharsets.UTF_8);
        String dashboards = pom.substring(pom.indexOf("<dashboards>"), pom.indexOf("</dashboards>")
                + "</dashboards>".length());
        lines.add(measure("example project, secondary indexes dropped", example, dashboards, "src/main/dashboards",
                (db, c) -> {
                    // the example's own migrations, then only the indexes no constraint needs dropped
                    new FlywayMigrator(MigrationSettings.flyway(List.of(FlywayMigrator.DEFAULT_LOCATION), List.of(),
                            Map.of()), Project.at(example)).migrate(db, EngineLog.SILENT);
                    SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
                    try (Statement s = c.createStatement()) {
                        for (Table t : schema.tables()) {
                            for (Index i : t.indexes()) {
                                if (i.constraintName() == null && i.parentIndex() == null
                                        && !t.name().name().equals("flyway_schema_history")) {
                                    s.execute("DROP INDEX " + new QualifiedName(t.name().schema(), i.name()));
                                }
                            }
                        }
                    }
                }, rounds));
        return lines;
    }

    interface Migration {
        void apply(ProvisionedDatabase db, Connection c) throws Exception;
    }

    private static String measure(String name, Path dir, String dashboardsXml, String queryDirectory,
                                  Migration migration, int rounds) throws Exception {
        DashboardConfig config = DbcheckConfig.builder(dir).sourceRoot(dir).set("dashboards",
                RawXml.parse(dashboardsXml)).set("dashboards.directory", queryDirectory)
                .set("dashboards.reuseData", "false").build().dashboards();
        List<Rule> rules = RuleCatalog.planRules().stream().map(r -> (Rule) r).toList();
        IndexAdvisor.Judge judge = results -> new RuleRunner(rules, Map.of(), List.of())
                .run(Evidence.of(results.schema()).with(DashboardResults.PLANS, results));
        try (ProvisionedDatabase db = BenchDatabase.start("18", Map.of()); Connection c = db.connect()) {
            migration.apply(db, c);
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Dashboards step = new Dashboards(config, dir);
            List<DashboardQuery> queries = step.queries();
            DashboardResults before = step.run(c, schema, queries, new PhaseTimings(), EngineLog.SILENT);
            List<Finding> findings = judge.judge(before);
            long rows = before.stats().values().stream().mapToLong(s -> s.rows()).sum();
            List<Double> advice = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            IndexAdvice last = null;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                last = new IndexAdvisor(AdviceConfig.DEFAULT, step, judge, EngineLog.SILENT)
                        .advise(c, c, before, findings).advice();
                advice.add((System.nanoTime() - start) / 1e6);
                floor.add(floor(c, before, last, config.runs()));
            }
            Stats a = new Stats(advice);
            Stats f = new Stats(floor);
            return String.format(Locale.ROOT, "| %s | %,d | %d | %d | %s | %s | %.2f× |", name, rows,
                    last == null ? 0 : last.measured(), last == null ? 0 : last.indexes().size(), a, f,
                    a.median() / f.median());
        }
    }

    /** The same measurement by hand: each candidate built, the queries on its table explained, dropped; the set. */
    private static double floor(Connection c, DashboardResults before, IndexAdvice advice, int runs) throws Exception {
        if (advice == null) {
            return Double.NaN;
        }
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (IndexCandidate candidate : advice.tried()) {
                s.execute(candidate.definition(false));
                for (QueryResult q : before.results()) {
                    if (Dashboards.tablesRead(List.of(q), before.schema()).containsKey(candidate.table())) {
                        explain(s, q, runs);
                    }
                }
                s.execute("DROP INDEX " + new QualifiedName(candidate.table().schema(), candidate.name()));
            }
            for (IndexAdvice.Advised a : advice.indexes()) {
                s.execute(a.candidate().definition(false));
            }
            for (QueryResult q : before.results()) {
                explain(s, q, runs);
            }
            for (IndexAdvice.Advised a : advice.indexes()) {
                s.execute("DROP INDEX " + new QualifiedName(a.candidate().table().schema(), a.candidate().name()));
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void explain(Statement s, QueryResult q, int runs) throws Exception {
        for (int i = 0; i < runs; i++) {
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + q.query().sql())) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }
}
