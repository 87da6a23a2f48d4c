package dev.dbcheck.maven;

import dev.dbcheck.maven.BadInputCatalogueTest.Case;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.dbcheck.base.RawXml;

import java.util.List;
import java.util.Map;

/** The cases of {@link BadInputCatalogueTest}, in the order docs/troubleshooting.md lists them. */
final class BadInput {

    private BadInput() {
    }

    private static Case exact(String id, String situation, BadInputCatalogueTest.Setup setup, String expected) {
        return new Case(id, situation, setup, expected, false);
    }

    private static Case prefix(String id, String situation, BadInputCatalogueTest.Setup setup, String expected) {
        return new Case(id, situation, setup, expected, true);
    }

    /** {@code <configuration>} with one more setting, as XML (a pom's element) or text. */
    private static void set(VerifyMojo m, String key, String value) {
        m.configuration = m.configuration.with(key, value);
    }

    private static void xml(VerifyMojo m, String key, String element) {
        m.configuration = m.configuration.with(key, RawXml.parse(element));
    }

    private static void dashboards(VerifyMojo m, String sql, Map<String, String> volumes) {
        StringBuilder v = new StringBuilder();
        volumes.forEach((table, rows) -> v.append("<").append(table).append(">").append(rows).append("</")
                .append(table).append(">"));
        xml(m, "dashboards", "<dashboards><queries><query><name>revenue</name><sql><![CDATA[" + sql
                + "]]></sql></query></queries><volumes>" + v + "</volumes><defaultRows>100</defaultRows></dashboards>");
    }

