package dev.dbcheck.changerules;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.change.ChangeConfig;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTracer;
import dev.dbcheck.change.TheChange;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.MigrationScript;
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
import dev.dbcheck.synthetic.DataSpec;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration safety rules' fixtures, one folder per case under
 * {@code src/test/resources/change-fixtures/<rule-id>/<case>/}: {@code production.sql} (the deployed migrations;
 * {@code -- volumes: orders=200000} declares the rows its tables get; without one, the shared
 * {@code change-fixtures/production.sql}) and {@code change.sql} (the change, then
 * {@code change-2.sql}, ... as later migrations; {@code -- options: maxLockTime=50ms}). The change is traced as
 * {@code dbcheck:verify} traces it: production applied, filled at the volumes, the change run statement by
 * statement. The rule must report exactly the lines marked {@code -- expect: <rule-id> ["message part"]}; a case
 * named {@code safe-*} is the safe form and no migration safety rule may report anything there. Each SQL fix,
 * run instead of the statement it is about (each of its statements a migration of its own, as the fix says),
 * must make that finding go away.
 */
class ChangeRuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/change-fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        return dev.dbcheck.testing.FixtureCases.of(FIXTURES, ChangeRuleFixturesTest::run);
    }

    @Test
    void everyChangeRuleHasAnUnsafeAndASafeCase() throws IOException {
        for (ChangeRule rule : RuleCatalog.changeRules()) {
            Path dir = FIXTURES.resolve(rule.metadata().id());
            assertThat(dir).as("fixtures of %s", rule.metadata().id()).isDirectory();
            try (Stream<Path> cases = Files.list(dir)) {
                List<String> names = cases.map(p -> p.getFileName().toString()).toList();
                assertThat(names).as("cases of %s", rule.metadata().id()).anyMatch(n -> n.startsWith("safe"))
                        .anyMatch(n -> !n.startsWith("safe"));
            }
        }
    }

    /** A case's files: the production script and the change's scripts, each with its expectations. */
    record Case(MigrationScript production, List<MigrationScript> change, List<Fixture> fixtures,
                ChangeConfig config) {
    }

    static Case read(Path dir) throws Exception {
        // a case's own production, else the one most cases share
        Path production = Files.exists(dir.resolve("production.sql")) ? dir.resolve("production.sql")
                : FIXTURES.resolve("production.sql");
        String productionSql = Files.readString(production, StandardCharsets.UTF_8);
        Fixture productionFixture = Fixture.parse("production.sql", productionSql);
        List<MigrationScript> change = new ArrayList<>();
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // change.sql first, then change-2.sql, change-3.sql, ...
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("change"))
                    .sorted(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().equals("change.sql"))
                            .thenComparing(Path::toString)).toList()) {
                String sql = Files.readString(f, StandardCharsets.UTF_8);
                change.add(new MigrationScript(f, f.getFileName().toString(), sql));
                fixtures.add(Fixture.parse(f.getFileName().toString(), sql));
            }
        }
        Map<String, String> options = fixtures.isEmpty() ? Map.of() : fixtures.get(0).options();
        Duration maxLockTime = options.containsKey("maxLockTime")
                ? dev.dbcheck.base.ConfigValues.duration("maxLockTime", options.get("maxLockTime"))
                : Duration.ofMillis(500);
        DataSpec data = new DataSpec(productionFixture.volumes(), 1000, List.of(), 1.0);
        return new Case(new MigrationScript(production, "production.sql", productionSql), change, fixtures,
                new ChangeConfig(true, ChangeConfig.AUTO, null, maxLockTime, data));
    }

    static ChangeTrace trace(Case c, List<MigrationScript> change) throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            return new ChangeTracer(c.config(), List.of(), null, EngineLog.SILENT).trace(db,
                    new TheChange(List.of(c.production()), change, "the fixture"));
        }
    }

    static List<Finding> check(List<? extends Rule> rules, ChangeTrace trace) throws Exception {
        SchemaSnapshot empty;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            empty = new SnapshotReader(List.of(), Set.of()).read(c);
        }
        Map<String, RuleSettings> settings = new java.util.HashMap<>();
        return new RuleRunner(rules, settings, List.of()).run(Evidence.of(empty).with(ChangeTrace.TRACE, trace));
    }

    static void run(String ruleId, Path dir) throws Exception {
        Rule rule = RuleCatalog.rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId));
        Case c = read(dir);
        ChangeTrace trace = trace(c, c.change());
        assertThat(trace.incomplete()).as("%s: the trace stopped", dir).isNull();
        boolean safe = dir.getFileName().toString().startsWith("safe");
        List<Finding> findings = check(safe ? RuleCatalog.changeRules() : List.of(rule), trace);
        String reported = String.join("\n", findings.stream().map(ConsoleReport::line).toList());
        List<String> expected = new ArrayList<>();
        c.fixtures().forEach(f -> f.expectations().forEach(e -> expected.add(f.path() + ":" + e.line() + " "
                + e.ruleId())));
        List<String> actual = new ArrayList<>(findings.stream().map(f -> f.position().path() + ":"
                + f.position().line() + " " + f.ruleId()).toList());
        expected.sort(null);
        actual.sort(null);
        assertThat(actual).as("%s: reported:%n%s", dir, reported).isEqualTo(expected);
        for (Fixture f : c.fixtures()) {
            for (Fixture.Expectation e : f.expectations()) {
                if (e.message() != null) {
                    assertThat(findings).as("%s:%d: a finding whose message contains \"%s\"; reported:%n%s",
                            f.path(), e.line(), e.message(), reported).anyMatch(x -> x.position().path()
                            .equals(f.path()) && x.position().line() == e.line() && x.message().contains(e.message()));
                }
            }
        }
        for (Finding finding : findings) {
            assertThat(finding.message()).as("the message names the rows and the hold time")
                    .containsPattern(ruleId.equals("destructive-change") ? "" : "rows at the declared volume\\) held "
                            + "[0-9.]+ m?s: blocks");
            if (finding.fix() == null || !finding.fix().sql()) {
                continue;
            }
            ChangeTrace fixed = trace(c, instead(c.change(), finding));
            assertThat(fixed.incomplete()).as("%s: the fix of %s failed", dir, finding.object().display()).isNull();
            assertThat(check(List.of(rule), fixed)).extracting(Finding::baselineKey)
                    .as("%s: after %s instead of the statement, still reported", dir, finding.fixText())
                    .doesNotContain(finding.baselineKey());
        }
    }

    /**
     * The change with the finding's statement replaced by the fix: the statements before it stay one migration,
     * each statement of the fix is a migration of its own, then the statements after it.
     */
    static List<MigrationScript> instead(List<MigrationScript> change, Finding finding) {
        List<MigrationScript> scripts = new ArrayList<>();
        for (MigrationScript script : change) {
            if (!script.displayPath().equals(finding.position().path())) {
                scripts.add(script);
                continue;
            }
            List<SqlStatement> statements = SqlScanner.split(script.content());
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            boolean found = false;
            for (SqlStatement s : statements) {
                if (s.startLine() == finding.position().line()) {
                    found = true;
                } else {
                    (found ? after : before).append(s.text()).append(";\n");
                }
            }
            assertThat(found).as("a statement at %s", finding.position()).isTrue();
            if (!before.isEmpty()) {
                scripts.add(new MigrationScript(script.file(), script.displayPath(), before.toString()));
            }
            int n = 0;
            for (SqlStatement s : SqlScanner.split(finding.fix().text())) {
                scripts.add(new MigrationScript(script.file(), "fix-" + (++n) + ".sql", s.text() + ";"));
            }
            if (!after.isEmpty()) {
                scripts.add(new MigrationScript(script.file(), script.displayPath(), after.toString()));
            }
        }
        return scripts;
    }
}
