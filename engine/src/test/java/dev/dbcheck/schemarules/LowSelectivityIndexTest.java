package dev.dbcheck.schemarules;

import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schemarules.indexes.LowSelectivityIndex;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared column specs as evidence: few declared values make a low-selectivity index, with the rarest as fix. */
class LowSelectivityIndexTest {

    @Test
    void aColumnDeclaredWithFewValuesGetsAPartialIndexOnTheRarestThatRemovesIt() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, String.join("\n",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, note text,",
                    "    created_at timestamptz NOT NULL);",
                    "CREATE INDEX orders_status_idx ON orders (status);",
                    "CREATE INDEX orders_note_idx ON orders (note);",
                    // the look-alike the example project showed (products (category, price)): equality on the
                    // few-valued column, then a range or an order on a selective one — not reported
                    "CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);"), "schema.sql");
            Evidence.DeclaredColumns declared = new Evidence.DeclaredColumns(Map.of("orders.status", 4L),
                    Map.of("orders.status", "cancelled"));
            List<Finding> findings = check(c, declared);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("leads with status, declared with 4 distinct values");
                assertThat(f.fixText()).isEqualTo("DROP INDEX CONCURRENTLY public.orders_status_idx; CREATE INDEX "
                        + "CONCURRENTLY orders_status_idx ON public.orders (id) WHERE status = 'cancelled';");
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX public.orders_status_idx");
                    s.execute("CREATE INDEX orders_status_idx ON public.orders (id) WHERE status = 'cancelled'");
                }
            });
            assertThat(check(c, declared)).as("after the fix").isEmpty();
        }
    }

    private static List<Finding> check(Connection c, Evidence.DeclaredColumns declared) throws Exception {
        SchemaSnapshot schema = new SnapshotReader(List.of(), Set.of()).read(c);
        return new RuleRunner(List.of(new LowSelectivityIndex()), Map.of(), List.of())
                .run(Evidence.of(schema).with(Evidence.DECLARED_COLUMNS, declared));
    }
}
