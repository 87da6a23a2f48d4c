package dev.dbcheck.docs;

import dev.dbcheck.engine.Linter;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SnapshotReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule pages under docs/rules: one per rule and no other, their generated part in step with the metadata
 * (rerun with -Ddbcheck.updateDocs=true to rewrite it), and their bad and good SQL examples proven on PostgreSQL.
 */
class RuleDocsTest {

    static final Path DOCS = Path.of("../docs/rules");
    private static final Pattern SECTION = Pattern.compile("^## (Bad|Good)\\s*$(.*?)(?=^## |\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern BLOCK = Pattern.compile("```(sql|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void generatedPartsAreUpToDate() throws IOException {
        if (Boolean.getBoolean("dbcheck.updateDocs")) {
            RuleDocs.write(DOCS);
        }
        assertThat(Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8))
                .as("docs/rules/README.md is stale: run the tests with -Ddbcheck.updateDocs=true")
                .isEqualTo(RuleDocs.catalogue());
        for (RuleMetadata rule : RuleCatalog.all()) {
            String page = Files.readString(page(rule), StandardCharsets.UTF_8);
            assertThat(page).as("generated part of %s is stale: run the tests with -Ddbcheck.updateDocs=true",
                    page(rule)).contains(RuleDocs.generatedBlock(rule));
        }
    }

    @Test
    void everyRuleHasAPageAndEveryPageARule() throws IOException {
        Set<String> ids = Set.copyOf(RuleCatalog.ids());
        for (String id : ids) {
            assertThat(DOCS.resolve(id + ".md")).as("page for rule %s", id).exists();
        }
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                String id = page.getFileName().toString().replaceFirst("\\.md$", "");
                assertThat(ids).as("%s documents no existing rule", page).contains(id);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> examplesDoWhatThePagesSay() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleMetadata rule : RuleCatalog.all()) {
            tests.add(DynamicTest.dynamicTest(rule.id(), () -> checkExamples(rule)));
        }
        return tests.stream();
    }

    private static void checkExamples(RuleMetadata rule) throws Exception {
        String page = Files.readString(page(rule), StandardCharsets.UTF_8);
        Matcher m = SECTION.matcher(page);
        int bad = 0;
        int good = 0;
        while (m.find()) {
            List<String[]> blocks = new ArrayList<>();
            Matcher b = BLOCK.matcher(m.group(2));
            while (b.find()) {
                blocks.add(new String[] {b.group(1), b.group(2)});
            }
            assertThat(blocks).as("a %s section of %s without SQL", m.group(1), page(rule)).isNotEmpty();
            List<String> reported = (rule.category() == Category.QUERY_PLANS ? DashboardExamples.run(blocks)
                    : rule.category() == Category.MIGRATION_SAFETY ? ChangeExamples.run(rule, blocks)
                    : run(rule, blocks.get(0)[1])).stream().map(Finding::ruleId).toList();
            if (m.group(1).equals("Bad")) {
                bad++;
                assertThat(reported).as("the Bad example of %s must be reported", rule.id()).contains(rule.id());
            } else {
                good++;
                assertThat(reported).as("the Good example of %s must not be reported", rule.id())
                        .doesNotContain(rule.id());
            }
        }
        assertThat(bad).as("Bad examples on %s", page(rule)).isPositive();
        assertThat(good).as("Good examples on %s", page(rule)).isPositive();
    }

    /** Runs what dbcheck:verify runs (every rule, suppressions), with the documented rule switched on. */
    private static List<Finding> run(RuleMetadata rule, String sql) throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            String path = "docs/rules/" + rule.id() + ".md";
            PlainSqlMigrator.execute(c, sql, path);
            // a "-- options: name=value" line sets the documented rule's options, as in the rule fixtures
            Map<String, String> options = dev.dbcheck.testing.Fixture.parse(path, sql).options();
            Map<String, RuleSettings> settings = rule.defaultSeverity() == Severity.OFF || !options.isEmpty()
                    ? Map.of(rule.id(), new RuleSettings(rule.defaultSeverity() == Severity.OFF ? Severity.WARNING
                    : null, options, List.of(), List.of())) : Map.of();
            Map<String, RuleMetadata> metadata = new java.util.HashMap<>();
            RuleCatalog.all().forEach(r -> metadata.put(r.id(), r));
            return new Linter(settings, List.of(), List.of(), metadata)
                    .lint(c, new SnapshotReader(List.of(), Set.of()).read(c),
                            List.of(new MigrationScript(Path.of(path), path, sql)))
                    .findings();
        }
    }

    private static Path page(RuleMetadata rule) {
        return DOCS.resolve(rule.id() + ".md");
    }
}
