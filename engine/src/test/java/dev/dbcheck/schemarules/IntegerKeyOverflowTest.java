package dev.dbcheck.schemarules;

import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schemarules.keys.IntegerKeyOverflow;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The declared volume, when no growth is given: a key whose table is declared near or past its end. */
class IntegerKeyOverflowTest {

    @Test
    void aDeclaredVolumeNearTheEndIsAWarningAndPastItAnError() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE tags (id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);",
                    "CREATE TABLE labels (id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);",
                    "CREATE TABLE events (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);"), "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            Evidence evidence = Evidence.of(schema).with(Evidence.VOLUMES, new Evidence.Volumes(Map.of(
                    "tags", 30_000L, "public.labels", 40_000L, "events", 1_000_000L)));
            List<Finding> findings = new RuleRunner(List.of(new IntegerKeyOverflow()), Map.of(), List.of())
                    .run(evidence);
            assertThat(findings).extracting(f -> f.object().display() + " " + f.severity()).containsExactlyInAnyOrder(
                    "public.tags.id WARNING", "public.labels.id ERROR");
            assertThat(findings).filteredOn(f -> f.object().relation().name().equals("tags")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("declared volume of 30,000 rows takes 92%"));

            // a severity the user set holds for every finding
            List<Finding> configured = new RuleRunner(List.of(new IntegerKeyOverflow()), Map.of("integer-key-overflow",
                    new RuleSettings(Severity.INFO, Map.of(), List.of(), List.of())), List.of()).run(evidence);
            assertThat(configured).extracting(Finding::severity).containsOnly(Severity.INFO);
        }
    }
}
