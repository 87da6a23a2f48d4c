package dev.dbcheck.schemarules;

import dev.dbcheck.engine.Linter;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.place.SourceIndex;
import dev.dbcheck.report.ConsoleReport;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sample.DataSampler;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule-id>/} on real PostgreSQL, as error-prone's
 * {@code CompilationTestHelper} runs a check over test sources: the rule named by the folder must report exactly
 * the lines marked {@code -- expect: <rule-id>}, each with the message substring the marker gives, and nothing
 * else. Then every fix a finding prints as SQL is applied to a fresh copy of the fixture's database and the rule run
 * again: that finding must be gone and no new one may appear.
 */
class RuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String ruleId = dir.getFileName().toString();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                        tests.add(DynamicTest.dynamicTest(ruleId + "/" + file.getFileName(), file.toUri(),
                                () -> runFixture(ruleId, file)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasFixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            Set<String> withFixtures = new java.util.HashSet<>(dirs.map(d -> d.getFileName().toString()).toList());
            assertThat(withFixtures).containsAll(RuleCatalog.schemaRules().stream().map(r -> r.metadata().id())
                    .toList());
        }
    }

    @Test
    void markersNameTheMessageTheyExpect() {
        Fixture f = Fixture.parse("t.sql", "CREATE TABLE t (a json); -- expect: json-column \"use jsonb\", "
                + "char-column\nSELECT 1; -- expect: x-y \"say \\\"this\\\"\"\n");
        assertThat(f.expectations()).containsExactly(new Fixture.Expectation(1, "char-column", null),
                new Fixture.Expectation(1, "json-column", "use jsonb"), new Fixture.Expectation(2, "x-y",
                        "say \"this\""));
    }

    static List<Finding> runFixture(String ruleId, Path file) throws Exception {
        Rule rule = RuleCatalog.rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId));
        String display = "fixtures/" + ruleId + "/" + file.getFileName();
        Fixture fixture = Fixture.parse(display, Files.readString(file, StandardCharsets.UTF_8));
        // A rule that is off by default is switched on: the fixture is about it.
        Severity severity = rule.metadata().defaultSeverity() == Severity.OFF ? Severity.WARNING : null;
        RuleSettings settings = new RuleSettings(severity, fixture.options(), List.of(), List.of());
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
             Connection connection = db.connect()) {
            PlainSqlMigrator.execute(connection, fixture.sql(), display);
            List<Finding> findings = check(rule, settings, connection, display, fixture);
            SourceIndex index = SourceIndex.empty();
            index.add(display, fixture.sql());
            List<String> actual = new ArrayList<>();
            List<Finding> placed = new ArrayList<>();
            for (Finding f : findings) {
                Finding p = f.position() != null ? f : index.positionOf(f.object()).map(f::withPosition).orElse(f);
                placed.add(p);
                actual.add((p.position() == null ? "?" : Integer.toString(p.position().line())) + " " + p.ruleId());
                assertThat(p.message()).as("message of %s", p.object().display()).isNotBlank();
                assertThat(p.fix()).as("fix of %s", p.object().display()).isNotNull();
            }
            actual.sort(null);
            String reported = String.join("\n", placed.stream().map(ConsoleReport::line).toList());
            assertThat(actual).as("%s: expected %s but the rule reported:%n%s", display, fixture.describeExpected(),
                    reported).isEqualTo(fixture.expected());
            for (Fixture.Expectation e : fixture.expectations()) {
                if (e.message() != null) {
                    assertThat(placed).as("%s:%d: a %s finding whose message contains \"%s\"; reported:%n%s",
                            display, e.line(), e.ruleId(), e.message(), reported)
                            .anyMatch(p -> p.position() != null && p.position().line() == e.line()
                                    && p.ruleId().equals(e.ruleId()) && p.message().contains(e.message()));
                }
            }
            for (Finding f : placed) {
                if (f.fix() != null && f.fix().sql()) {
                    assertFixRemovesIt(rule, settings, fixture, f, findings, display);
                }
            }
            return placed;
        }
    }

    /** The rule's findings on the database as it is now, with real rows as evidence where there are any. */
    static List<Finding> check(Rule rule, RuleSettings settings, Connection connection, String display,
                               Fixture fixture) throws Exception {
        String sql = fixture.sql();
        SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(connection);
        return new RuleRunner(List.of(rule), Map.of(rule.metadata().id(), settings), List.of())
                .run(Evidence.of(snapshot).with(Evidence.ROWS,
                        new DataSampler(Linter.DEFAULT_SAMPLE_ROWS).sample(connection, snapshot))
                        .with(Evidence.SOURCES, new Evidence.Sources(List.of(new MigrationScript(Path.of(display),
                                display, sql))))
                        .with(Evidence.VOLUMES, new Evidence.Volumes(fixture.volumes())));
    }

    /**
     * Applies the fix as printed, statement by statement, to a fresh copy of the fixture's database, and checks the
     * rule again there.
     */
    static void assertFixRemovesIt(Rule rule, RuleSettings settings, Fixture fixture, Finding finding,
                                   List<Finding> before, String display) throws Exception {
        Set<String> keysBefore = before.stream().map(Finding::baselineKey).collect(Collectors.toCollection(TreeSet::new));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
             Connection connection = db.connect(); Statement s = connection.createStatement()) {
            PlainSqlMigrator.execute(connection, fixture.sql(), display);
            for (SqlStatement statement : SqlScanner.split(finding.fix().text())) {
                try {
                    s.execute(statement.text());
                } catch (SQLException e) {
                    throw new AssertionError(display + ": the fix of " + finding.object().display() + " does not run: "
                            + statement.text() + "\n  " + e.getMessage(), e);
                }
            }
            List<Finding> after = check(rule, settings, connection, display, fixture);
            Set<String> keysAfter = after.stream().map(Finding::baselineKey).collect(Collectors.toCollection(TreeSet::new));
            assertThat(keysAfter).as("%s: after the fix of %s (%s) the rule still reports it", display,
                    finding.object().display(), finding.fixText()).doesNotContain(finding.baselineKey());
            // A rename re-keys the other findings on the renamed object (its columns, its constraints): they are
            // the same findings, and the rule reports fewer than before. Anything else new is a new finding.
            Set<String> added = new TreeSet<>(keysAfter);
            added.removeAll(keysBefore);
            assertThat(added.isEmpty() || after.size() < before.size()).as("%s: after the fix of %s (%s) the rule "
                    + "reports something new: %s", display, finding.object().display(), finding.fixText(), added)
                    .isTrue();
        }
    }
}
