package dev.dbcheck.advice;

import dev.dbcheck.dashboard.QueryShape;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schema.Table;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidates one query gets for one table, before anything is measured: their column order, their INCLUDE
 * columns, their partial predicates (only for a restriction the data says is selective), their names.
 */
class CandidatesTest {

    static SchemaSnapshot schema;
    /** A project whose indexes are named idx_*: advised names follow it. */
    static SchemaSnapshot prefixed;

    @BeforeAll
    static void schema() throws Exception {
        schema = read("""
                CREATE TABLE orders (
                    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    customer_id bigint NOT NULL,
                    status      text NOT NULL,
                    total       numeric(12,2) NOT NULL,
                    payload     jsonb,
                    created_at  timestamptz NOT NULL
                );
                """);
        prefixed = read("""
                CREATE TABLE invoices (id bigint PRIMARY KEY, note text);
                CREATE INDEX idx_invoices_note ON invoices (note);
                CREATE INDEX idx_invoices_id_note ON invoices (id, note);
                """);
    }

    static SchemaSnapshot read(String sql) throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, sql, "schema.sql");
            return new SnapshotReader(List.of(), Set.of()).read(c);
        }
    }

    static List<String> candidates(String table, String sql, double fraction) {
        return candidates(schema, table, sql, fraction);
    }

    static List<String> candidates(SchemaSnapshot schema, String table, String sql, double fraction) {
        Table t = schema.tables().stream().filter(x -> x.name().name().equals(table)).findFirst().orElseThrow();
        return Candidates.of(QueryShape.of(sql, null, t), t, (tt, r) -> fraction, IndexNames.of(schema), 8).stream()
                .map(c -> c.definition(false)).toList();
    }

    @Test
    void equalityColumnsComeBeforeTheRangeColumn() {
        assertThat(candidates("orders", "SELECT id, total FROM orders WHERE created_at >= '2025-06-01' AND "
                + "customer_id = 42", 1).get(0))
                .isEqualTo("CREATE INDEX orders_customer_id_created_at_idx ON public.orders (customer_id, created_at);");
    }

    @Test
    void theOtherColumnsReadAreIncludedForAnIndexOnlyScan() {
        assertThat(candidates("orders", "SELECT created_at::date, sum(total) FROM orders WHERE created_at >= "
                + "'2025-12-01' GROUP BY 1", 1)).contains(
                "CREATE INDEX orders_created_at_idx ON public.orders (created_at);",
                "CREATE INDEX orders_created_at_incl_total_idx ON public.orders (created_at) INCLUDE (total);");
    }

    @Test
    void aSelectiveRestrictionGetsAPartialIndexAndAWideOneNone() {
        String sql = "SELECT count(*), sum(total) FROM orders WHERE status = 'pending'";
        assertThat(candidates("orders", sql, 0.05)).contains(
                "CREATE INDEX orders_pending_id_idx ON public.orders (id) WHERE status = 'pending';",
                "CREATE INDEX orders_pending_id_incl_total_idx ON public.orders (id) INCLUDE (total) WHERE status = "
                        + "'pending';");
        assertThat(candidates("orders", sql, 0.95)).noneMatch(c -> c.contains(" WHERE "))
                .contains("CREATE INDEX orders_status_idx ON public.orders (status);");
        // the predicate is written from the constant, not copied from the query's text
        assertThat(candidates("orders", "SELECT id FROM orders WHERE status = 'it''s' -- ; DROP TABLE orders", 0.01))
                .anyMatch(c -> c.endsWith("WHERE status = 'it''s';"));
    }

    @Test
    void aJsonbContainmentGetsAGinIndexAndAnOrderByItsSortedRead() {
        assertThat(candidates("orders", "SELECT id FROM orders WHERE payload @> '{\"a\": 1}'", 1).get(0))
                .isEqualTo("CREATE INDEX orders_payload_idx ON public.orders USING gin (payload jsonb_path_ops);");
        assertThat(candidates("orders", "SELECT id FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 10",
                1)).contains("CREATE INDEX orders_customer_id_created_at_idx ON public.orders (customer_id, created_at);");
    }

    @Test
    void namesFollowTheProjectsConventionAndAnExistingIndexIsNotACandidate() {
        assertThat(candidates(prefixed, "invoices", "SELECT id FROM invoices WHERE note = 'x' AND id > 3", 1))
                .isNotEmpty().allMatch(c -> c.startsWith("CREATE INDEX idx_invoices_"))
                .contains("CREATE INDEX idx_invoices_note_id ON public.invoices (note, id);")
                .noneMatch(c -> c.contains("(note);")); // idx_invoices_note exists already
    }
}
