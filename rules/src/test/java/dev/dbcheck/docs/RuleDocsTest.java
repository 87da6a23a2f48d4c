package dev.dbcheck.docs;

import dev.dbcheck.migration.PlainSqlMigrator;
import dev.dbcheck.rule.BuiltInRules;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleEngine;
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
    private static final Pattern SECTION_SQL = Pattern.compile("## (Bad|Good)\\s*\\n+```sql\\n(.*?)```", Pattern.DOTALL);

    @Test
    void generatedPartsAreUpToDate() throws IOException {
        if (Boolean.getBoolean("dbcheck.updateDocs")) {
            RuleDocs.write(DOCS);
        }
        assertThat(Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8))
                .as("docs/rules/README.md is stale: run the tests with -Ddbcheck.updateDocs=true")
                .isEqualTo(RuleDocs.catalogue());
        for (Rule rule : BuiltInRules.all()) {
            String page = Files.readString(page(rule), StandardCharsets.UTF_8);
            assertThat(page).as("generated part of %s is stale: run the tests with -Ddbcheck.updateDocs=true",
                    page(rule)).contains(RuleDocs.generatedBlock(rule.metadata()));
        }
    }

    @Test
    void everyRuleHasAPageAndEveryPageARule() throws IOException {
        Set<String> ids = Set.copyOf(BuiltInRules.ids());
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
        for (Rule rule : BuiltInRules.all()) {
            tests.add(DynamicTest.dynamicTest(rule.metadata().id(), () -> checkExamples(rule)));
        }
        return tests.stream();
    }

    private static void checkExamples(Rule rule) throws Exception {
        String page = Files.readString(page(rule), StandardCharsets.UTF_8);
        Matcher m = SECTION_SQL.matcher(page);
        int bad = 0;
        int good = 0;
        while (m.find()) {
            List<Finding> findings = run(rule, m.group(2));
            if (m.group(1).equals("Bad")) {
                bad++;
                assertThat(findings).as("the Bad example of %s must be reported", rule.metadata().id()).isNotEmpty();
            } else {
                good++;
                assertThat(findings).as("the Good example of %s must be clean", rule.metadata().id()).isEmpty();
            }
        }
        assertThat(bad).as("Bad examples on %s", page(rule)).isPositive();
        assertThat(good).as("Good examples on %s", page(rule)).isPositive();
    }

    private static List<Finding> run(Rule rule, String sql) throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, sql, rule.metadata().id() + ".md");
            return new RuleEngine(List.of(rule), Map.of(), List.of())
                    .run(new SnapshotReader(List.of(), Set.of()).read(c));
        }
    }

    private static Path page(Rule rule) {
        return DOCS.resolve(rule.metadata().id() + ".md");
    }
}
