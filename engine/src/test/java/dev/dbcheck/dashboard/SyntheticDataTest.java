package dev.dbcheck.dashboard;

import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schema.Table;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The synthetic data generator on real PostgreSQL: integrity, constraints, distributions, every listed type. */
class SyntheticDataTest {

    static final String SCHEMA = String.join("\n",
            "CREATE EXTENSION citext;",
            "CREATE TYPE mood AS ENUM ('happy', 'sad', 'neutral');",
            "CREATE TABLE teams (",
            "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
            "    name text NOT NULL UNIQUE,",
            "    parent_id bigint REFERENCES teams (id));",
            "CREATE TABLE people (",
            "    id uuid PRIMARY KEY DEFAULT uuidv7(),",
            "    team_id bigint NOT NULL REFERENCES teams (id),",
            "    email citext NOT NULL UNIQUE,",
            "    nickname varchar(8),",
            "    age smallint CHECK (age BETWEEN 18 AND 99),",
            "    score integer,",
            "    balance numeric(10, 2) CHECK (balance >= 0),",
            "    ratio double precision,",
            "    active boolean NOT NULL,",
            "    born date,",
            "    joined_at timestamptz NOT NULL,",
            "    left_at timestamptz,",
            "    mood mood,",
            "    ip inet,",
            "    tags text[],",
            "    attrs jsonb,",
            "    code text CHECK (code ~ '^[A-Z]{2}-[0-9]{3}$'),",
            "    status text NOT NULL CHECK (status IN ('new', 'active', 'gone')),",
            "    manager_id uuid REFERENCES people (id),",
            "    CHECK (left_at > joined_at));",
            "ALTER TABLE teams ADD COLUMN lead_id uuid REFERENCES people (id);", // a cycle: teams ↔ people
            "CREATE TABLE memberships (",
            "    person_id uuid REFERENCES people (id),",
            "    team_id bigint REFERENCES teams (id),",
            "    role text,",
            "    PRIMARY KEY (person_id, team_id));",
            "CREATE TABLE events (",
            "    id bigint GENERATED ALWAYS AS IDENTITY,",
            "    at timestamptz NOT NULL,",
            "    person_id uuid REFERENCES people (id),",
            "    PRIMARY KEY (id, at)) PARTITION BY RANGE (at);",
            "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
            "CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL);",
            "INSERT INTO countries VALUES ('AT', 'Austria'), ('CH', 'Switzerland'), ('DE', 'Germany');",
            "CREATE TABLE addresses (id bigserial PRIMARY KEY, country text NOT NULL REFERENCES countries (code),",
            "    person_id uuid NOT NULL REFERENCES people (id));");

    static DataSpec config(Map<String, Long> volumes, List<ColumnSpec> columns) {
        return new DataSpec(volumes, 100, columns, 1.0);
    }

    private static ColumnSpec column(String table, String column, Long distinct, Double nulls, ColumnSpec.Skew skew,
                                     List<ColumnSpec.Weighted> values, String json) {
        return new ColumnSpec(table, column, distinct, nulls, skew, null, null, values, json);
    }

