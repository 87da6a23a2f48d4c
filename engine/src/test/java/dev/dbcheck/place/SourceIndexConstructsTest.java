package dev.dbcheck.place;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.migrate.AppliedMigrations;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.migrate.Project;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source positions on real migration files: applied by Flyway (with a placeholder and a repeatable script), then
 * indexed. The files use every construct the index must get through: block and nested comments, E'' and doubled
 * quotes with semicolons, dollar-quoted bodies, DO blocks, several statements on one line, PARTITION BY,
 * INCLUDE, CONCURRENTLY, and ALTER TABLE in a later version.
 */
class SourceIndexConstructsTest {

    static final Path DIR = Path.of("src/test/resources/source-constructs");
    static final QualifiedName ORDERS = new QualifiedName("public", "orders");
    static final QualifiedName CUSTOMERS = new QualifiedName("app", "customers");

    private static String at(SourceIndex index, DbObject object) {
        return index.positionOf(object).map(SourcePosition::toString).orElse("none");
    }

    @Test
    void placesEveryObjectOfRealMigrationFiles() throws Exception {
        SourceIndex index;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            // V2 mixes a CREATE INDEX CONCURRENTLY with other statements: Flyway with mixed=true, as such a project sets
            AppliedMigrations applied = new FlywayMigrator(new MigrationSettings(MigrationSettings.Tool.FLYWAY,
                    List.of("filesystem:" + DIR), List.of(), Map.of("app_schema", "app"), FlywayMigrator.DEFAULT_TABLE,
                    null, null, null, null, true), Project.at(Path.of("."))).migrate(db, EngineLog.SILENT);
            assertThat(applied.scripts()).extracting(MigrationScript::displayPath).containsExactly(
                    DIR + "/V1__base.sql", DIR + "/V2__later.sql", DIR + "/R__views.sql");
            index = SourceIndex.build(applied.scripts());
        }
        String v1 = DIR + "/V1__base.sql:";
        String v2 = DIR + "/V2__later.sql:";
        String r = DIR + "/R__views.sql:";
        assertThat(at(index, DbObject.table(CUSTOMERS))).as("placeholder schema").isEqualTo(v1 + 7);
        assertThat(at(index, DbObject.column(CUSTOMERS, "nickname"))).isEqualTo(v1 + 11);
        assertThat(at(index, DbObject.constraint(CUSTOMERS, "customers_email_key", List.of("email")))).isEqualTo(v1 + 9);
        assertThat(at(index, DbObject.table(ORDERS))).isEqualTo(v1 + 14);
        assertThat(at(index, DbObject.constraint(ORDERS, "orders_customer_id_fkey", List.of("customer_id"))))
                .as("REFERENCES on the line after its column").isEqualTo(v1 + 17);
        assertThat(at(index, DbObject.column(ORDERS, "total"))).as("second column on a line").isEqualTo(v1 + 19);
        assertThat(at(index, DbObject.constraint(ORDERS, "orders_total_positive", List.of()))).isEqualTo(v1 + 20);
        assertThat(at(index, DbObject.index(ORDERS, "orders_placed_idx", List.of("placed_at"))))
                .as("second statement on a line").isEqualTo(v1 + 22);
        assertThat(at(index, DbObject.function(new QualifiedName("public", "touch")))).isEqualTo(v1 + 24);
        assertThat(at(index, DbObject.table(new QualifiedName("public", "inside_a_body")))).isEqualTo("none");
        assertThat(at(index, DbObject.table(new QualifiedName("public", "not_a_table")))).isEqualTo("none");
        assertThat(at(index, DbObject.table(new QualifiedName("public", "made_dynamically")))).isEqualTo("none");
        QualifiedName events = new QualifiedName("public", "events");
        assertThat(at(index, DbObject.column(events, "payload"))).as("PARTITION BY").isEqualTo(v1 + 41);
        assertThat(at(index, DbObject.table(new QualifiedName("public", "events_2026")))).isEqualTo(v1 + 44);
        assertThat(at(index, DbObject.index(events, "events_at_idx", List.of("at")))).as("INCLUDE").isEqualTo(v1 + 45);

        assertThat(at(index, DbObject.column(ORDERS, "notes"))).as("ADD COLUMN later").isEqualTo(v2 + 2);
        assertThat(at(index, DbObject.constraint(ORDERS, "orders_coupon_check", List.of("coupon"))))
                .as("ADD CONSTRAINT later").isEqualTo(v2 + 5);
        assertThat(at(index, DbObject.column(ORDERS, "status"))).as("type changed later").isEqualTo(v2 + 7);
        assertThat(at(index, DbObject.index(ORDERS, "orders_status_idx", List.of("status")))).as("CONCURRENTLY")
                .isEqualTo(v2 + 9);
        assertThat(at(index, DbObject.column(ORDERS, "voucher"))).as("renamed").isEqualTo(v2 + 3);
        assertThat(at(index, DbObject.materializedView(new QualifiedName("public", "order_days")))).isEqualTo(r + 2);
    }
}
