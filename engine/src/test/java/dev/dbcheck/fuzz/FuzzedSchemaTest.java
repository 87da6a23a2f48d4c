package dev.dbcheck.fuzz;

import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid schemas — up to eight tables, single and composite keys, tables without a key, foreign keys with
 * and without a supporting index, range-partitioned tables, odd names (spaces, quotes, mixed case, keywords,
 * unicode), every common column type — go through the snapshot and every rule. No schema may make dbcheck throw,
 * and the deterministic rules must agree with an independent check written in SQL against the catalog.
 *
 * <p>Each try gets a schema of its own in one database (cheaper than a database per try, so a few hundred run in
 * the normal suite). Schemas come from {@link SchemaSpecs}, seeded: try {@code i} of a run with seed {@code s} is
 * always the same schema, so a failure names the seed that replays it ({@code -Ddbcheck.fuzz.seed=...
 * -Ddbcheck.fuzz.tries=1}) and is first shrunk to fewer tables and columns. The normal suite uses a fixed seed, so a
 * pull request's build is repeatable; {@code -Pfuzz-long} runs 10,000 schemas from a new random seed each time.
 */
class FuzzedSchemaTest {

    /** The normal suite's seed: fixed, so that the same schemas are checked in every build. */
    static final long DEFAULT_SEED = 20261121L;