    private static void rule(VerifyMojo m, String id, String severity, String... options) {
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < options.length; i += 2) {
            o.append("<").append(options[i]).append(">").append(options[i + 1]).append("</").append(options[i])
                    .append(">");
        }
        xml(m, "rules", "<rules><rule><id>" + id + "</id>" + (severity == null ? "" : "<severity>" + severity
                + "</severity>") + (o.length() == 0 ? "" : "<options>" + o + "</options>") + "</rule></rules>");
    }

    static final List<Case> CASES = List.of(
            // --- migrations
            exact("migration-syntax-error", "a typo in a migration", (p, m) -> p.migration("V1__orders.sql",
                            "CREATE TABLE orders (",
                            "    id bigint PRIMARY KEY,",
                            "    total numeric(12,2) NOT NULL,,",
                            "    status text",
                            ");"),
                    "src/main/resources/db/migration/V1__orders.sql:3: ERROR: syntax error at or near \",\""),
            exact("migration-missing-table", "a migration references a table no migration creates", (p, m) -> {
                p.orders();
                p.migration("V2__items.sql",
                        "CREATE TABLE order_items (",
                        "    order_id bigint NOT NULL REFERENCES orders (id),",
                        "    product_id bigint NOT NULL REFERENCES products (id)",
                        ");");
            }, "src/main/resources/db/migration/V2__items.sql:3: ERROR: relation \"products\" does not exist"),
            exact("migrations-folder-missing", "the migrations folder does not exist", (p, m) -> {
            }, "migrations.locations: migrations folder src/main/resources/db/migration does not exist (location filesystem:src/main/resources/db/migration)"),
            exact("migrations-folder-empty", "the migrations folder has no scripts", (p, m) ->
                    Files.createDirectories(p.dir().resolve("src/main/resources/db/migration")), "migrations.locations: no migrations found in filesystem:src/main/resources/db/migration (Flyway looks for V<version>__<name>.sql and R__<name>.sql files)"),
            exact("flyway-unknown-placeholder", "a ${placeholder} without a value", (p, m) -> p.migration(
                    "V1__grants.sql",
                    "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                    "GRANT SELECT ON orders TO ${app_role};"), "src/main/resources/db/migration/V1__grants.sql:2: no value for placeholder ${app_role}; set it in <migrations><placeholders><app_role>...</app_role></placeholders></migrations>"),
            exact("duplicate-migration-version", "two scripts with the same version", (p, m) -> {
                p.orders();
                p.migration("V1__customers.sql", "CREATE TABLE other (id bigint PRIMARY KEY);");
            }, "migrations.locations: version 1 is used by two scripts, src/main/resources/db/migration/V1__customers.sql and src/main/resources/db/migration/V1__orders.sql; give each script a version of its own"),
            exact("non-utf8-migration", "a migration saved as Latin-1", (p, m) -> {
                Path file = p.migration("V1__orders.sql", "x");
                Files.write(file, ("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n"
                        + "COMMENT ON TABLE orders IS 'Bestell\u00fcbersicht';\n").getBytes(StandardCharsets.ISO_8859_1));
            }, "src/main/resources/db/migration/V1__orders.sql:2: the file is not valid UTF-8 (byte 0xFC at offset 109); save it as UTF-8, the encoding migrations are read in"),
            exact("migration-timeout", "a migration statement that runs forever", (p, m) -> {
                p.migration("V1__slow.sql",
                        "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                        "SELECT pg_sleep(600);");
                set(m, "migrationTimeout", "1s");
            }, "src/main/resources/db/migration/V1__slow.sql:2: ERROR: canceling statement due to statement timeout (the statement ran longer than migrationTimeout, 1s)"),
            exact("migration-switches-timeout-off", "a migration that switches statement_timeout off, as pg_dump output does", (p, m) -> {
                p.migration("V1__dump.sql",
                        "SET statement_timeout = 0;",
                        "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                        "SELECT pg_sleep(600);");
                set(m, "migrationTimeout", "1s");
            }, "src/main/resources/db/migration/V1__dump.sql:3: ERROR: canceling statement due to user request (the statement ran longer than migrationTimeout, 1s)"),
            exact("plain-sql-switches-timeout-off", "a plain-SQL script that switches statement_timeout off", (p, m) -> {
                xml(m, "migrations", "<migrations><tool>plain</tool><locations><location>db</location></locations>"
                        + "</migrations>");
                set(m, "migrationTimeout", "1s");
                p.file("db/001_dump.sql", "SET statement_timeout = 0;\nSELECT pg_sleep(600);\n");
            }, "db/001_dump.sql:2: ERROR: canceling statement due to user request (the statement ran longer than migrationTimeout, 1s)"),
            exact("psql-connect", "a sample-database script that connects to the database it creates (psql's \\c)", (p, m) -> {
                xml(m, "migrations", "<migrations><tool>plain</tool><locations><location>db</location></locations>"
                        + "</migrations>");
                p.file("db/001_chinook.sql", "DROP DATABASE IF EXISTS chinook;\nCREATE DATABASE chinook;\n"
                        + "\\c chinook\nCREATE TABLE artist (id int PRIMARY KEY, name text);\n");
            }, "db/001_chinook.sql:3: \\c chinook is a psql command, which dbcheck does not run (it would connect to another database, and dbcheck works only in its own throwaway one): remove the line"),
            exact("psql-command-in-flyway", "pg_dump output (\\restrict) as a Flyway migration", (p, m) -> p.migration(
                    "V1__dump.sql",
                    "\\restrict 5lC8mdbTIdtdRpvSzHx1d3TT",
                    "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);"),
                    "src/main/resources/db/migration/V1__dump.sql:1: \\restrict 5lC8mdbTIdtdRpvSzHx1d3TT is a psql command, which Flyway does not run (pg_dump writes it for psql; it changes nothing in the schema): remove the line"),
            exact("extension-not-in-the-binaries", "an extension the embedded binaries do not have (PostGIS)", (p, m) -> {
                p.migration("V1__geo.sql", "CREATE EXTENSION postgis;");
                set(m, "provider", "embedded");
            }, "src/main/resources/db/migration/V1__geo.sql:1: ERROR: extension \"postgis\" is not available: the embedded PostgreSQL binaries hold only the extensions that come with PostgreSQL itself (contrib); use provider docker with an image that has postgis: <docker><image>postgis/postgis:18-3.6</image></docker>"),
            exact("plain-sql-error", "a plain-SQL folder script fails", (p, m) -> {
                xml(m, "migrations", "<migrations><tool>plain</tool><locations><location>db</location></locations>"
                        + "</migrations>");
                p.file("db/001_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
                p.file("db/002_index.sql", "CREATE INDEX orders_total_idx ON orders (total);\n");
            }, "db/002_index.sql:1: ERROR: column \"total\" does not exist"),
            // --- configuration
            prefix("misspelt-setting", "a setting whose name is misspelt", (p, m) -> {
                p.orders();
                set(m, "postgresVerison", "17");
            }, "postgresVerison: unknown setting (did you mean postgresVersion?); the settings are "),
            exact("misspelt-nested-setting", "a misspelt setting inside a section", (p, m) -> {
                p.orders();
                xml(m, "dashboards", "<dashboards><wokMem>64MB</wokMem></dashboards>");
            }, "dashboards.wokMem: unknown setting (did you mean workMem?); the settings are directory, queries, "
                    + "volumes, defaultRows, columns, loadFraction, workMem, parallelWorkers, runs, queryTimeout, mode, reuseData, dataCacheSize"),
            exact("negative-count", "a count below its minimum", (p, m) -> {
                p.orders();
                set(m, "maxFailuresShown", "-1");
            }, "maxFailuresShown: '-1' is not from 0 to 10000"),
            prefix("unknown-rule-id", "a rule id that does not exist", (p, m) -> {
                p.orders();
                rule(m, "foreign-key-without-indexes", "warning");
            }, "rules[foreign-key-without-indexes]: unknown rule id 'foreign-key-without-indexes' (did you mean foreign-key-without-index?); known rules: "),
            exact("unknown-option", "an option the rule does not take", (p, m) -> {
                p.orders();
                rule(m, "index-budget-exceeded", null, "totalSise", "2GB");
            }, "rules[index-budget-exceeded].options.totalSise: unknown option for index-budget-exceeded; its options are totalSize, indexesPerTable, indexToTableRatio"),
            exact("bad-severity", "a severity that does not exist", (p, m) -> {
                p.orders();
                rule(m, "json-column", "fatal");
            }, "rules[json-column].severity: 'fatal' is not one of error, warning, info, off"),
            exact("bad-size", "a size with an unknown unit", (p, m) -> {
                p.orders();
                rule(m, "index-budget-exceeded", null, "totalSize", "2XB");
            }, "rules[index-budget-exceeded].options.totalSize: '2XB' is not a size; use a number with B, kB, MB, GB or TB (e.g. 512MB, 2GB)"),
            exact("bad-regex-option", "a rule option that should be a regular expression and is not", (p, m) -> {
                p.orders();
                rule(m, "float-for-money", null, "namePattern", "*total");
            }, "rules[float-for-money].options.namePattern: '*total' is not a regular expression: Dangling meta "
                    + "character '*' near index 0"),
            exact("negative-option", "a count option below zero", (p, m) -> {
                p.orders();
                rule(m, "seq-scan-on-large-table", null, "rowThreshold", "-5");
            }, "rules[seq-scan-on-large-table].options.rowThreshold: '-5' is negative; a count or limit is 0 or more"),
            exact("bad-duration", "a duration that is not one", (p, m) -> {
                p.orders();
                set(m, "startupTimeout", "soon");
            }, "startupTimeout: 'soon' is not a duration; use a number with ms, s, m or h (e.g. 30s, 2m, 500ms)"),
            exact("unknown-postgres-major", "a PostgreSQL major dbcheck has no binaries for", (p, m) -> {
                p.orders();
                set(m, "postgresVersion", "12");
            }, "postgresVersion: '12' is not a supported PostgreSQL version; use a major (14, 15, 16, 17, 18) or a full embedded-binaries version such as 18.6.0"),
            exact("unknown-provider", "a provider that does not exist", (p, m) -> {
                p.orders();
                set(m, "provider", "cloud");
            }, "provider: 'cloud' is not one of embedded, docker, server"),
            exact("unknown-format", "a report format that does not exist", (p, m) -> {
                p.orders();
                xml(m, "formats", "<formats><format>sarif</format><format>pdf</format></formats>");
            }, "formats: 'pdf' is not one of json, sarif, junit, html, gitlab, sonarqube, markdown (or none)"),
            exact("corrupt-baseline", "a baseline file that is not JSON", (p, m) -> {
                p.orders();
                p.file("dbcheck-baseline.json", "{\"findings\": [\n  {\"rule\": \"json-column\",\n");
            }, "dbcheck-baseline.json:3: not a dbcheck baseline (Unexpected end-of-input within/between Object entries); regenerate it with mvn dbcheck:baseline"),
            exact("custom-rule-bad-sql", "a custom rule whose query fails", (p, m) -> {
                p.orders();
                xml(m, "customRules", "<customRules><customRule><id>table-needs-comment</id><sql>SELECT relname AS "
                        + "table, 'no comment' AS message FROM pg_clas</sql></customRule></customRules>");
            }, "customRules[table-needs-comment].sql: ERROR: relation \"pg_clas\" does not exist"),
            exact("custom-rule-several-statements", "a custom rule whose SQL holds a second statement", (p, m) -> {
                p.orders();
                xml(m, "customRules", "<customRules><customRule><id>table-needs-comment</id><sql>SELECT relname AS "
                        + "table, 'x' AS message FROM pg_class WHERE false; COMMIT; CREATE TABLE escaped (id int)"
                        + "</sql></customRule></customRules>");
            }, "customRules[table-needs-comment].sql: pom.xml:1: one statement per query, and this one holds 3 (the second begins 'COMMIT'); a second statement would run outside the query's transaction and time limit"),
            exact("custom-rule-reads-a-file", "a custom rule that reads a file of the machine (pg_read_file)", (p, m) -> {
                p.orders();
                set(m, "provider", "embedded");
                xml(m, "customRules", "<customRules><customRule><id>etc-passwd</id><sql>SELECT 'public' AS schema, "
                        + "'orders' AS table, pg_read_file('/etc/passwd') AS message</sql></customRule></customRules>");
            }, "customRules[etc-passwd].sql: ERROR: permission denied for function pg_read_file"),
            exact("schema-not-there", "schemas names a schema the migrations do not create", (p, m) -> {
                p.orders();
                xml(m, "schemas", "<schemas><schema>pubic</schema></schemas>");
            }, "schemas: no schema 'pubic' in the migrated database (did you mean public?); its schemas are public"),
            exact("listen-on-every-address", "serverSettings that open the throwaway server to the network", (p, m) -> {
                p.orders();
                xml(m, "serverSettings", "<serverSettings><listen_addresses>*</listen_addresses></serverSettings>");
            }, "serverSettings.listen_addresses: '*' would let other machines reach the throwaway server, whose superuser runs the project's SQL; it listens on loopback only (127.0.0.1, localhost or ::1): remove the setting"),
            // --- dashboards
            exact("query-several-statements", "a dashboard query that holds a second statement", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT count(*) FROM orders;\nCOMMIT;\nSELECT pg_sleep(40)", Map.of("orders", "100"));
            }, "dashboards.queries[revenue].sql: pom.xml:2: one statement per query, and this one holds 3 (the second begins 'COMMIT'); a second statement would run outside the query's transaction and time limit"),
            exact("bad-volume", "a volume that is not a number", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT count(*) FROM orders", Map.of("orders", "lots"));
            }, "dashboards.volumes.orders: 'lots' is not a row count (e.g. 1000000, 1M, 50k)"),
            exact("volume-for-missing-table", "a volume for a table the migrations do not create", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT count(*) FROM orders", Map.of("shipments", "1000"));
            }, "dashboards.volumes.shipments: no table shipments in the migrated schema (qualify it as schema.table if it is not in public)"),
            exact("partitioned-without-partitions", "a dashboard query reads a partitioned table whose partitions the application makes at run time", (p, m) -> {
                p.migration("V1__clicks.sql", "CREATE TABLE clicks (at timestamptz NOT NULL, url text NOT NULL) "
                        + "PARTITION BY RANGE (at);");
                dashboards(m, "SELECT count(*) FROM clicks WHERE at > now() - interval '1 day'", Map.of());
            }, "Cannot generate rows for public.clicks: it is partitioned and has no partitions, and dashboard query revenue reads it. Create the partitions the application makes at run time in a migration, or for dbcheck only in a sampleData SQL file (it runs before the load): CREATE TABLE clicks_default PARTITION OF public.clicks DEFAULT;"),
            exact("query-syntax-error", "a dashboard query with a typo", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT status, sum(total)\nFROM orders\nGROUP status",
                        Map.of("orders", "1000"));
            }, "pom.xml:3: ERROR: syntax error at or near \"status\" (dashboard query revenue)"),
            exact("query-unbound-parameter", "a dashboard query with a $1 parameter", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT * FROM orders WHERE customer_id = $1", Map.of("orders", "1000"));
            }, "pom.xml:1: the query has a parameter ($1); dashboard queries run as written, so put a typical value in its place (dashboard query revenue)"),
            exact("query-missing-table", "a dashboard query on a table that does not exist", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT count(*) FROM shipments", Map.of("orders", "1000"));
            }, "pom.xml:1: ERROR: relation \"shipments\" does not exist (dashboard query revenue)"),
            exact("unsatisfiable-check", "a check constraint the generator cannot satisfy", (p, m) -> {
                p.migration("V1__orders.sql",
                        "CREATE TABLE orders (",
                        "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                        "    code text NOT NULL CONSTRAINT code_is_palindrome CHECK (code = reverse(code) AND length(code) > 3)",
                        ");");
                dashboards(m, "SELECT count(*) FROM orders", Map.of("orders", "1000"));
            }, "Cannot generate rows for public.orders that satisfy check constraint code_is_palindrome (CHECK (code = reverse(code) AND length(code) > 3)): the generator does not understand it; declare the values of its columns under <dashboards><columns> (values, min, max)"),
            prefix("query-timeout", "a dashboard query that runs forever", (p, m) -> {
                p.orders();
                dashboards(m, "SELECT count(*) FROM orders, pg_sleep(600)", Map.of("orders", "100"));
                set(m, "dashboards.queryTimeout", "1s");
            }, "dbcheck found 3 findings at or above error:\n  ERROR [query-time-budget] query revenue — pom.xml:1 — query revenue did not finish within the query timeout (1 s) and was cancelled"),
            // --- sample data
            exact("unreadable-sample-data", "a sample data file that cannot be read", (p, m) -> {
                p.orders();
                Path folder = Files.createDirectories(p.dir().resolve("src/test/sample-data"));
                Files.createSymbolicLink(folder.resolve("orders.csv"), folder.resolve("exported/orders.csv"));
                set(m, "sampleData", folder.toString());
            }, "src/test/sample-data/orders.csv: cannot read the file: no such file or directory (src/test/sample-data/orders.csv)"),
            exact("bad-sample-row", "a sample data row PostgreSQL rejects", (p, m) -> {
                p.orders();
                Path folder = Files.createDirectories(p.dir().resolve("src/test/sample-data"));
                Files.writeString(folder.resolve("customers.csv"), "email\na@example.com\n");
                Files.writeString(folder.resolve("orders.csv"), "customer_id,status,total\n1,paid,10.00\n"
                        + "1,paid,twelve\n");
                set(m, "sampleData", folder.toString());
            }, "src/test/sample-data/orders.csv:3: ERROR: invalid input syntax for type numeric: \"twelve\""),
            // --- the embedded server
            exact("work-directory-not-a-directory", "workDirectory is a file", (p, m) -> {
                p.orders();
                set(m, "provider", "embedded");
                set(m, "workDirectory", p.file("target/pg", "not a directory").toString());
            }, "workDirectory: cannot create the PostgreSQL cluster directory in target/pg: a file of that name is in the way (target/pg); set workDirectory to a writable directory"),
            prefix("startup-timeout", "the embedded server is not ready within startupTimeout", (p, m) -> {
                p.orders();
                set(m, "provider", "embedded");
                set(m, "startupTimeout", "1ms");
            }, "PostgreSQL did not accept connections within 1ms (startupTimeout; raise it on a slow machine); server log: "),
            exact("port-range-exhausted", "every port of embeddedPorts is in use", (p, m) -> {
                p.orders();
                set(m, "provider", "embedded");
                // the test JVM's own PostgreSQL listens there for the whole test; the message shows it as <port>
                set(m, "embeddedPorts", Integer.toString(BadInputCatalogueTest.server.port()));
            }, "embeddedPorts: no free port in <port> on 127.0.0.1 (all 1 in use); widen embeddedPorts, or leave it unset so that the system picks a free port"),
            // --- names PostgreSQL accepts: dbcheck must handle them, quoting them in every fix
            prefix("quoted-mixed-case-names", "quoted, mixed-case identifiers with spaces", (p, m) -> p.migration(
                    "V1__orders.sql",
                    "CREATE TABLE \"Customer Accounts\" (\"Account Id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                    "CREATE TABLE \"Order Items\" (",
                    "    \"Item Id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                    "    \"Account Id\" bigint NOT NULL REFERENCES \"Customer Accounts\" (\"Account Id\")",
                    ");"), "dbcheck found 3 findings at or above error:\n  ERROR [foreign-key-without-index] public.\"Order Items\"(\"Account Id\") — src/main/resources/db/migration/V1__orders.sql:4 — foreign key \"Order Items_Account Id_fkey\" (\"Account Id\") → public.\"Customer Accounts\"(\"Account Id\") has no supporting index on public.\"Order Items\""),
            prefix("unicode-names", "table and column names outside ASCII", (p, m) -> p.migration("V1__orders.sql",
                    "CREATE TABLE заказы (",
                    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                    "    данные json",
                    ");"), "dbcheck found 2 findings at or above error:\n  ERROR [json-column] public.\"заказы\".\"данные\" — src/main/resources/db/migration/V1__orders.sql:3 — column public.\"заказы\".\"данные\" is json"),
            prefix("keyword-schema", "a schema and a table named like keywords", (p, m) -> p.migration(
                    "V1__orders.sql",
                    "CREATE SCHEMA \"order\";",
                    "CREATE TABLE \"order\".\"select\" (",
                    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                    "    \"from\" json",
                    ");"), "dbcheck found 2 findings at or above error:\n  ERROR [json-column] \"order\".\"select\".\"from\" — src/main/resources/db/migration/V1__orders.sql:4 — column \"order\".\"select\".\"from\" is json"),
            prefix("huge-identifiers", "names longer than PostgreSQL's 63 bytes", (p, m) -> p.migration(
                    "V1__orders.sql",
                    "CREATE TABLE customer_order_fulfilment_events_with_a_name_far_longer_than_postgres_allows (",
                    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
                    "    payload_of_the_fulfilment_event_as_received_from_the_warehouse_system json",
                    ");"), "dbcheck found 2 findings at or above error:\n  ERROR [json-column] public.customer_order_fulfilment_events_with_a_name_far_longer_than_po.payload_of_the_fulfilment_event_as_received_from_the_warehouse_ — column")
    );
}
