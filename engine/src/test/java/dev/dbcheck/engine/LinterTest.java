package dev.dbcheck.engine;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lint stage reads the real rows on the server while the rules that need none run: the rules that judge rows,
 * and the custom SQL rules that share the connection, wait for the sampling and still see everything.
 */
class LinterTest {

    @Test
    void everyRuleThatJudgesRowsWaitsForThem() throws Exception {
        for (Rule rule : RuleCatalog.rules()) {
            if (rule instanceof SchemaRule && rule.getClass().getMethod("checkData", SchemaSnapshot.class,
                    SampledData.class, dev.dbcheck.rule.RuleContext.class).getDeclaringClass() != SchemaRule.class) {
                assertThat(rule.uses()).as("%s judges rows: it must wait for them (uses)", rule.metadata().id())
                        .contains(Evidence.ROWS);
            }
        }
    }

    @Test
    void aRuleThatUsesRowsIsHeldBackWhileTheyAreComingAndRunsWhenTheyCome() throws Exception {
        Rule listValued = RuleCatalog.rule("list-valued-column").orElseThrow();
        Rule json = RuleCatalog.rule("json-column").orElseThrow();
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, "CREATE TABLE t (id int PRIMARY KEY, doc json, palette text);"
                    + "INSERT INTO t SELECT g, '{}', (ARRAY['red,green', 'green,blue,red', 'blue,red'])[g % 3 + 1] "
                    + "FROM generate_series(1, 20) g;", "V1__t.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            RuleRunner runner = new RuleRunner(List.of(listValued, json), Map.of(), List.of());

            List<Finding> first = runner.run(Evidence.of(snapshot).coming(Evidence.ROWS));
            assertThat(first).extracting(Finding::ruleId).containsExactly("json-column");

            SampledData rows = new dev.dbcheck.sample.DataSampler(1_000).sample(c, snapshot);
            List<Finding> second = runner.run(Evidence.of(snapshot).with(Evidence.ROWS, rows));
            assertThat(second).extracting(Finding::ruleId).containsExactly("list-valued-column");
            assertThat(second.get(0).message()).contains("1NF (from the data)");
        }
    }

    @Test
    void dataFindingsSchemaFindingsAndCustomRulesOnTheSameConnectionAllCome() throws Exception {
        CustomSqlRule custom = new CustomSqlRule(new RuleMetadata("orders-need-rows", Category.CUSTOM,
                Severity.WARNING, "Orders hold rows", "", List.of(), null),
                "SELECT 'public.orders' AS object, 'holds ' || count(*) || ' rows' AS message FROM orders");
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
        metadata.put(custom.metadata().id(), custom.metadata());
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, """
                    CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, customer_email text NOT NULL,
                                         payload json);
                    INSERT INTO orders SELECT g, g % 40, 'c' || g % 40 || '@example.com', '{}'
                    FROM generate_series(1, 400) g;
                    """, "V1__orders.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            List<Finding> findings = new Linter(Map.of(), List.of(), List.of(custom), metadata)
                    .findings(c, snapshot, List.of());
            assertThat(findings).extracting(f -> f.ruleId() + " " + f.object().display()).contains(
                    "json-column public.orders.payload",
                    "transitive-dependency public.orders.customer_id",
                    "orders-need-rows public.orders");
            assertThat(findings).filteredOn(f -> f.ruleId().equals("orders-need-rows")).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("holds 400 rows"));
        }
    }

    /**
     * dbcheck:verify reads the rows on a session of their own while the snapshot is read: the findings are those of
     * rows read after it, the session is gone once they are there, and without a session to be had (a server at
     * max_connections) the rows are read after the snapshot on the rules' connection.
     */
    @Test
    void rowsReadBesideTheSnapshotGiveTheSameFindings() throws Exception {
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, """
                    CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, customer_email text NOT NULL,
                                         palette text, payload json);
                    INSERT INTO orders SELECT g, g % 40, 'c' || g % 40 || '@example.com',
                                              (ARRAY['red,green', 'green,blue,red', 'blue,red'])[g % 3 + 1], '{}'
                    FROM generate_series(1, 400) g;
                    """, "V1__orders.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            List<String> after = texts(new Linter(Map.of(), List.of(), List.of(), metadata)
                    .findings(c, snapshot, List.of()));
            assertThat(after).anyMatch(f -> f.startsWith("transitive-dependency public.orders.customer_id"))
                    .anyMatch(f -> f.startsWith("list-valued-column public.orders.palette"));

            java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
            Linter linter = new Linter(Map.of(), List.of(), List.of(), metadata);
            Linter.RowsReading rows = linter.startReadingRows(() -> {
                opened.incrementAndGet();
                return db.connect();
            }, List.of(), Set.of());
            SchemaSnapshot again = new SnapshotReader(List.of(), Set.of()).read(c);
            assertThat(texts(linter.findings(c, c, again, List.of(), rows))).isEqualTo(after);
            assertThat(opened).hasValue(1);
            assertThat(rows.await()).isNotNull();
            assertThat(TestPostgres.sessions(c, c.getCatalog())).as("the rows' session is closed once they are read")
                    .isEqualTo(1);

            Linter refused = new Linter(Map.of(), List.of(), List.of(), metadata);
            Linter.RowsReading none = refused.startReadingRows(() -> {
                throw new java.sql.SQLException("sorry, too many clients already", "53300");
            }, List.of(), Set.of());
            assertThat(texts(refused.findings(c, c, again, List.of(), none))).isEqualTo(after);
            assertThat(none.await()).as("read after the snapshot instead").isNull();
        }
    }

    private static List<String> texts(List<Finding> findings) {
        List<Finding> sorted = new java.util.ArrayList<>(findings);
        RuleRunner.sort(sorted);
        return sorted.stream().map(f -> f.ruleId() + " " + f.object().display() + " " + f.message()).toList();
    }

    @Test
    void aSamplingFailureIsTheRunsErrorAfterTheOtherRulesRan() throws Exception {
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            SchemaSnapshot snapshot;
            Connection c = db.connect();
            PlainSqlMigrator.execute(c, "CREATE TABLE t (id int PRIMARY KEY, note text);"
                    + "INSERT INTO t VALUES (1, 'a');", "V1__t.sql");
            snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            c.close(); // the sampler's first query fails
            assertThatThrownBy(() -> new Linter(Map.of(), List.of(), List.of(), metadata)
                    .findings(c, snapshot, List.of()))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("Cannot read the tables' rows for the normalization checks: ");
        }
    }

    @Test
    void noRowsAreReadWhenEveryRuleThatJudgesThemIsOff() throws Exception {
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
        Map<String, dev.dbcheck.rule.RuleSettings> off = new LinkedHashMap<>();
        for (Rule rule : RuleCatalog.rules()) {
            if (rule.uses().contains(Evidence.ROWS) || rule.reads().contains(Evidence.ROWS)) {
                off.put(rule.metadata().id(), new dev.dbcheck.rule.RuleSettings(Severity.OFF, Map.of(), List.of(),
                        List.of()));
            }
        }
        assertThat(off).containsKeys("transitive-dependency", "list-valued-column", "copied-attribute");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            Connection c = db.connect();
            PlainSqlMigrator.execute(c, "CREATE TABLE t (id int, note json);"
                    + "INSERT INTO t VALUES (1, '{}');", "V1__t.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            c.close(); // a query on it would fail: none is sent
            List<Finding> findings = new Linter(off, List.of(), List.of(), metadata).findings(c, snapshot, List.of());
            assertThat(findings).extracting(Finding::ruleId).contains("missing-primary-key", "json-column")
                    .doesNotContainAnyElementsOf(off.keySet());
            // one rule that judges rows left on: the rows are read again, and the closed connection says so
            Map<String, dev.dbcheck.rule.RuleSettings> oneOn = new LinkedHashMap<>(off);
            oneOn.remove("list-valued-column");
            assertThatThrownBy(() -> new Linter(oneOn, List.of(), List.of(), metadata).findings(c, snapshot,
                    List.of())).isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("Cannot read the tables' rows for the normalization checks: ");
        }
    }
}
