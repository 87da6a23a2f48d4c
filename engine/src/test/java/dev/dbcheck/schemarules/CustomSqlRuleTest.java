package dev.dbcheck.schemarules;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.place.Suppressions;
import dev.dbcheck.testing.Lint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomSqlRuleTest {

    private static CustomSqlRule rule(String sql) {
        return new CustomSqlRule(new RuleMetadata("table-needs-comment", Category.CUSTOM, Severity.WARNING,
                "Every table has a comment", "", List.of(), "https://wiki.example.com/db"), sql);
    }

    private static final String SCHEMA = String.join("\n",
            "CREATE TABLE documented (id uuid PRIMARY KEY);",
            "COMMENT ON TABLE documented IS 'has one';",
            "CREATE TABLE undocumented (",
            "    id uuid PRIMARY KEY,",
            "    note text",
            ");");

    @Test
    void eachRowIsAFindingPlacedOnItsMigrationLine() throws Exception {
        CustomSqlRule rule = rule("""
                SELECT n.nspname AS schema, c.relname AS "table", 'table has no comment' AS message,
                       format('COMMENT ON TABLE %I.%I IS ''...'';', n.nspname, c.relname) AS fix
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname = 'public' AND obj_description(c.oid, 'pg_class') IS NULL
                """);
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql", SCHEMA), Map.of(), List.of(rule));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("table-needs-comment");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.object().display()).isEqualTo("public.undocumented");
            assertThat(f.position()).hasToString("V1__t.sql:3");
            assertThat(f.fixText()).isEqualTo("COMMENT ON TABLE public.undocumented IS '...';");
        });
    }

    @Test
    void anObjectColumnNamesAColumn() throws Exception {
        CustomSqlRule rule = rule("SELECT 'public.undocumented.note' AS object, 'notes are free text' AS message");
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql", SCHEMA), Map.of(), List.of(rule));
        assertThat(outcome.findings()).singleElement()
                .satisfies(f -> assertThat(f.position()).hasToString("V1__t.sql:5"));
    }

    @Test
    void aQueryWithoutTheRequiredColumnsOrWithAnErrorFailsWithItsKey() {
        assertThatThrownBy(() -> Lint.run(Lint.scripts("V1__t.sql", SCHEMA), Map.of(),
                List.of(rule("SELECT 'x' AS object"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("customRules[table-needs-comment].sql: the query must return a \"message\" column");
        assertThatThrownBy(() -> Lint.run(Lint.scripts("V1__t.sql", SCHEMA), Map.of(),
                List.of(rule("SELECT * FROM no_such_table"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("customRules[table-needs-comment].sql: ERROR: relation \"no_such_table\" does not exist");
    }

    @Test
    void itRunsReadOnly() {
        assertThatThrownBy(() -> Lint.run(Lint.scripts("V1__t.sql", SCHEMA), Map.of(),
                List.of(rule("WITH d AS (DELETE FROM documented RETURNING id) SELECT 'x' AS object, 'm' AS message FROM d"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("read-only transaction");
    }
}
