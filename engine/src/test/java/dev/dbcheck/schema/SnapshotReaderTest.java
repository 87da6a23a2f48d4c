package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotReaderTest {

    private static final String SCHEMA = String.join("\n",
            "CREATE EXTENSION citext;",
            "CREATE SCHEMA shop;",
            "CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');",
            "CREATE DOMAIN shop.email AS citext CHECK (VALUE LIKE '%@%');",
            "CREATE TABLE shop.customers (",
            "    id bigserial PRIMARY KEY,",
            "    email shop.email NOT NULL,",
            "    tags text[],",
            "    name text GENERATED ALWAYS AS (upper(email::text)) STORED",
            ");",
            "COMMENT ON TABLE shop.customers IS 'people who buy';",
            "COMMENT ON COLUMN shop.customers.email IS 'login';",
            "CREATE TABLE shop.orders (",
            "    id bigint GENERATED ALWAYS AS IDENTITY,",
            "    placed_at timestamptz NOT NULL DEFAULT now(),",
            "    customer_id bigint NOT NULL,",
            "    status shop.status NOT NULL DEFAULT 'new',",
            "    PRIMARY KEY (id, placed_at),",
            "    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id) ON DELETE CASCADE",
            ") PARTITION BY RANGE (placed_at);",
            "CREATE TABLE shop.orders_2026 PARTITION OF shop.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
            "CREATE INDEX orders_customer_recent ON shop.orders (customer_id, placed_at DESC NULLS LAST);",
            "CREATE INDEX customers_lower_email ON shop.customers (lower(email::text)) INCLUDE (id) WHERE id > 10;",
            "ALTER TABLE shop.customers ADD CONSTRAINT customers_email_valid CHECK (email <> '') NOT VALID;",
            "CREATE MATERIALIZED VIEW shop.daily AS SELECT placed_at::date AS day, count(*) AS n FROM shop.orders GROUP BY 1;",
            "CREATE UNIQUE INDEX daily_day ON shop.daily (day);",
            "CREATE FUNCTION shop.touch(p bigint) RETURNS void LANGUAGE sql AS $$ SELECT 1 $$;",
            "CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY);");

    /**
     * Key columns are named from the columns the snapshot read, by attnum: in constraint order, also for a key
     * that references a table outside the snapshot's schemas; an expression names no column; operator classes
     * come by oid.
     */
    @Test
    void namesKeyColumnsInConstraintOrderAlsoOutsideTheSnapshot() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE SCHEMA ref;",
                    "CREATE TABLE ref.regions (note text, country text NOT NULL, code text NOT NULL,",
                    "    PRIMARY KEY (country, code));",
                    "CREATE SCHEMA shop;",
                    "CREATE TABLE shop.bookings (id bigint PRIMARY KEY, region_code text, starts timestamptz,",
                    "    ends timestamptz, region_country text, title text,",
                    "    FOREIGN KEY (region_country, region_code) REFERENCES ref.regions (country, code),",
                    "    EXCLUDE USING gist (tstzrange(starts, ends) WITH &&));",
                    "CREATE INDEX bookings_title ON shop.bookings (title text_pattern_ops, id);"), "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of("shop"), Set.of()).read(c);

            Table bookings = snapshot.table("shop", "bookings").orElseThrow();
            Constraint fk = bookings.constraints(ConstraintType.FOREIGN_KEY).get(0);
            assertThat(fk.columns()).containsExactly("region_country", "region_code");
            assertThat(fk.references().table()).isEqualTo(new QualifiedName("ref", "regions"));
            assertThat(fk.references().columns()).containsExactly("country", "code");
            assertThat(bookings.primaryKey().orElseThrow().columns()).containsExactly("id");
            assertThat(bookings.constraints(ConstraintType.EXCLUSION)).singleElement()
                    .satisfies(x -> assertThat(x.columns()).doesNotContainNull());
            assertThat(bookings.index("bookings_title").orElseThrow().keys())
                    .extracting(IndexKey::column, IndexKey::opclass)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "text_pattern_ops"),
                            org.assertj.core.groups.Tuple.tuple("id", "int8_ops"));
        }
    }

    @Test
    void readsEveryPartTheRulesNeed() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of(),
                    Set.of(new QualifiedName("public", "flyway_schema_history"))).read(c);

            assertThat(snapshot.majorVersion()).isGreaterThanOrEqualTo(14);
            assertThat(snapshot.schemas()).contains("public", "shop");
            assertThat(snapshot.tables()).extracting(t -> t.name().toString())
                    .containsExactly("shop.customers", "shop.daily", "shop.orders", "shop.orders_2026");

            Table customers = snapshot.table("shop", "customers").orElseThrow();
            assertThat(customers.comment()).isEqualTo("people who buy");
            Column id = customers.column("id").orElseThrow();
            assertThat(id.typeName()).isEqualTo("int8");
            assertThat(id.defaultsToSequence()).isTrue();
            assertThat(id.ownedSequence()).isEqualTo("shop.customers_id_seq");
            Column email = customers.column("email").orElseThrow();
            assertThat(email.domain()).isEqualTo("email");
            assertThat(email.typeName()).isEqualTo("citext");
            assertThat(email.comment()).isEqualTo("login");
            assertThat(customers.column("tags").orElseThrow().array()).isTrue();
            assertThat(customers.column("tags").orElseThrow().typeName()).isEqualTo("text");
            assertThat(customers.column("name").orElseThrow().generated()).isTrue();
            Constraint check = customers.constraints(ConstraintType.CHECK).stream()
                    .filter(k -> k.name().equals("customers_email_valid")).findFirst().orElseThrow();
            assertThat(check.validated()).isFalse();
            Index lowerEmail = customers.index("customers_lower_email").orElseThrow();
            assertThat(lowerEmail.keys()).hasSize(1);
            assertThat(lowerEmail.keys().get(0).isExpression()).isTrue();
            assertThat(lowerEmail.keys().get(0).expression()).isEqualTo("lower(email::text)");
            assertThat(lowerEmail.includeColumns()).containsExactly("id");
            assertThat(lowerEmail.predicate()).isEqualTo("id > 10");

            Table orders = snapshot.table("shop", "orders").orElseThrow();
            assertThat(orders.kind()).isEqualTo(TableKind.PARTITIONED_TABLE);
            assertThat(orders.partitionKey()).isEqualTo("RANGE (placed_at)");
            assertThat(orders.column("id").orElseThrow().identity()).isEqualTo(Column.Identity.ALWAYS);
            assertThat(orders.column("status").orElseThrow().typeKind()).isEqualTo(Column.TypeKind.ENUM);
            Constraint fk = orders.constraints(ConstraintType.FOREIGN_KEY).get(0);
            assertThat(fk.name()).isEqualTo("orders_customer_fk");
            assertThat(fk.columns()).containsExactly("customer_id");
            assertThat(fk.references().table()).isEqualTo(new QualifiedName("shop", "customers"));
            assertThat(fk.references().columns()).containsExactly("id");
            assertThat(fk.references().onDelete()).isEqualTo("CASCADE");
            assertThat(fk.inherited()).isFalse();
            assertThat(orders.primaryKey().orElseThrow().columns()).containsExactly("id", "placed_at");
            Index recent = orders.index("orders_customer_recent").orElseThrow();
            assertThat(recent.partitioned()).isTrue();
            assertThat(recent.keys()).extracting(IndexKey::column).containsExactly("customer_id", "placed_at");
            assertThat(recent.keys().get(1).descending()).isTrue();
            assertThat(recent.keys().get(1).nullsFirst()).isFalse();
            assertThat(recent.method()).isEqualTo("btree");
            assertThat(orders.index("orders_pkey").orElseThrow().constraintName()).isEqualTo("orders_pkey");

            Table partition = snapshot.table("shop", "orders_2026").orElseThrow();
            assertThat(partition.partitionOf()).isEqualTo(orders.name());
            assertThat(partition.constraints(ConstraintType.FOREIGN_KEY).get(0).inherited()).isTrue();
            assertThat(partition.indexes()).anyMatch(i -> "orders_customer_recent".equals(i.parentIndex()));
            assertThat(snapshot.partitionsOf(orders)).containsExactly(partition);

            Table daily = snapshot.table("shop", "daily").orElseThrow();
            assertThat(daily.kind()).isEqualTo(TableKind.MATERIALIZED_VIEW);
            assertThat(daily.viewDefinition()).contains("count(*)");
            assertThat(daily.index("daily_day").orElseThrow().unique()).isTrue();

            assertThat(snapshot.routines()).extracting(r -> r.name().toString() + "(" + r.arguments() + ")")
                    .containsExactly("shop.touch(p bigint)");
            assertThat(snapshot.enums()).singleElement()
                    .satisfies(e -> assertThat(e.labels()).containsExactly("new", "paid", "shipped"));
            // citext's own functions and types belong to the extension, not to the project
            assertThat(snapshot.routines()).noneMatch(r -> r.name().name().startsWith("citext"));
        }
    }

    @Test
    void readsOnlyTheConfiguredSchemas() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int); "
                    + "CREATE TABLE b.t (id int);", "schema.sql");
            SchemaSnapshot snapshot = new SnapshotReader(List.of("b", "missing"), Set.of()).read(c);
            assertThat(snapshot.schemas()).containsExactly("b");
            assertThat(snapshot.tables()).extracting(t -> t.name().toString()).containsExactly("b.t");
        }
    }

    /**
     * Indexes and constraints whose definition the snapshot writes itself and those it leaves to the server, side by
     * side, and column defaults of every shape.
     */
    private static final String INDEX_KINDS = String.join("\n",
            "CREATE EXTENSION citext;",
            "CREATE SCHEMA \"Shop\";",
            "CREATE TABLE \"Shop\".\"Order\" (id bigint PRIMARY KEY, \"position\" int, \"time\" timestamptz,",
            "    \"user\" text, code varchar(20), label text COLLATE \"C\", \"Mixed\" text, a$b int, nick citext,",
            "    tags text[], amount numeric, UNIQUE (code, \"position\"));",
            "CREATE INDEX ON \"Shop\".\"Order\" (\"position\", \"time\" DESC);",
            "CREATE INDEX ON \"Shop\".\"Order\" (\"user\" NULLS FIRST, \"time\" DESC NULLS LAST, code ASC NULLS LAST);",
            "CREATE INDEX ON \"Shop\".\"Order\" (code) INCLUDE (\"Mixed\", a$b);",
            "CREATE INDEX ON \"Shop\".\"Order\" (code varchar_pattern_ops);",
            "CREATE INDEX ON \"Shop\".\"Order\" (label);",
            "CREATE INDEX ON \"Shop\".\"Order\" (label COLLATE \"en-x-icu\");",
            "CREATE INDEX ON \"Shop\".\"Order\" (\"Mixed\" COLLATE \"C\");",
            "CREATE INDEX ON \"Shop\".\"Order\" USING hash (nick);",
            "CREATE INDEX ON \"Shop\".\"Order\" USING gin (tags);",
            "CREATE INDEX ON \"Shop\".\"Order\" (amount) WITH (fillfactor = 70);",
            "CREATE INDEX ON \"Shop\".\"Order\" (lower(\"user\"));",
            "CREATE INDEX ON \"Shop\".\"Order\" (amount) WHERE amount > 0;",
            "CREATE UNIQUE INDEX ON \"Shop\".\"Order\" (nick) NULLS NOT DISTINCT;",
            "CREATE TABLE \"Shop\".events (id bigint, at date NOT NULL, kind text) PARTITION BY RANGE (at);",
            "CREATE TABLE \"Shop\".events_2026 PARTITION OF \"Shop\".events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
            "CREATE INDEX ON \"Shop\".events (kind, at);",
            "CREATE TABLE \"Shop\".inherited_check (LIKE \"Shop\".\"Order\" INCLUDING INDEXES);",
            "CREATE TABLE public.\"Order\" (id bigint PRIMARY KEY);", // shadows nothing: Shop is not on the path
            "CREATE TABLE \"Shop\".lines (id bigint PRIMARY KEY, \"order\" bigint, \"user\" text, code varchar(20),",
            "    \"position\" int, note text,",
            "    FOREIGN KEY (\"order\") REFERENCES \"Shop\".\"Order\" (id) ON DELETE CASCADE ON UPDATE RESTRICT,",
            "    FOREIGN KEY (id) REFERENCES public.\"Order\" (id) MATCH FULL DEFERRABLE INITIALLY DEFERRED,",
            "    FOREIGN KEY (code, \"position\") REFERENCES \"Shop\".\"Order\" (code, \"position\") ON DELETE SET NULL (code),",
            "    UNIQUE (\"user\", note) DEFERRABLE, UNIQUE NULLS NOT DISTINCT (note), UNIQUE (code) INCLUDE (note),",
            "    CHECK (\"position\" > 0), EXCLUDE USING btree (id WITH =));",
            "ALTER TABLE \"Shop\".lines ADD FOREIGN KEY (\"position\") REFERENCES public.\"Order\" (id) ON DELETE SET DEFAULT NOT VALID;",
            // defaults of every shape (deparsed without their table), and generation expressions (with it)
            "CREATE TYPE \"Shop\".state AS ENUM ('new', 'done');",
            "CREATE SEQUENCE \"Shop\".counter;",
            "CREATE FUNCTION \"Shop\".next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' $$;",
            "CREATE TABLE \"Shop\".defaults (id bigserial PRIMARY KEY, n int DEFAULT nextval('\"Shop\".counter'),",
            "    at timestamptz DEFAULT now(), d date DEFAULT CURRENT_DATE, who text DEFAULT CURRENT_USER,",
            "    s \"Shop\".state DEFAULT 'new', j jsonb DEFAULT '{}'::jsonb, a int[] DEFAULT '{1,2}',",
            "    c text DEFAULT \"Shop\".next_code(), e numeric(8,2) DEFAULT -1.5 * 2, f boolean DEFAULT false,",
            "    g text DEFAULT ('x' || 'y'), h interval DEFAULT '1 day'::interval,",
            "    k int GENERATED ALWAYS AS (n * 2) STORED, l text GENERATED ALWAYS AS (upper(who || c)) STORED,",
            "    m bigint GENERATED BY DEFAULT AS IDENTITY);");

    /**
     * Every constraint's definition is what {@code pg_get_constraintdef} prints (primary and unique keys, foreign keys
     * with every action, MATCH FULL, DEFERRABLE, NOT VALID, a referenced table off the search path qualified, and
     * what the server keeps writing: INCLUDE, NULLS NOT DISTINCT, SET NULL (columns), checks, exclusions), and every
     * index's definition is what {@code pg_get_indexdef} prints, whether the snapshot wrote it or the server
     * deparsed it: key words and capitals quoted, orders and NULLS placement, INCLUDE, operator classes and collations
     * other than the column's, partitioned tables (ON ONLY) and their partitions, storage options, predicates,
     * expressions, NULLS NOT DISTINCT; every column's default and generation expression is what {@code pg_get_expr}
     * prints against its table; and the same on every schema of the real-schema corpus.
     */
    @Test
    void writesDefinitionsAndDefaultsAsTheServerDeparsesThem() throws Exception {
        List<String> schemas = new ArrayList<>(List.of(INDEX_KINDS));
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/real-schemas"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                schemas.add(Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8));
            }
        }
        int compared = 0;
        for (String sql : schemas) {
            try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                PlainSqlMigrator.execute(c, sql, "schema.sql");
                SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
                Map<String, String> constraints = serverTexts(c, "SELECT n.nspname || '.' || r.relname || ' ' || "
                        + "c.conname, pg_get_constraintdef(c.oid, true) FROM pg_constraint c "
                        + "JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "WHERE c.contype IN ('p', 'u', 'f', 'c', 'x')");
                Map<String, String> defaults = serverTexts(c, "SELECT n.nspname || '.' || r.relname || '.' || "
                        + "a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
                        + "ON a.attrelid = d.adrelid AND a.attnum = d.adnum JOIN pg_class r ON r.oid = d.adrelid "
                        + "JOIN pg_namespace n ON n.oid = r.relnamespace");
                Map<String, String> indexes = serverTexts(c, "SELECT n.nspname || '.' || ic.relname, "
                        + "pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                        + "JOIN pg_namespace n ON n.oid = ic.relnamespace");
                for (Table table : snapshot.tables()) {
                    for (Column column : table.columns()) {
                        String key = table.name().schema() + "." + table.name().name() + "." + column.name();
                        assertThat(column.defaultExpression()).as(key).isEqualTo(defaults.get(key));
                        compared++;
                    }
                    for (Constraint constraint : table.constraints()) {
                        String key = table.name().schema() + "." + table.name().name() + " " + constraint.name();
                        assertThat(constraint.definition()).as(key).isEqualTo(constraints.get(key));
                        compared++;
                    }
                    for (Index index : table.indexes()) {
                        assertThat(index.definition()).as("%s.%s", table.name(), index.name())
                                .isEqualTo(indexes.get(table.name().schema() + "." + index.name()));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(19000);
    }

    /**
     * A large schema's snapshot reads its constraints and sequences on a second connection, in the first one's
     * exported catalog snapshot: the result is the one-connection snapshot, object for object, on the fixture and
     * on every schema of the corpus (the threshold lowered to 0 so that small schemas take that path too); the
     * second connection is opened once per read and closed when the read returns.
     */
    @Test
    void readsTheSameSnapshotWithASecondConnection() throws Exception {
        List<String> schemas = new ArrayList<>(List.of(SCHEMA, INDEX_KINDS));
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/real-schemas"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                schemas.add(Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8));
            }
        }
        int tables = 0;
        int large = 0;
        for (String sql : schemas) {
            try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                PlainSqlMigrator.execute(c, sql, "schema.sql");
                SchemaSnapshot alone = new SnapshotReader(List.of(), Set.of()).read(c);
                java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
                SchemaSnapshot withSecond = new SnapshotReader(List.of(), Set.of()).parallelFrom(0).read(c, () -> {
                    opened.incrementAndGet();
                    return db.connect();
                });
                assertThat(opened).hasValue(1);
                assertSameSnapshot(withSecond, alone);
                assertThat(TestPostgres.sessions(c, db.name())).isEqualTo(1); // the second one is closed
                // by default a second connection from DEFAULT_PARALLEL_FROM relations on (netbox's 189 tables)
                java.util.concurrent.atomic.AtomicInteger byDefault = new java.util.concurrent.atomic.AtomicInteger();
                SchemaSnapshot defaults = new SnapshotReader(List.of(), Set.of()).read(c, () -> {
                    byDefault.incrementAndGet();
                    return db.connect();
                });
                assertThat(byDefault).hasValue(alone.tables().size() >= SnapshotReader.DEFAULT_PARALLEL_FROM ? 1 : 0);
                assertSameSnapshot(defaults, alone);
                large += byDefault.get();
                tables += alone.tables().size();
            }
        }
        assertThat(tables).isGreaterThan(1000);
        assertThat(large).isPositive();
    }

    /**
     * Without a second connection to be had (an existing server at its max_connections) the first one reads
     * everything; when the second session fails (here: a snapshot exported in another database cannot be
     * imported), the read fails with its error and leaves no session behind.
     */
    @Test
    void aSecondConnectionThatCannotBeOpenedOrFailsIsHandled() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
             TestPostgres.TestDatabase other = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, SCHEMA, "schema.sql");
            SchemaSnapshot alone = new SnapshotReader(List.of(), Set.of()).read(c);
            SchemaSnapshot without = new SnapshotReader(List.of(), Set.of()).parallelFrom(0).read(c, () -> {
                throw new java.sql.SQLException("FATAL: sorry, too many clients already", "53300");
            });
            assertThat(parts(without)).isEqualTo(parts(alone));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SnapshotReader(List.of(), Set.of())
                            .parallelFrom(0).read(c, other::connect))
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("snapshot");
            assertThat(TestPostgres.sessions(c, other.name())).isZero();
            assertThat(c.getAutoCommit()).isTrue();
            // the connection is usable after the failed read
            assertThat(parts(new SnapshotReader(List.of(), Set.of()).read(c))).isEqualTo(parts(alone));
        }
    }

    /** Table by table, part by part (a difference is then readable), and then everything else. */
    private static void assertSameSnapshot(SchemaSnapshot actual, SchemaSnapshot expected) {
        assertThat(actual.tables().stream().map(Table::name).toList())
                .isEqualTo(expected.tables().stream().map(Table::name).toList());
        for (int i = 0; i < expected.tables().size(); i++) {
            Table a = actual.tables().get(i);
            Table e = expected.tables().get(i);
            assertThat(a.columns()).as("%s columns", e.name()).isEqualTo(e.columns());
            assertThat(a.constraints()).as("%s constraints", e.name()).isEqualTo(e.constraints());
            assertThat(a.indexes()).as("%s indexes", e.name()).isEqualTo(e.indexes());
            assertThat(a).as("%s", e.name()).isEqualTo(e);
        }
        assertThat(parts(actual)).isEqualTo(parts(expected));
    }

    /** What a snapshot holds, as values that compare: its tables, routines, enums, namespaces, sequences. */
    private static List<Object> parts(SchemaSnapshot snapshot) {
        return List.of(snapshot.serverVersion(), snapshot.schemas(), snapshot.tables(), snapshot.routines(),
                snapshot.enums(), snapshot.namespaces(), snapshot.sequences());
    }

    /** The server's text of each object, by the key the query's first column gives. */
    private static Map<String, String> serverTexts(Connection c, String sql) throws Exception {
        Map<String, String> texts = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                texts.put(rs.getString(1), rs.getString(2));
            }
        }
        return texts;
    }
}