    @Test
    void fillsEveryTableConsistentlyAtTheDeclaredVolumes() throws Exception {
        List<ColumnSpec> columns = List.of(
                column("people", "nickname", 50L, 0.3, null, null, null),
                column("people", "score", 1000L, null, ColumnSpec.Skew.ZIPF, null, null),
                column("people", "mood", null, null, null, List.of(new ColumnSpec.Weighted("happy", 70),
                        new ColumnSpec.Weighted("sad", 20), new ColumnSpec.Weighted("neutral", 10)), null),
                column("people", "attrs", null, null, null, null, "{\"plan\": [\"pro:10\", \"free:90\"], \"v\": 1}"),
                column("people", "manager_id", null, 0.5, null, null, null),
                column("teams", "parent_id", null, 0.8, null, null, null),
                new ColumnSpec("people", "born", null, null, null, "1950-01-01", "2000-12-31", List.of(), null),
                new ColumnSpec("people", "joined_at", null, null, null, "now() - interval '90 days'", null, List.of(),
                        null));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            List<SyntheticData.TableLoad> loads = new SyntheticData(schema, config(Map.of("teams", 200L,
                    "people", 5000L, "memberships", 8000L, "events", 20000L, "addresses", 3000L), columns),
                    EngineLog.SILENT).load(c);
            assertThat(loads).extracting(l -> l.table().name() + "=" + l.generatedRows()).contains(
                    "teams=200", "people=5000", "memberships=8000", "events=20000", "addresses=3000", "countries=0");

            // Loaded without WAL where PostgreSQL allows it: a permanent table may not reference an unlogged one,
            // so what partitions (events) and the cycle's tables (people, teams) reference stays permanent
            assertThat(persistence(c)).containsExactlyInAnyOrderEntriesOf(Map.of("addresses", "u",
                    "countries", "u", "memberships", "u", "teams", "p", "people", "p", "events", "p",
                    "events_2025", "p", "events_2026", "p"));

            // Foreign keys: no orphans anywhere, even through the cycle, the self-references and the reference data.
            SchemaSnapshot loaded = new SnapshotReader(List.of(), Set.of()).read(c);
            for (Table t : loaded.tables()) {
                for (Constraint fk : t.constraints(ConstraintType.FOREIGN_KEY)) {
                    if (fk.inherited()) {
                        continue;
                    }
                    assertThat(number(c, orphans(t, fk))).as("orphans of %s", fk.name()).isZero();
                }
            }
            assertThat(number(c, "SELECT count(DISTINCT email) FROM people")).isEqualTo(5000);
            assertThat(number(c, "SELECT count(*) FROM people WHERE substr(id::text, 15, 1) <> '7'"))
                    .as("UUIDv7 keys").isZero();
            assertThat(number(c, "SELECT count(*) FROM people WHERE age NOT BETWEEN 18 AND 99 OR balance < 0 "
                    + "OR code !~ '^[A-Z]{2}-[0-9]{3}$' OR left_at <= joined_at OR status NOT IN ('new', 'active', 'gone')"))
                    .as("check constraints").isZero();
            assertThat(fraction(c, "nickname IS NULL")).isCloseTo(0.3, within(0.03));
            assertThat(number(c, "SELECT count(DISTINCT nickname) FROM people")).isBetween(45L, 50L);
            assertThat(fraction(c, "mood = 'happy'")).isCloseTo(0.7, within(0.03));
            assertThat(fraction(c, "attrs @> '{\"plan\": \"pro\"}'")).isCloseTo(0.1, within(0.02));
            assertThat(fraction(c, "attrs ->> 'v' = '1'")).isEqualTo(1.0);
            assertThat(fraction(c, "manager_id IS NULL")).isCloseTo(0.5, within(0.03));
            double topScoreShare = number(c, "SELECT max(n) FROM (SELECT count(*) AS n FROM people GROUP BY score) s")
                    / 5000.0;
            assertThat(topScoreShare).as("zipf-like skew: the most common score").isGreaterThan(0.05);
            assertThat(number(c, "SELECT count(*) FROM events_2025")).isPositive();
            assertThat(number(c, "SELECT count(*) FROM events_2026")).isPositive();
            assertThat(number(c, "SELECT count(*) FROM people WHERE tags IS NULL OR ip IS NULL OR ratio IS NULL "
                    + "OR born IS NULL")).isZero();
            assertThat(number(c, "SELECT count(DISTINCT country) FROM addresses")).isEqualTo(3);
            assertThat(number(c, "SELECT count(*) FROM people WHERE born NOT BETWEEN '1950-01-01' AND '2000-12-31'"))
                    .as("a date range written as in the pom").isZero();
            assertThat(number(c, "SELECT count(*) FROM people WHERE joined_at < now() - interval '91 days'"))
                    .as("a range given as an SQL expression").isZero();
            assertThat(number(c, "SELECT min(id) FROM teams")).as("identity left to PostgreSQL").isEqualTo(1);
            double correlation = Double.parseDouble(text(c, "SELECT correlation FROM pg_stats WHERE tablename = "
                    + "'people' AND attname = 'id'"));
            assertThat(Math.abs(correlation)).as("rows not inserted in key order").isLessThan(0.5);
        }
    }

    /**
     * Found by a new user: {@code values} declared on a column of a composite primary key were ignored (a million
     * distinct tenants, and the dashboard's {@code tenant_id = 1} matched nothing). A key column keeps what was
     * declared: as declared (weights too) when another column makes the key distinct, else as the key's last part.
     */
    @Test
    void valuesDeclaredOnAColumnOfACompositeKeyAreTheValuesItGets() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE events (tenant_id int NOT NULL, id bigint NOT NULL, kind text NOT NULL,",
                    "    PRIMARY KEY (tenant_id, id));",
                    "CREATE TABLE products (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);",
                    "CREATE TABLE product_texts (product_id bigint NOT NULL REFERENCES products (id),",
                    "    locale text NOT NULL, body text NOT NULL, PRIMARY KEY (product_id, locale));",
                    "CREATE TABLE shards (region text NOT NULL, slot int NOT NULL, PRIMARY KEY (region, slot));"),
                    "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            new SyntheticData(schema, config(Map.of("events", 20_000L, "products", 1_000L, "product_texts", 3_000L,
                    "shards", 40L), List.of(
                    column("events", "tenant_id", null, null, null, List.of(new ColumnSpec.Weighted("1", 70),
                            new ColumnSpec.Weighted("2", 20), new ColumnSpec.Weighted("3", 10)), null),
                    column("product_texts", "locale", null, null, null, List.of(new ColumnSpec.Weighted("en", 1),
                            new ColumnSpec.Weighted("de", 1), new ColumnSpec.Weighted("fr", 1)), null),
                    column("shards", "region", 4L, null, null, null, null))), EngineLog.SILENT).load(c);
            assertThat(number(c, "SELECT count(DISTINCT tenant_id) FROM events")).isEqualTo(3);
            // id makes the key distinct by itself, so the weights hold: about 70% of tenant 1
            assertThat(number(c, "SELECT count(*) FROM events WHERE tenant_id = 1")).isBetween(13_000L, 15_000L);
            assertThat(number(c, "SELECT count(*) FROM events WHERE tenant_id NOT IN (1, 2, 3)")).isZero();
            // the other key column is a foreign key: each product gets each locale once
            assertThat(number(c, "SELECT count(DISTINCT locale) FROM product_texts")).isEqualTo(3);
            assertThat(number(c, "SELECT count(*) FROM product_texts WHERE locale NOT IN ('en', 'de', 'fr')")).isZero();
            assertThat(number(c, "SELECT count(DISTINCT (product_id, locale)) FROM product_texts")).isEqualTo(3_000);
            assertThat(number(c, "SELECT count(*) FROM product_texts t JOIN products p ON p.id = t.product_id"))
                    .isEqualTo(3_000);
            // a declared distinct count holds too
            assertThat(number(c, "SELECT count(DISTINCT region) FROM shards")).isEqualTo(4);
            assertThat(number(c, "SELECT count(*) FROM shards")).isEqualTo(40);
            // the keys no foreign key depends on were built after the load: back as they were, names and all
            SchemaSnapshot after = new SnapshotReader(List.of(), Set.of()).read(c);
            for (Table before : schema.tables()) {
                Table now = after.table(before.name()).orElseThrow();
                assertThat(now.constraints()).as(before.name().toString()).isEqualTo(before.constraints());
                assertThat(now.indexes()).extracting(dev.dbcheck.schema.Index::definition)
                        .as(before.name().toString()).isEqualTo(before.indexes().stream()
                                .map(dev.dbcheck.schema.Index::definition).toList());
            }
        }
    }

    private static final String READ_SCHEMA = String.join("\n",
            "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, region text NOT NULL);",
            "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
            "    customer_id bigint NOT NULL REFERENCES customers (id), total numeric(12,2) NOT NULL);",
            "CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL);",
            "CREATE TABLE products (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);",
            "CREATE TABLE sales (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount int NOT NULL);",
            "CREATE MATERIALIZED VIEW sales_total AS SELECT sum(amount) AS total FROM sales;",
            "CREATE TABLE clicks (at timestamptz NOT NULL, url text NOT NULL) PARTITION BY RANGE (at);");

    private static DashboardResults runQueries(Connection c, Map<String, Long> volumes, List<String> log,
                                               String... queries) throws Exception {
        SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
        List<DashboardQuery> declared = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            declared.add(QueryFiles.parse("dashboards/q" + i + ".sql", queries[i], "q" + i));
        }
        return new Dashboards(new DashboardConfig(null, List.of(), new DataSpec(volumes, 500, List.of(), 1.0),
                "4MB", 0, 1, Duration.ofMinutes(1), DashboardConfig.Mode.FULL), java.nio.file.Path.of("."))
                .run(c, schema, declared, new dev.dbcheck.base.PhaseTimings(),
                        dev.dbcheck.testing.RecordingLog.into(log));
    }

    /**
     * Only the tables the declared queries read get rows, with the tables those rows reference (a materialized
     * view's sources included); a table with a declared volume gets its rows whether read or not; a partitioned
     * table without partitions that no query reads is left empty with a line saying so.
     */
    @Test
    void onlyTheTablesTheQueriesReadAndWhatTheyReferenceGetRows() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, READ_SCHEMA, "schema.sql");
            List<String> log = new ArrayList<>();
            runQueries(c, Map.of("orders", 5_000L, "products", 300L), log,
                    "SELECT sum(total) FROM orders", "SELECT total FROM sales_total");
            assertThat(number(c, "SELECT count(*) FROM orders")).isEqualTo(5_000);
            assertThat(number(c, "SELECT count(*) FROM customers")).as("referenced by orders").isEqualTo(500);
            assertThat(number(c, "SELECT count(*) FROM sales")).as("read through the view").isEqualTo(500);
            assertThat(number(c, "SELECT total FROM sales_total")).as("refreshed").isPositive();
            assertThat(number(c, "SELECT count(*) FROM products")).as("a declared volume").isEqualTo(300);
            assertThat(number(c, "SELECT count(*) FROM audit_log")).as("nobody reads it").isZero();
            assertThat(log).contains("Synthetic data: no rows for 1 table no dashboard query reads (give one a volume "
                            + "to fill it): public.audit_log",
                    "Synthetic data: public.clicks is partitioned and has no partitions (made at run time by the "
                            + "application?): no rows, and no declared query reads it");
        }
    }

    /** A view of a view: the one it reads is refreshed first, and its sources get rows too. */
    @Test
    void aViewThatReadsAnotherViewIsRefreshedAfterIt() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, READ_SCHEMA + "\n"
                    + "CREATE MATERIALIZED VIEW zz_by_bucket AS SELECT id % 10 AS bucket, sum(amount) AS total "
                    + "FROM sales GROUP BY 1;\n"
                    + "CREATE MATERIALIZED VIEW aa_grand_total AS SELECT sum(total) AS total FROM zz_by_bucket;",
                    "schema.sql");
            runQueries(c, Map.of(), new ArrayList<>(), "SELECT total FROM aa_grand_total");
            assertThat(number(c, "SELECT count(*) FROM sales")).isEqualTo(500);
            assertThat(number(c, "SELECT total FROM aa_grand_total")).isEqualTo(number(c,
                    "SELECT sum(amount) FROM sales"));
        }
    }

    @Test
    void aPartitionedTableWithoutPartitionsThatAQueryReadsIsAClearError() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, READ_SCHEMA, "schema.sql");
            assertThatThrownBy(() -> runQueries(c, Map.of(), new ArrayList<>(),
                    "SELECT count(*) FROM clicks WHERE at > now() - interval '1 day'"))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("Cannot generate rows for public.clicks: it is partitioned and has no partitions, and "
                            + "dashboard query q0 reads it. Create the partitions the application makes at run time in "
                            + "a migration, or for dbcheck only in a sampleData SQL file (it runs before the load): "
                            + "CREATE TABLE clicks_default PARTITION OF public.clicks DEFAULT;");
        }
    }

    @Test
    void aCheckItCannotSatisfyIsNamed() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, "CREATE TABLE codes (id int PRIMARY KEY, code text NOT NULL "
                    + "CONSTRAINT codes_code_prefix CHECK (code LIKE 'X%'));", "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            assertThatThrownBy(() -> new SyntheticData(schema, config(Map.of("codes", 10L), List.of()),
                    EngineLog.SILENT).load(c))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessage("Cannot generate rows for public.codes that satisfy check constraint codes_code_prefix "
                            + "(CHECK (code ~~ 'X%'::text)): the generator does not understand it; declare the values "
                            + "of its columns under dashboards.columns (values, min, max)");
            // ... and declared values satisfy it.
            new SyntheticData(schema, config(Map.of("codes", 10L), List.of(column("codes", "code", null, null, null,
                    List.of(new ColumnSpec.Weighted("X1", 1), new ColumnSpec.Weighted("X2", 1)), null))),
                    EngineLog.SILENT).load(c);
            assertThat(number(c, "SELECT count(*) FROM codes WHERE code LIKE 'X%'")).isEqualTo(10);
        }
    }

    @Test
    void volumesAndColumnsMustNameWhatExists() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, "CREATE TABLE t (id int PRIMARY KEY);", "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            assertThatThrownBy(() -> new SyntheticData(schema, config(Map.of("ordres", 10L), List.of()),
                    EngineLog.SILENT).load(c))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("dashboards.volumes.ordres: no table ordres in the migrated schema (qualify it as "
                            + "schema.table if it is not in public)");
            assertThatThrownBy(() -> new SyntheticData(schema, config(Map.of(), List.of(column("t", "nope", 3L,
                    null, null, null, null))), EngineLog.SILENT).load(c))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("dashboards.columns[t.nope]: no such column in the migrated schema");
        }
    }

    private static String orphans(Table t, Constraint fk) {
        List<String> join = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            join.add("p." + Identifiers.quote(fk.references().columns().get(i)) + " = c."
                    + Identifiers.quote(fk.columns().get(i)));
        }
        return "SELECT count(*) FROM " + t.name() + " c WHERE c." + Identifiers.quote(fk.columns().get(0))
                + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + fk.references().table() + " p WHERE "
                + String.join(" AND ", join) + ")";
    }

    private static double fraction(Connection c, String predicate) throws SQLException {
        return number(c, "SELECT count(*) FILTER (WHERE " + predicate + ") FROM people") / 5000.0;
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void tablesLoadedSideBySideHoldExactlyWhatOneSessionLoads() throws Exception {
        Map<String, Long> volumes = Map.of("teams", 200L, "people", 3000L, "memberships", 4000L, "events", 5000L,
                "addresses", 2000L);
        Map<String, String> sequential;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            new SyntheticData(schema, config(volumes, List.of()), EngineLog.SILENT).load(c);
            sequential = contents(c);
        }
        List<String> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            new SyntheticData(schema, config(volumes, List.of()), EngineLog.SILENT).load(c, () -> {
                sessions.add("opened");
                return db.connect();
            });
            assertThat(contents(c)).as("every table, row for row").isEqualTo(sequential);
        }
        assertThat(sessions).as("more sessions were used (two cores or more)")
                .hasSize(Math.min(4, Runtime.getRuntime().availableProcessors()) - 1);
    }

    @Test
    void aFailureInOneSessionStopsTheOthersAndIsTheOneReported() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE big (id bigint PRIMARY KEY, note text);",
                    "CREATE TABLE odd (id bigint PRIMARY KEY,",
                    "    code text NOT NULL CONSTRAINT code_is_palindrome CHECK (code = reverse(code) AND length(code) > 3));"),
                    "schema.sql");
            SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
            assertThatThrownBy(() -> new SyntheticData(schema, config(Map.of("big", 20_000_000L, "odd", 1000L),
                    List.of()), EngineLog.SILENT).load(c, db::connect))
                    .isInstanceOf(DbcheckException.class)
                    .hasMessageStartingWith("Cannot generate rows for public.odd that satisfy check constraint "
                            + "code_is_palindrome");
            // the 20-million-row insert of the other session was cancelled, not finished
            assertThat(number(c, "SELECT count(*) FROM big")).isZero();
        }
    }

    /** Each public table's rows as one digest (the generator is deterministic: the same load gives the same). */
    private static Map<String, String> contents(Connection c) throws SQLException {
        Map<String, String> digests = new java.util.TreeMap<>();
        for (String table : List.of("teams", "people", "memberships", "events", "addresses", "countries")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) || ':' || "
                    + "md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM " + table + " t")) {
                rs.next();
                digests.put(table, rs.getString(1));
            }
        }
        return digests;
    }

    /** relpersistence of every table of public: p(ermanent) or u(nlogged). */
    private static Map<String, String> persistence(Connection c) throws SQLException {
        Map<String, String> found = new java.util.HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT relname, relpersistence::text "
                + "FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }
}