    static final AtomicInteger SEQUENCE = new AtomicInteger();
    static TestPostgres.TestDatabase database;
    static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
        connection.setAutoCommit(true);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        database.close();
    }

    record Column(String name, String type, boolean notNull) {
    }

    record TableSpec(String name, List<Column> columns, int keyColumns, boolean partitioned, int foreignKeys,
                     boolean indexForeignKeys) {
    }

    @Test
    void everyRuleRunsAndTheDeterministicOnesAgreeWithTheCatalog() {
        int tries = Integer.getInteger("dbcheck.fuzz.tries", 300);
        String seedProperty = System.getProperty("dbcheck.fuzz.seed", "");
        long seed = seedProperty.isBlank() ? DEFAULT_SEED
                : seedProperty.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(seedProperty);
        long start = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            long trySeed = seed + i;
            List<TableSpec> spec = SchemaSpecs.schema(new SplittableRandom(trySeed));
            String failure = failure(spec);
            if (failure != null) {
                List<TableSpec> smallest = SchemaSpecs.shrink(spec, candidate -> failure(candidate) != null);
                throw new AssertionError("Fuzzed schema " + (i + 1) + " of " + tries + " failed; replay with "
                        + "-Ddbcheck.fuzz.seed=" + trySeed + " -Ddbcheck.fuzz.tries=1\n" + failure(smallest)
                        + "\nshrunk schema (" + smallest.size() + " of " + spec.size() + " tables):\n"
                        + String.join(";\n", ddl("s", smallest)));
            }
        }
        System.out.printf("Fuzzed schemas: %d from seed %d checked in %.1f s%n", tries, seed,
                (System.nanoTime() - start) / 1e9);
    }

    /** Creates the schema, runs dbcheck and the SQL checks, drops it; null when all agree, else what went wrong. */
    private static String failure(List<TableSpec> spec) {
        String schema = "fz " + SEQUENCE.incrementAndGet() + " \"odd\"";
        List<String> statements = ddl(schema, spec);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE SCHEMA " + q(schema));
                for (String ddl : statements) {
                    s.execute(ddl);
                }
                check(schema);
                return null;
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + q(schema) + " CASCADE");
                }
            }
        } catch (AssertionError | Exception e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return trace.toString();
        }
    }

    private static void check(String schema) throws Exception {
        {
            SchemaSnapshot snapshot = new SnapshotReader(List.of(schema), Set.of()).read(connection);
            List<Finding> findings = new Linter(DbcheckConfig.builder(Path.of(".")).build())
                    .findings(connection, snapshot, List.of());

            assertThat(objects(findings, "json-column")).as("json columns").isEqualTo(query(
                    "SELECT c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND a.attnum > 0 "
                            + "AND NOT a.attisdropped AND a.atttypid = 'json'::regtype AND c.relkind IN ('r', 'p') "
                            + "AND NOT c.relispartition", schema));
            assertThat(objects(findings, "missing-primary-key")).as("tables without a primary key").isEqualTo(query(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                            + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid "
                            + "AND k.contype = 'p')", schema));
            assertThat(objects(findings, "foreign-key-without-index")).as("foreign keys without an index")
                    .isEqualTo(query("SELECT c.relname || '.' || k.conname FROM pg_constraint k JOIN pg_class c "
                            + "ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                            + "WHERE n.nspname = ? AND k.contype = 'f' AND k.conparentid = 0 AND NOT c.relispartition "
                            + "AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid "
                            + "AND i.indisvalid AND i.indpred IS NULL "
                            + "AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey "
                            + "AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey)", schema));
        }
    }

    /** CREATE TABLE statements for the spec: names made unique, keys, partitions, foreign keys to earlier tables. */
    static List<String> ddl(String schema, List<TableSpec> spec) {
        List<String> statements = new ArrayList<>();
        List<String> tableNames = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        List<List<String>> keyTypes = new ArrayList<>();
        int t = 0;
        for (TableSpec table : spec) {
            String name = unique(table.name(), tableNames, t++);
            List<String> columns = new ArrayList<>();
            List<String> columnNames = new ArrayList<>();
            List<String> types = new ArrayList<>();
            int c = 0;
            for (Column column : table.columns()) {
                String cn = unique(column.name(), columnNames, c++);
                columnNames.add(cn);
                types.add(column.type());
                columns.add(q(cn) + " " + column.type() + (column.notNull() ? " NOT NULL" : ""));
            }
            // keys only on types with a btree operator class and equality
            List<String> key = new ArrayList<>();
            List<String> keyType = new ArrayList<>();
            for (int i = 0; i < columnNames.size() && key.size() < table.keyColumns(); i++) {
                if (!Set.of("json", "xml", "tsvector", "money").contains(types.get(i)) && !types.get(i).endsWith("[]")) {
                    key.add(columnNames.get(i));
                    keyType.add(types.get(i));
                }
            }
            boolean partitioned = table.partitioned() && !key.isEmpty()
                    && Set.of("bigint", "integer", "smallint", "date", "timestamptz", "timestamp", "numeric(12,2)")
                    .contains(keyType.get(0));
            List<String> references = new ArrayList<>();
            for (int f = 0; f < table.foreignKeys() && f < tableNames.size(); f++) {
                int target = (t * 7 + f) % tableNames.size();
                if (keys.get(target).isEmpty()) {
                    continue;
                }
                List<String> fkColumns = new ArrayList<>();
                for (int k = 0; k < keys.get(target).size(); k++) {
                    String fc = unique("ref " + f + " " + keys.get(target).get(k), columnNames, 100 + f * 10 + k);
                    columnNames.add(fc);
                    columns.add(q(fc) + " " + keyTypes.get(target).get(k).replace("bigint GENERATED", "bigint"));
                    fkColumns.add(fc);
                }
                references.add("FOREIGN KEY (" + joinQuoted(fkColumns) + ") REFERENCES " + q(schema) + "."
                        + q(tableNames.get(target)) + " (" + joinQuoted(keys.get(target)) + ")");
                if (table.indexForeignKeys()) {
                    references.add("-index " + joinQuoted(fkColumns));
                }
            }
            List<String> body = new ArrayList<>(columns);
            if (!key.isEmpty()) {
                body.add("PRIMARY KEY (" + joinQuoted(key) + ")");
            }
            List<String> indexes = new ArrayList<>();
            for (String r : references) {
                if (r.startsWith("-index ")) {
                    indexes.add(r.substring("-index ".length()));
                } else {
                    body.add(r);
                }
            }
            String create = "CREATE TABLE " + q(schema) + "." + q(name) + " (" + String.join(", ", body) + ")"
                    + (partitioned ? " PARTITION BY RANGE (" + q(key.get(0)) + ")" : "");
            statements.add(create);
            if (partitioned) {
                statements.add("CREATE TABLE " + q(schema) + "." + q(unique("p" + t + " " + name, tableNames, 900 + t))
                        + " PARTITION OF " + q(schema) + "." + q(name) + " DEFAULT");
            }
            int i = 0;
            for (String columnList : indexes) {
                statements.add("CREATE INDEX " + q("ix " + t + " " + i++) + " ON " + q(schema) + "." + q(name)
                        + " (" + columnList + ")");
            }
            tableNames.add(name);
            keys.add(key);
            keyTypes.add(keyType);
        }
        return statements;
    }

    /** A name PostgreSQL keeps as written: at most 63 bytes, no NUL, unique among its siblings. */
    static String unique(String wanted, List<String> taken, int n) {
        String name = wanted.replace("\u0000", "");
        while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 50) {
            // cut whole code points so an emoji is never split into a lone surrogate
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        if (name.isEmpty()) {
            name = "x";
        }
        String candidate = name;
        while (taken.contains(candidate)) {
            candidate = name + "_" + n++;
        }
        return candidate;
    }

    static String q(String identifier) {
        return Identifiers.alwaysQuote(identifier);
    }

    static String joinQuoted(List<String> names) {
        return String.join(", ", names.stream().map(FuzzedSchemaTest::q).toList());
    }

    /** The findings of one rule as table[.column or .constraint], the form the SQL checks produce. */
    static Set<String> objects(List<Finding> findings, String rule) {
        Set<String> objects = new TreeSet<>();
        for (Finding f : findings) {
            if (f.ruleId().equals(rule)) {
                objects.add(f.object().relation().name() + switch (rule) {
                    case "json-column", "foreign-key-without-index" -> "." + f.object().name();
                    default -> "";
                });
            }
        }
        return objects;
    }

    static Set<String> query(String sql, String schema) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (var ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
