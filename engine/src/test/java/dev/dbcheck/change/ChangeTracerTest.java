package dev.dbcheck.change;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the trace records per statement, on a real server: locks, the transaction structure, rewrites, times. */
class ChangeTracerTest {

    static final QualifiedName ORDERS = new QualifiedName("public", "orders");
    static final String PRODUCTION = """
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                status text NOT NULL,
                quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100)
            );
            CREATE INDEX orders_quantity_idx ON orders (quantity);
            """;

    @TempDir
    Path dir;

    ChangeTrace trace(String... scripts) throws Exception {
        List<MigrationScript> change = new java.util.ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            Path file = dir.resolve("V" + (i + 2) + "__change.sql");
            Files.writeString(file, scripts[i]);
            change.add(new MigrationScript(file, file.getFileName().toString(), scripts[i]));
        }
        ChangeConfig config = new ChangeConfig(true, ChangeConfig.AUTO, null, Duration.ofMillis(500),
                new DataSpec(Map.of("orders", 100_000L), 1000, List.of(), 0.1));
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            return new ChangeTracer(config, List.of(), null, EngineLog.SILENT).trace(db, new TheChange(
                    List.of(new MigrationScript(dir.resolve("V1.sql"), "V1.sql", PRODUCTION)), change, "test"));
        }
    }

    @Test
    void aScriptIsOneTransactionAndEachLockIsHeldToItsCommit() throws Exception {
        ChangeTrace trace = trace("""
                ALTER TABLE orders ADD COLUMN note text;
                UPDATE orders SET note = 'x' WHERE id <= 50000;
                ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
                """);

        assertThat(trace.rows()).as("the whole declared volume, whatever loadFraction says")
                .containsEntry(ORDERS, 100_000L);
        List<TracedStatement> s = trace.statements();
        assertThat(s).hasSize(3).allMatch(TracedStatement::inTransaction).extracting(TracedStatement::transaction)
                .containsOnly(1);
        HeldLock addColumn = s.get(0).locks().stream().filter(l -> l.relation().equals(ORDERS)).findFirst()
                .orElseThrow();
        assertThat(addColumn.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(addColumn.existedBefore()).isTrue();
        assertThat(addColumn.rows()).isEqualTo(100_000L);
        assertThat(addColumn.held()).as("held through the UPDATE and the type change")
                .isGreaterThanOrEqualTo(s.get(0).time().plus(s.get(1).time()).plus(s.get(2).time()));
        assertThat(s.get(0).rewritten()).as("a column without default rewrites nothing").isEmpty();
        assertThat(s.get(0).columns()).extracting(ChangeTrace.AddedColumn::column).containsExactly("note");
        assertThat(s.get(0).later()).isEqualTo(new ChangeTrace.Later(2, 2, s.get(1).time().plus(s.get(2).time())));
        assertThat(s.get(1).locks()).as("the UPDATE's ROW EXCLUSIVE is weaker than what the transaction holds, "
                + "but is its own").anyMatch(l -> l.mode() == LockMode.ROW_EXCLUSIVE && l.relation().equals(ORDERS));
        assertThat(s.get(2).rewritten()).contains(ORDERS, new QualifiedName("public", "orders_pkey"),
                new QualifiedName("public", "orders_quantity_idx"));
        assertThat(s.get(0).lockTimeout()).isEqualTo("0");
    }

    @Test
    void concurrentlyRunsOutsideATransactionWithItsWeakerLockSampledAndSetLockTimeoutIsSeen() throws Exception {
        ChangeTrace trace = trace("CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n",
                "SET lock_timeout = '3s';\nALTER TABLE orders ADD COLUMN note text;\n");

        TracedStatement concurrently = trace.statements().get(0);
        assertThat(concurrently.inTransaction()).isFalse();
        assertThat(concurrently.locks()).filteredOn(l -> l.relation().equals(ORDERS)).extracting(HeldLock::mode)
                .contains(LockMode.SHARE_UPDATE_EXCLUSIVE).noneMatch(LockMode::blocksWrites);
        assertThat(concurrently.indexes()).extracting(ChangeTrace.CreatedIndex::name).containsExactly("orders_status_idx");
        TracedStatement alter = trace.statements().get(2);
        assertThat(alter.lockTimeout()).isEqualTo("3s");
        assertThat(alter.hadLockTimeout()).isTrue();
        assertThat(alter.transaction()).isNotEqualTo(concurrently.transaction());
    }

    @Test
    void flywaysExecuteInTransactionFalseRunsEachStatementOnItsOwn() throws Exception {
        Files.writeString(dir.resolve("V2__change.sql.conf"), "executeInTransaction=false\n");
        ChangeTrace trace = trace("ALTER TABLE orders ADD COLUMN note text;\nUPDATE orders SET note = 'x';\n");

        assertThat(trace.statements()).extracting(TracedStatement::transaction).doesNotHaveDuplicates();
        assertThat(trace.statements().get(0).later()).isEqualTo(ChangeTrace.Later.NONE);
    }

    @Test
    void aStatementTheSyntheticDataBreaksStopsTheTraceThereWithItsLine() throws Exception {
        ChangeTrace trace = trace("ALTER TABLE orders ADD COLUMN note text;\n",
                "SELECT 1;\nALTER TABLE orders ALTER COLUMN note SET NOT NULL;\n", "SELECT 2;\n");

        assertThat(trace.incomplete()).startsWith("V3__change.sql:2: ERROR: column \"note\" of relation \"orders\" "
                + "contains null values").endsWith("— on the synthetic data at the declared volumes; this statement "
                + "and the ones after it were not traced");
        assertThat(trace.statements()).extracting(s -> s.position().path()).containsExactly("V2__change.sql");
    }
}
