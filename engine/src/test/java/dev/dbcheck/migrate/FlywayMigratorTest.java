package dev.dbcheck.migrate;

import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlywayMigratorTest {

    @TempDir
    Path project;

    private Path migrations() throws Exception {
        return Files.createDirectories(project.resolve("src/main/resources/db/migration"));
    }

    private FlywayMigrator migrator(Map<String, String> placeholders, List<String> schemas) {
        return new FlywayMigrator(MigrationSettings.flyway(List.of(FlywayMigrator.DEFAULT_LOCATION), schemas,
                placeholders), Project.at(project));
    }

    @Test
    void appliesVersionedAndRepeatableScriptsWithPlaceholdersAndReturnsThemInOrder() throws Exception {
        Path dir = migrations();
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id uuid PRIMARY KEY, owner text DEFAULT '${owner}');");
        Files.writeString(dir.resolve("V2__orders.sql"), "CREATE TABLE orders (id uuid PRIMARY KEY);");
        Files.writeString(dir.resolve("R__views.sql"), "CREATE OR REPLACE VIEW user_ids AS SELECT id FROM users;");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            AppliedMigrations applied = migrator(Map.of("owner", "shop"), List.of()).migrate(db, EngineLog.SILENT);
            assertThat(applied.scripts()).extracting(MigrationScript::displayPath).containsExactly(
                    "src/main/resources/db/migration/V1__users.sql",
                    "src/main/resources/db/migration/V2__orders.sql",
                    "src/main/resources/db/migration/R__views.sql");
            assertThat(applied.scripts().get(0).content()).contains("DEFAULT 'shop'");
            assertThat(applied.toolTables()).extracting(Object::toString).containsExactly("public.flyway_schema_history");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT column_default FROM information_schema.columns "
                         + "WHERE table_name = 'users' AND column_name = 'owner'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("'shop'::text");
            }
        }
    }

    @Test
    void aFailingStatementIsReportedWithFileLineAndPostgresMessageOnly() throws Exception {
        Path dir = migrations();
        Files.writeString(dir.resolve("V1__customers.sql"), "CREATE TABLE customers (id uuid PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__orders.sql"), String.join("\n",
                "-- orders",
                "CREATE TABLE orders (",
                "    id uuid PRIMARY KEY,",
                "    customer_id uuid REFERENCES customers (id),",
                "    shop_id uuid REFERENCES shops (id)",
                ");"));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            assertThatThrownBy(() -> migrator(Map.of(), List.of()).migrate(db, EngineLog.SILENT))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("src/main/resources/db/migration/V2__orders.sql:5: ERROR: relation \"shops\" does not exist");
        }
    }

    @Test
    void aSyntaxErrorPointsAtTheLineOfTheOffendingToken() throws Exception {
        Path dir = migrations();
        Files.writeString(dir.resolve("V1__t.sql"), String.join("\n",
                "CREATE TABLE a (id int PRIMARY KEY);",
                "",
                "CREATE TABLE b (",
                "    id int PRIMARY KEY,",
                "    name text NOT NUL",
                ");"));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            assertThatThrownBy(() -> migrator(Map.of(), List.of()).migrate(db, EngineLog.SILENT))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("src/main/resources/db/migration/V1__t.sql:5: ERROR: syntax error at or near \"NUL\"");
        }
    }

    @Test
    void anEmptyOrMissingFolderIsAConfigurationError() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            assertThatThrownBy(() -> migrator(Map.of(), List.of()).migrate(db, EngineLog.SILENT))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("migrations.locations: migrations folder")
                    .hasMessageContaining("does not exist");
            migrations();
            assertThatThrownBy(() -> migrator(Map.of(), List.of()).migrate(db, EngineLog.SILENT))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("migrations.locations: no migrations found in filesystem:src/main/resources/db/migration");
        }
    }

    @Test
    void schemasAreCreatedAndTheHistoryTableLivesInTheFirst() throws Exception {
        Files.writeString(migrations().resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY);");
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            AppliedMigrations applied = migrator(Map.of(), List.of("shop")).migrate(db, EngineLog.SILENT);
            assertThat(applied.toolTables()).extracting(Object::toString).containsExactly("shop.flyway_schema_history");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT to_regclass('shop.t') IS NOT NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithItsLine() throws Exception {
        byte[] latin1 = "CREATE TABLE t (id int PRIMARY KEY);\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(project.resolve("V1__latin1.sql"), latin1);
        assertThatThrownBy(() -> SourceFiles.readUtf8(file, "V1__latin1.sql"))
                .isInstanceOf(DbcheckException.class)
                .hasMessage("V1__latin1.sql:2: the file is not valid UTF-8 (byte 0xE9 at offset 43); save it as "
                        + "UTF-8, the encoding migrations are read in");
    }

    @Test
    void aJavaMigrationThatWasNotAppliedIsSaidInOneLine() throws Exception {
        Path dir = migrations();
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id uuid PRIMARY KEY);");
        Files.writeString(dir.resolve("V3__totals.sql"), "ALTER TABLE orders ADD COLUMN total numeric(12, 2);");
        Path java = Files.createDirectories(project.resolve("src/main/java/db/migration"));
        Files.writeString(java.resolve("V2__Backfill_customers.java"), "package db.migration; class V2__Backfill_customers {}");
        java.util.List<String> log = new java.util.ArrayList<>();
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            migrator(Map.of(), List.of()).migrate(db, dev.dbcheck.testing.RecordingLog.into(log));
        }
        assertThat(log).filteredOn(l -> l.contains("Java migration")).containsExactly(
                "src/main/java/db/migration/V2__Backfill_customers.java: the Java migration V2 was not applied "
                + "(dbcheck applies the SQL migrations; a Java one needs the application's classes): the schema "
                + "checked lacks what it does. Give dbcheck a SQL migration that does the same, or exclude what "
                + "depends on it");
    }
}
