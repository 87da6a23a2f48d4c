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
 * The rows the normalization rules read: small tables whole (many in one query), big ones as a Bernoulli sample
 * of at most {@code maxRows}, empty ones not at all; the same values either way.
 */
class DataSamplerTest {

    @Test
    void smallTablesAreReadWholeTogetherAndBigOnesSampled() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            StringBuilder schema = new StringBuilder();
            for (int i = 0; i < 130; i++) { // more small tables than one query reads
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
     * Tables of different widths read in one query (the narrower padded with NULLs) keep their own columns and
     * values exactly: quotes, braces, commas, backslashes, empty strings and NULLs as they are.
     */
    @Test
    void tablesOfDifferentWidthsKeepTheirValues() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE narrow (id int PRIMARY KEY);",
                    "INSERT INTO narrow VALUES (7);",
                    "CREATE TABLE wide (id int PRIMARY KEY, a text, b text, c numeric, d boolean, e date);",
                    "INSERT INTO wide VALUES (1, '{x,\"y\"}', E'back\\\\slash', 1.50, true, '2026-12-03'),",
                    "    (2, '', NULL, NULL, false, NULL);"), "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            Map<String, TableSample> byName = new DataSampler(1_000).sample(c, snapshot).tables().stream()
                    .collect(Collectors.toMap(t -> t.table().name().name(), t -> t));
            TableSample narrow = byName.get("narrow");
            assertThat(narrow.columns()).hasSize(1);
            assertThat(narrow.value(0, 0)).isEqualTo("7");
            TableSample wide = byName.get("wide");
            assertThat(wide.columns()).hasSize(6);
            int first = wide.value(0, 0).equals("1") ? 0 : 1;
            List<String> row = new java.util.ArrayList<>();
            List<String> other = new java.util.ArrayList<>();
            for (int col = 0; col < 6; col++) {
                row.add(wide.value(col, first));
                other.add(wide.value(col, 1 - first));
            }
            assertThat(row).containsExactly("1", "{x,\"y\"}", "back\\slash", "1.50", "true", "2026-12-03");
            assertThat(other).containsExactly("2", "", null, null, "false", null);
        }
    }
}
