package dev.dbcheck.schemarules;

import dev.dbcheck.sample.DataSampler;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.place.SourceIndex;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule-id>/} on real PostgreSQL: the rule named by the
 * folder must report exactly the lines marked {@code -- expect: <rule-id>}, and nothing else.
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
            assertThat(withFixtures).containsAll(RuleCatalog.schemaRules().stream().map(r -> r.metadata().id()).toList());
        }
    }

    static List<Finding> runFixture(String ruleId, Path file) throws Exception {
        Rule rule = RuleCatalog.rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId));
        String display = "fixtures/" + ruleId + "/" + file.getFileName();
        Fixture fixture = Fixture.parse(display, Files.readString(file, StandardCharsets.UTF_8));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
             Connection connection = db.connect()) {
            PlainSqlMigrator.execute(connection, fixture.sql(), display);
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(connection);
            // A rule that is off by default is switched on: the fixture is about it.
            Severity severity = rule.metadata().defaultSeverity() == Severity.OFF ? Severity.WARNING : null;
            RuleSettings settings = new RuleSettings(severity, fixture.options(), List.of(), List.of());
            SampledData data = new DataSampler(Linter.DEFAULT_SAMPLE_ROWS).sample(connection, snapshot);
            List<Finding> findings = new RuleRunner(List.of(rule), Map.of(ruleId, settings), List.of())
                    .run(Evidence.of(snapshot).with(Evidence.ROWS, data));
            SourceIndex index = SourceIndex.empty();
            index.add(display, fixture.sql());
            List<String> actual = new ArrayList<>();
            List<Finding> placed = new ArrayList<>();
            for (Finding f : findings) {
                Finding p = index.positionOf(f.object()).map(f::withPosition).orElse(f);
                placed.add(p);
                actual.add((p.position() == null ? "?" : Integer.toString(p.position().line())) + " " + p.ruleId());
                assertThat(p.message()).as("message of %s", p.object().display()).isNotBlank();
                assertThat(p.fix()).as("fix of %s", p.object().display()).isNotBlank();
            }
            actual.sort(null);
            assertThat(actual)
                    .as("%s: expected %s but the rule reported:%n%s", display, fixture.describeExpected(),
                            String.join("\n", placed.stream().map(dev.dbcheck.report.ConsoleReport::line).toList()))
                    .isEqualTo(fixture.expected());
            return placed;
        }
    }
}
