package dev.dbcheck.example;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.migrate.AppliedMigrations;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.LiquibaseMigrator;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.migrate.Project;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.synthetic.DataReuse;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example project's schema: clean under every rule, and its checkout procedure really is atomic. */
class ExampleProjectTest {

    static final Path PROJECT = Path.of("../example-project");
    /** The same schema as Liquibase changelogs: an XML master including YAML, XML, JSON and formatted SQL. */
    static final Path LIQUIBASE_PROJECT = Path.of("../example-project-liquibase");

    private static AppliedMigrations migrate(TestPostgres.TestDatabase db) throws Exception {
        return new FlywayMigrator(MigrationSettings.flyway(List.of(FlywayMigrator.DEFAULT_LOCATION), List.of(),
                Map.of()), Project.at(PROJECT)).migrate(db, EngineLog.SILENT);
    }

    @Test
    void theSchemaPassesEveryRule() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            AppliedMigrations applied = migrate(db);
            try (Connection c = db.connect()) {
                SchemaSnapshot snapshot = new SnapshotReader(List.of(), applied.toolTables()).read(c);
                assertThat(snapshot.tables()).extracting(t -> t.name().name()).containsExactlyInAnyOrder(
                        "users", "products", "inventory", "orders", "order_items", "audit_logs", "daily_sales_stats",
                        "cohort_sizes", "cohort_monthly_revenue");
                List<Finding> findings = RuleCatalog.checkSchema(snapshot, Map.of());
                assertThat(findings).isEmpty();
            }
        }
    }

    @Test
    void theLiquibaseFormMigratesToTheSameSchema() throws Exception {
        SchemaSnapshot flyway;
        SchemaSnapshot liquibase;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            flyway = new SnapshotReader(List.of(), migrate(db).toolTables()).read(c);
        }
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            AppliedMigrations applied = new LiquibaseMigrator(new MigrationSettings(MigrationSettings.Tool.LIQUIBASE,
                    List.of(), List.of(), Map.of(), null, null, null, null, null, false),
                    Project.at(LIQUIBASE_PROJECT)).migrate(db, EngineLog.SILENT);
            assertThat(applied.toolTables()).extracting(Object::toString)
                    .containsExactlyInAnyOrder("public.databasechangelog", "public.databasechangeloglock");
            liquibase = new SnapshotReader(List.of(), applied.toolTables()).read(c);
        }
        // object by object first, so that a difference reads as one; then the fingerprint the data reuse keys on
        assertThat(liquibase.tables()).extracting(Object::toString)
                .containsExactlyElementsOf(flyway.tables().stream().map(Object::toString).toList());
        assertThat(liquibase.routines()).extracting(Object::toString)
                .containsExactlyElementsOf(flyway.routines().stream().map(Object::toString).toList());
        assertThat(DataReuse.fingerprint(liquibase)).isEqualTo(DataReuse.fingerprint(flyway));
        assertThat(RuleCatalog.checkSchema(liquibase, Map.of())).isEmpty();
    }

    @Test
    void checkoutLocksStockRollsBackShortOrdersAndAuditsChanges() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            migrate(db);
            try (Connection c = db.connect()) {
                UUID user = insertUser(c);
                UUID shirt = insertProduct(c, "SHIRT-1", "24.50", 5);
                UUID mug = insertProduct(c, "MUG-1", "9.00", 1);

                UUID order = checkout(c, user, shirt, 2, mug, 1);
                assertThat(scalar(c, "SELECT status || ' ' || total_amount FROM orders WHERE id = '" + order + "'"))
                        .isEqualTo("paid 58.00");
                assertThat(scalar(c, "SELECT quantity FROM inventory WHERE product_id = '" + shirt + "'")).isEqualTo("3");
                assertThat(scalar(c, "SELECT string_agg((old_data->>'quantity') || '->' || (new_data->>'quantity'), ',' "
                        + "ORDER BY old_data->>'quantity') FROM audit_logs WHERE table_name = 'inventory'"))
                        .isEqualTo("1->0,5->3");

                // The mug is sold out: the whole order fails and nothing of it remains.
                assertThatThrownBy(() -> checkout(c, user, shirt, 1, mug, 1))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("insufficient stock for product " + mug);
                assertThat(scalar(c, "SELECT count(*) FROM orders")).isEqualTo("1");
                assertThat(scalar(c, "SELECT quantity FROM inventory WHERE product_id = '" + shirt + "'")).isEqualTo("3");

                c.createStatement().execute("CALL refresh_daily_sales_stats()");
                assertThat(scalar(c, "SELECT orders || ' ' || revenue FROM daily_sales_stats")).isEqualTo("1 58.00");
                c.createStatement().execute("CALL refresh_cohort_revenue()");
                assertThat(scalar(c, "SELECT months_since_signup || ' ' || buyers || ' ' || revenue "
                        + "FROM cohort_monthly_revenue")).isEqualTo("0 1 58.00");
                assertThat(scalar(c, "SELECT customers FROM cohort_sizes")).isEqualTo("1");
            }
        }
    }

    @Test
    void twoBuyersOfTheLastItemCannotBothSucceed() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            migrate(db);
            UUID user;
            UUID lamp;
            try (Connection c = db.connect()) {
                user = insertUser(c);
                lamp = insertProduct(c, "LAMP-1", "80.00", 1);
            }
            try (Connection first = db.connect(); Connection second = db.connect()) {
                first.setAutoCommit(false);
                checkout(first, user, lamp, 1, null, 0); // holds the inventory row lock until commit
                CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> {
                    try {
                        return checkout(second, user, lamp, 1, null, 0);
                    } catch (SQLException e) {
                        return e;
                    }
                });
                Thread.sleep(300);
                assertThat(other).as("the second buyer waits for the first one's lock").isNotDone();
                first.commit();
                Object outcome = other.get(30, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOf(SQLException.class);
                assertThat(((SQLException) outcome).getMessage()).contains("insufficient stock");
            }
            try (Connection c = db.connect()) {
                assertThat(scalar(c, "SELECT count(*) FROM orders WHERE status = 'paid'")).isEqualTo("1");
                assertThat(scalar(c, "SELECT quantity FROM inventory WHERE product_id = '" + lamp + "'")).isEqualTo("0");
            }
        }
    }

    private static UUID insertUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "INSERT INTO users (email, full_name, country_code, city) VALUES ('ada@example.com', 'Ada', 'GB', "
                        + "'London') RETURNING id")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static UUID insertProduct(Connection c, String sku, String price, int stock) throws SQLException {
        UUID id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (sku, name, category, price, metadata) "
                + "VALUES (?, ?, 'home', ?, '{\"material\": \"organic cotton\"}') RETURNING id")) {
            ps.setString(1, sku);
            ps.setString(2, sku);
            ps.setBigDecimal(3, new BigDecimal(price));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getObject(1, UUID.class);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory (product_id, quantity) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setInt(2, stock);
            ps.executeUpdate();
        }
        return id;
    }

    private static UUID checkout(Connection c, UUID user, UUID p1, int q1, UUID p2, int q2) throws SQLException {
        String items = "[{\"product_id\": \"" + p1 + "\", \"quantity\": " + q1 + "}"
                + (p2 == null ? "" : ", {\"product_id\": \"" + p2 + "\", \"quantity\": " + q2 + "}") + "]";
        // CALL returns the INOUT parameters as a one-row result.
        try (PreparedStatement call = c.prepareStatement("CALL process_order(?, ?::jsonb, NULL)")) {
            call.setObject(1, user);
            call.setString(2, items);
            try (ResultSet rs = call.executeQuery()) {
                rs.next();
                return rs.getObject("p_order_id", UUID.class);
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
