package dev.dbcheck.sample;

import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows the normalization rules read: small tables whole (a COPY each), big ones as a Bernoulli sample of at
 * most {@code maxRows} (a query), empty ones not at all; the same values either way.
 */
class DataSamplerTest {

    @Test
    void smallTablesAreReadWholeAndBigOnesSampled() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            StringBuilder schema = new StringBuilder();
            for (int i = 0; i < 130; i++) {
                schema.append("CREATE TABLE small_").append(i).append(" (id int PRIMARY KEY, zip text, city text);\n")
                        .append("INSERT INTO small_").append(i).append(" SELECT g, 'z' || g % 3, 'c' || g % 3 ")
                        .append("FROM generate_series(1, ").append(1 + i % 7).append(") g;\n");
            }
            schema.append("CREATE TABLE big (id int PRIMARY KEY, zip text, city text);\n")
                    .append("INSERT INTO big SELECT g, 'z' || g % 50, 'c' || g % 50 FROM generate_series(1, 20000) g;\n")
                    .append("CREATE TABLE emptied (id int PRIMARY KEY, note text);\n")
                    .append("INSERT INTO emptied VALUES (1, 'gone'); DELETE FROM emptied;\n")
                    .append("CREATE TABLE quoted (\"Weird Name\" text, \"it's\" int);\n")
                    .append("INSERT INTO quoted VALUES ('a,b', 1), (NULL, 2);\n");
            PlainSqlMigrator.execute(c, schema.toString(), "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);

            SampledData sampled = new DataSampler(1_000).sample(c, snapshot);
            Map<String, TableSample> byName = sampled.tables().stream()
                    .collect(Collectors.toMap(t -> t.table().name().name(), t -> t));
            assertThat(byName).doesNotContainKey("emptied");
            for (int i = 0; i < 130; i++) {
                TableSample small = byName.get("small_" + i);
                assertThat(small.totalRows()).as("small_%d", i).isEqualTo(1 + i % 7);
                assertThat(small.sampledRows()).isEqualTo(1 + i % 7);
                assertThat(small.isComplete()).isTrue();
            }
            TableSample big = byName.get("big");
            assertThat(big.totalRows()).isEqualTo(20_000);
            assertThat(big.sampledRows()).isBetween(1, 1_000);
            TableSample quoted = byName.get("quoted");
            assertThat(quoted.sampledRows()).isEqualTo(2);
            int weird = quoted.indexOf("Weird Name");
            assertThat(List.of(quoted.value(weird, 0), String.valueOf(quoted.value(weird, 1))))
                    .containsExactlyInAnyOrder("a,b", "null");
            // in the schema's order
            assertThat(sampled.tables()).extracting(t -> t.table().name()).containsExactlyElementsOf(snapshot.tables()
                    .stream().map(t -> t.name()).filter(n -> byName.containsKey(n.name())).toList());
        }
    }

    /**
     * Which tables hold rows is asked of their files' sizes where the session may call {@code pg_stat_file} (a
     * superuser's), and of {@code pg_relation_size} where it may not: the same tables come either way, empty ones,
     * emptied ones and truncated ones too.
     */
    @Test
    void theTablesWithRowsAreTheSameWhetherTheSessionMaySeeFilesOrNot() throws Exception {
        String role = "sampler_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect();
             java.sql.Statement s = c.createStatement()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE filled (id int PRIMARY KEY, zip text, city text);",
                    "INSERT INTO filled SELECT g, 'z' || g % 3, 'c' || g % 3 FROM generate_series(1, 40) g;",
                    "CREATE TABLE big (id int PRIMARY KEY, zip text);",
                    "INSERT INTO big SELECT g, 'z' || g % 50 FROM generate_series(1, 5000) g;",
                    "CREATE TABLE never_filled (id int PRIMARY KEY, note text);",
                    "CREATE TABLE emptied (id int PRIMARY KEY, note text);",
                    "INSERT INTO emptied VALUES (1, 'gone'); DELETE FROM emptied;",
                    "CREATE TABLE truncated (id int PRIMARY KEY, note text);",
                    "INSERT INTO truncated VALUES (1, 'gone'); TRUNCATE truncated;"), "V1__tables.sql");
            DataSampler sampler = new DataSampler(1_000);
            RealRows asSuperuser = sampler.read(c, List.of("public"), name -> true);
            SchemaSnapshot snapshot = new SnapshotReader(List.of("public"), Set.of()).read(c);
            Map<String, Long> expected = Map.of("filled", 40L, "big", 5_000L);
            assertThat(rowCounts(asSuperuser.bind(snapshot))).isEqualTo(expected);

            s.execute("CREATE ROLE " + role + " NOLOGIN");
            try {
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
                s.execute("SET ROLE " + role);
                try (java.sql.ResultSet rs = s.executeQuery(DataSampler.MAY_SEE_FILES)) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("the role may not see files").isFalse();
                }
                RealRows asRole = sampler.read(c, List.of("public"), name -> true);
                assertThat(rowCounts(asRole.bind(snapshot))).isEqualTo(expected);
            } finally {
                s.execute("RESET ROLE");
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    private static Map<String, Long> rowCounts(SampledData sampled) {
        return sampled.tables().stream().collect(Collectors.toMap(t -> t.table().name().name(),
                TableSample::totalRows));
    }

    /**
     * Tables read whole (by COPY) and sampled (by a query) give each value as its {@code ::text} cast does, so that a
     * value in a small table and the same value in a big one compare equal: booleans, padded char(n), inet, tabs,
     * newlines, backslashes, a text {@code \N}, empty strings, NULLs, generated columns, tables of any width.
     */
    @Test
    void tablesReadWholeAndSampledGiveTheSameValues() throws Exception {
        String columns = "id int, a text, b numeric, c boolean, d date, e char(5), f inet, g cidr, h interval, "
                + "i timestamptz, j uuid, k double precision, l text GENERATED ALWAYS AS (upper(a)) STORED";
        String values = String.join(",\n",
                "(1, '{x,\"y\"}', 1.50, true, '2026-12-03', 'ab', '10.0.0.1', '10.0.0.0/8', '1 day 02:00', "
                        + "'2026-12-03 10:00+02', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0.1)",
                "(2, E'tab\\there\\nnew line', NULL, false, NULL, 'abcde', '::1', NULL, NULL, NULL, NULL, 1e300)",
                "(3, E'back\\\\slash \\\\N', -0.000, NULL, '-infinity', ' x ', '10.1.2.3/16', NULL, NULL, NULL, "
                        + "NULL, 'NaN')",
                "(4, '', 0, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "(5, '\\N', NULL, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, NULL)",
                "(6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "(7, E'caf\u00e9\\t\u00df \u2713', NULL, NULL, NULL, '\u00e9', NULL, NULL, NULL, NULL, NULL, NULL)");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE narrow (id int PRIMARY KEY);",
                    "INSERT INTO narrow VALUES (7);",
                    "CREATE TABLE small (" + columns + ");",
                    "INSERT INTO small (id, a, b, c, d, e, f, g, h, i, j, k) VALUES " + values + ";",
                    "CREATE TABLE big (" + columns + ");",
                    "INSERT INTO big (id, a, b, c, d, e, f, g, h, i, j, k) SELECT s.* FROM small s0, "
                            + "LATERAL (SELECT s0.id, s0.a, s0.b, s0.c, s0.d, s0.e, s0.f, s0.g, s0.h, s0.i, s0.j, s0.k) s,"
                            + " generate_series(1, 5000);"), "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            Map<String, TableSample> byName = new DataSampler(1_000).sample(c, snapshot).tables().stream()
                    .collect(Collectors.toMap(t -> t.table().name().name(), t -> t));
            assertThat(byName.get("narrow").columns()).hasSize(1);
            assertThat(byName.get("narrow").value(0, 0)).isEqualTo("7");
            TableSample small = byName.get("small");
            TableSample big = byName.get("big");
            assertThat(small.isComplete()).isTrue();
            assertThat(big.isComplete()).isFalse();
            Map<String, List<String>> wholeRows = rowsById(small);
            assertThat(wholeRows).hasSize(7);
            // what the server's own cast gives, row by row
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT " + String.join(", ", small.columns().stream().map(col -> col.name() + "::text")
                            .toList()) + " FROM small ORDER BY id")) {
                while (rs.next()) {
                    List<String> cast = new java.util.ArrayList<>();
                    for (int col = 1; col <= small.columns().size(); col++) {
                        cast.add(rs.getString(col));
                    }
                    assertThat(wholeRows.get(cast.get(0))).as("row %s", cast.get(0)).isEqualTo(cast);
                }
            }
            assertThat(wholeRows.get("2").get(1)).isEqualTo("tab\there\nnew line");
            assertThat(wholeRows.get("3").get(1)).isEqualTo("back\\slash \\N");
            assertThat(wholeRows.get("5").get(1)).isEqualTo("\\N");
            assertThat(wholeRows.get("6").get(1)).isNull();
            assertThat(wholeRows.get("7").get(1)).isEqualTo("caf\u00e9\t\u00df \u2713");
            assertThat(wholeRows.get("1").subList(3, 7)).containsExactly("true", "2026-12-03", "ab", "10.0.0.1/32");
            // the sample of the big table holds the same rows, value for value
            Map<String, List<String>> sampledRows = rowsById(big);
            assertThat(sampledRows).isNotEmpty();
            sampledRows.forEach((id, row) -> assertThat(row).as("row %s", id).isEqualTo(wholeRows.get(id)));
        }
    }

    /**
     * Rows read before there is a snapshot (as dbcheck:verify reads them, beside the snapshot) take the tables and
     * columns from the catalog and are then bound to the snapshot: a domain is read as its base type, an enum as
     * its labels, an array and a json column not at all; a table the snapshot leaves out (the migration tool's) or
     * a schema it does not read is dropped; an empty schema list reads every schema a snapshot naming none reads.
     */
    @Test
    void rowsReadWithoutASnapshotAreBoundToItsTablesAndColumns() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');",
                    "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');",
                    "CREATE TABLE people (id int PRIMARY KEY, mail email, feeling mood, tags text[], doc json, "
                            + "zip text, city text);",
                    "INSERT INTO people SELECT g, 'p' || g || '@example.com', 'ok', '{a,b}', '{}', 'z' || g % 3, "
                            + "'c' || g % 3 FROM generate_series(1, 12) g;",
                    "CREATE TABLE tool_history (version int PRIMARY KEY, script text);",
                    "INSERT INTO tool_history VALUES (1, 'V1__people.sql');",
                    "CREATE SCHEMA other;",
                    "CREATE TABLE other.notes (id int PRIMARY KEY, body text);",
                    "INSERT INTO other.notes VALUES (1, 'kept apart');"), "V1__people.sql");
            DataSampler sampler = new DataSampler(1_000);
            RealRows everySchema = sampler.read(c, List.of(), name -> true);
            assertThat(everySchema.size()).isEqualTo(3);
            RealRows publicOnly = sampler.read(c, List.of("public"), name -> true);
            assertThat(publicOnly.size()).isEqualTo(2);
            dev.dbcheck.sql.QualifiedName tool = new dev.dbcheck.sql.QualifiedName("public", "tool_history");
            assertThat(sampler.read(c, List.of("public"), name -> !name.equals(tool)).size())
                    .as("a table not wanted is not read").isEqualTo(1);

            SchemaSnapshot snapshot = new SnapshotReader(List.of("public"), Set.of(tool)).read(c);
            for (RealRows rows : List.of(everySchema, publicOnly)) {
                SampledData bound = rows.bind(snapshot);
                assertThat(bound.tables()).extracting(t -> t.table().name().toString())
                        .containsExactly("public.people");
                TableSample people = bound.tables().iterator().next();
                assertThat(people.table()).isSameAs(snapshot.table(people.table().name()).orElseThrow());
                assertThat(people.columns()).extracting(dev.dbcheck.schema.Column::name)
                        .containsExactly("id", "mail", "feeling", "zip", "city");
                assertThat(people.sampledRows()).isEqualTo(12);
                assertThat(people.value(people.indexOf("mail"), 0)).endsWith("@example.com");
                assertThat(people.value(people.indexOf("feeling"), 0)).isEqualTo("ok");
            }
            // the same as the rows read after the snapshot
            SampledData after = sampler.sample(c, snapshot);
            TableSample read = after.tables().iterator().next();
            TableSample bound = publicOnly.bind(snapshot).tables().iterator().next();
            assertThat(rowsById(bound)).isEqualTo(rowsById(read));
        }
    }

    /** A sample's rows by their first column, each as its values in column order. */
    private static Map<String, List<String>> rowsById(TableSample sample) {
        Map<String, List<String>> rows = new java.util.HashMap<>();
        for (int r = 0; r < sample.sampledRows(); r++) {
            List<String> row = new java.util.ArrayList<>();
            for (int col = 0; col < sample.columns().size(); col++) {
                row.add(sample.value(col, r));
            }
            rows.put(row.get(0), row);
        }
        return rows;
    }
}
