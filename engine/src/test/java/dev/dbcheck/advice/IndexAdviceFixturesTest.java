package dev.dbcheck.advice;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.base.RawXml;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index advice's fixtures, one folder per case under {@code src/test/resources/advice-fixtures/<case>/}, laid
 * out as the plan rules' ({@code schema.sql}, {@code dashboards.xml}, {@code queries/*.sql}). The schema is
 * migrated, the data loaded, the queries measured and judged by every plan rule, and the advice run as a build
 * runs it. In a query file, {@code -- expect-fix: text} says that query's findings get a measured SQL fix
 * containing the text, {@code -- expect-advice: text} that they get words containing it and no SQL. Then every
 * SQL fix must remove its finding once built; the advice must leave no index behind; and its migration, applied,
 * must make every query it says passes pass.
 */
class IndexAdviceFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/advice-fixtures");
    private static final Pattern EXPECT = Pattern.compile("--\\s*expect-(fix|advice):\\s*(.+)");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(FIXTURES)) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> run(dir, false)));
                // fast mode: no data, the candidates checked by the planner; the expectations are full mode's
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " (fast mode)", dir.toUri(),
                        () -> run(dir, true)));
            }
        }
        return tests.stream();
    }

    /** The advice's own lines on the test's output, for a reader of a failure. */
    private static final EngineLog LOG = EngineLog.printingTo(System.out);

    private record Expectation(String query, boolean sql, String text) {
    }

    static void run(Path dir, boolean fast) throws Exception {
        run(dir, fast, AdviceConfig.DEFAULT);
    }

    @Test
    void adviceOffLeavesTheRulesHintMarkedUnmeasured() throws Exception {
        run(FIXTURES.resolve("orders"), false, AdviceConfig.OFF);
    }

    @Test
    void aCandidateNotMeasuredWithinTheTimeLimitIsNeverPrintedAsSql() throws Exception {
        run(FIXTURES.resolve("orders"), false, new AdviceConfig(true, 8, java.time.Duration.ZERO));
    }

    static void run(Path dir, boolean fast, AdviceConfig adviceConfig) throws Exception {
        String schemaSql = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
        List<Expectation> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("queries"))) {
            for (Path q : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = q.getFileName().toString().replaceFirst("\\.sql$", "");
                Matcher m = EXPECT.matcher(Files.readString(q, StandardCharsets.UTF_8));
                while (m.find()) {
                    expected.add(new Expectation(name, m.group(1).equals("fix"), m.group(2).strip()));
                }
            }
        }
        Path xml = dir.resolve("dashboards.xml");
        DashboardConfig config = DbcheckConfig.builder(dir).sourceRoot(dir)
                .set("dashboards", RawXml.parse(Files.readString(xml)))
                .set("dashboards.directory", "queries").set("dashboards.mode", fast ? "fast" : "full").build()
                .dashboards();
        List<Rule> rules = RuleCatalog.planRules().stream().map(r -> (Rule) r).toList();
        IndexAdvisor.Judge judge = results -> new RuleRunner(rules, Map.of(), List.of())
                .run(Evidence.of(results.schema()).with(DashboardResults.PLANS, results));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, schemaSql, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Dashboards step = new Dashboards(config, dir);
            List<DashboardQuery> queries = step.queries();
            DashboardResults before = step.run(c, schema, queries, new PhaseTimings(), EngineLog.SILENT);
            List<Finding> findings = judge.judge(before);
            int indexesBefore = indexCount(c);
            IndexAdvisor.Outcome outcome = new IndexAdvisor(adviceConfig, step, judge, LOG)
                    .advise(c, c, before, findings);
            assertThat(indexCount(c)).as("%s: indexes after the advice", dir).isEqualTo(indexesBefore);
            String reported = String.join("\n", outcome.findings().stream()
                    .map(f -> f.ruleId() + " " + f.object().display() + " — fix: " + f.fixText()).toList());
            if (adviceConfig != AdviceConfig.DEFAULT) {
                // nothing measured: the rules' hints are words, said to be unmeasured, never SQL to run
                List<Finding> addressed = outcome.findings().stream().filter(IndexAdvisor::addressed).toList();
                assertThat(addressed).as(reported).isNotEmpty().allMatch(f -> f.fix() != null && !f.fix().sql());
                assertThat(addressed).as(reported).anyMatch(f -> f.fixText().startsWith("an index to try (not "
                        + "measured: " + (adviceConfig.enabled() ? "advice.timeLimit reached" : "advice is off")));
                assertThat(outcome.advice() == null || outcome.advice().indexes().isEmpty()).as(reported).isTrue();
                return;
            }

            for (Expectation e : fast ? List.<Expectation>of() : expected) {
                List<Finding> mine = outcome.findings().stream().filter(IndexAdvisor::addressed)
                        .filter(f -> f.object().relation().name().equals(e.query())).toList();
                assertThat(mine).as("%s: findings of query %s; reported:%n%s", dir, e.query(), reported).isNotEmpty();
                assertThat(mine).as("%s: query %s's fix: %s \"%s\"; reported:%n%s", dir, e.query(),
                                e.sql() ? "measured SQL with" : "words with", e.text(), reported)
                        .anyMatch(f -> f.fix() != null && f.fix().sql() == e.sql() && f.fixText().contains(e.text()));
            }
            for (Finding f : outcome.findings()) {
                if (IndexAdvisor.addressed(f) && f.fix() != null && f.fix().sql()) {
                    assertThat(f.fixText()).as("a printed index is a measured one").containsPattern(fast
                            ? "-- checked by the planner \\(fast mode, no data\\): .* with sequential scans disabled"
                            : "-- measured: .* → .*, .*, .* at the declared volume");
                }
            }
            // every SQL fix, built, removes its finding on the same data
            for (Finding f : outcome.findings()) {
                if (!IndexAdvisor.addressed(f) || f.fix() == null || !f.fix().sql()) {
                    continue;
                }
                List<String> created = execute(c, f.fixText());
                DashboardResults again = step.remeasure(c, c, before, queries);
                assertThat(judge.judge(again)).extracting(Finding::baselineKey)
                        .as("%s: after %s", dir, f.fixText()).doesNotContain(f.baselineKey());
                for (String index : created) {
                    execute(c, "DROP INDEX " + index + ";");
                }
            }
            // the workload's migration, applied, makes the queries it says pass pass
            if (outcome.advice() != null && !outcome.advice().indexes().isEmpty()) {
                execute(c, outcome.advice().migration());
                DashboardResults after = step.remeasure(c, c, before, queries);
                List<Finding> remaining = judge.judge(after).stream().filter(IndexAdvisor::addressed).toList();
                for (IndexAdvice.QueryChange q : outcome.advice().queries()) {
                    if (q.passes()) {
                        assertThat(remaining).as("%s: after advice.sql, query %s", dir, q.query())
                                .noneMatch(f -> f.object().relation().name().equals(q.query()));
                    }
                }
            }
        }
    }

    /** Runs the statements; returns the indexes they created, to drop again. */
    private static List<String> execute(Connection c, String sql) throws Exception {
        List<String> created = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (SqlStatement statement : SqlScanner.split(sql)) {
                s.execute(statement.text());
                Matcher m = Pattern.compile("CREATE INDEX (?:CONCURRENTLY )?(\\S+) ON (\\S+?)\\.").matcher(statement.text());
                if (m.find()) {
                    created.add(m.group(2) + "." + m.group(1));
                }
            }
        }
        return created;
    }

    private static int indexCount(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes "
                + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
