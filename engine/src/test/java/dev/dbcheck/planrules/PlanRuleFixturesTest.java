package dev.dbcheck.planrules;

import dev.dbcheck.base.DbcheckException;
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
import dev.dbcheck.place.SourceIndex;
import dev.dbcheck.report.ConsoleReport;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.testing.Fixture;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan rules' fixtures, one folder per case under {@code src/test/resources/plan-fixtures/<rule-id>/<case>/}:
 * {@code schema.sql} (a migration; {@code -- options:} sets the rule's options), {@code dashboards.xml} (the
 * {@code <dashboards>} element: volumes, columns, work_mem), and {@code queries/*.sql} (dashboard query files).
 * The schema is migrated, the data loaded at the declared volumes and the queries run under EXPLAIN ANALYZE, as
 * {@code dbcheck:verify} does; then the rule must report exactly the lines marked {@code -- expect: <rule-id>
 * ["message part"]} in the query files and in schema.sql, and every index it prints as the fix must, once built,
 * make that finding go away on the same data.
 */
class PlanRuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/plan-fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        return dev.dbcheck.testing.FixtureCases.of(FIXTURES, PlanRuleFixturesTest::run);
    }

    @Test
    void everyPlanRuleHasFixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            assertThat(dirs.map(d -> d.getFileName().toString()).toList())
                    .containsAll(RuleCatalog.planRules().stream().map(r -> r.metadata().id()).toList());
        }
    }

    static void run(String ruleId, Path dir) throws Exception {
        Rule rule = RuleCatalog.rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId));
        String schemaSql = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
        Fixture schemaFixture = Fixture.parse("schema.sql", schemaSql);
        List<Fixture> files = new ArrayList<>(List.of(schemaFixture));
        try (Stream<Path> queries = Files.list(dir.resolve("queries"))) {
            for (Path q : queries.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                files.add(Fixture.parse("queries/" + q.getFileName(), Files.readString(q, StandardCharsets.UTF_8)));
            }
        }
        Path xml = dir.resolve("dashboards.xml");
        DashboardConfig config = DbcheckConfig.builder(dir).sourceRoot(dir)
                .set("dashboards", RawXml.parse(Files.exists(xml) ? Files.readString(xml) : "<dashboards/>"))
                .set("dashboards.directory", "queries").build().dashboards();
        RuleSettings settings = new RuleSettings(null, schemaFixture.options(), List.of(), List.of());
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, schemaSql, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Dashboards step = new Dashboards(config, dir);
            List<DashboardQuery> queries = step.queries();
            DashboardResults results = step.run(c, schema, queries, new PhaseTimings(), EngineLog.SILENT);
            List<Finding> findings = placed(check(rule, settings, results), schemaSql);

            List<String> expected = new ArrayList<>();
            files.forEach(f -> f.expectations().forEach(e -> expected.add(f.path() + ":" + e.line() + " " + e.ruleId())));
            List<String> actual = new ArrayList<>(findings.stream().map(f -> (f.position() == null ? "?"
                    : f.position().path() + ":" + f.position().line()) + " " + f.ruleId()).toList());
            expected.sort(null);
            actual.sort(null);
            String reported = String.join("\n", findings.stream().map(ConsoleReport::line).toList());
            assertThat(actual).as("%s: the rule reported:%n%s", dir, reported).isEqualTo(expected);
            for (Fixture f : files) {
                for (Fixture.Expectation e : f.expectations()) {
                    if (e.message() != null) {
                        assertThat(findings).as("%s:%d: a finding whose message contains \"%s\"; reported:%n%s",
                                f.path(), e.line(), e.message(), reported).anyMatch(x -> x.position() != null
                                && x.position().path().equals(f.path()) && x.position().line() == e.line()
                                && x.message().contains(e.message()));
                    }
                }
            }
            for (Finding f : findings) {
                assertThat(f.fix()).as("fix of %s", f.object().display()).isNotNull();
                if (f.fix().sql()) {
                    try (Statement s = c.createStatement()) {
                        for (SqlStatement statement : SqlScanner.split(f.fix().text())) {
                            s.execute(statement.text());
                        }
                    }
                    SchemaSnapshot fixed = new SnapshotReader(List.of(), Set.of()).read(c);
                    DashboardResults again = step.measure(c, fixed, queries, results.loads(), results.loadTime(),
                            new PhaseTimings(), EngineLog.SILENT);
                    assertThat(placed(check(rule, settings, again), schemaSql)).extracting(Finding::baselineKey)
                            .as("%s: after %s the rule still reports %s", dir, f.fixText(), f.object().display())
                            .doesNotContain(f.baselineKey());
                }
            }
        }
    }

    private static List<Finding> check(Rule rule, RuleSettings settings, DashboardResults results)
            throws DbcheckException {
        return new RuleRunner(List.of(rule), Map.of(rule.metadata().id(), settings), List.of())
                .run(Evidence.of(results.schema()).with(DashboardResults.PLANS, results));
    }

    /** Findings on schema objects (an unused index, a table over budget) placed on schema.sql. */
    private static List<Finding> placed(List<Finding> findings, String schemaSql) {
        SourceIndex index = SourceIndex.empty();
        index.add("schema.sql", schemaSql);
        return findings.stream().map(f -> f.position() != null ? f
                : index.positionOf(f.object()).map(f::withPosition).orElse(f)).toList();
    }
}
