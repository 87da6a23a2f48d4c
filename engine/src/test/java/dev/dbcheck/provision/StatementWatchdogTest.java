package dev.dbcheck.provision;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time limits held from outside the session: the SQL may switch its own statement_timeout off. */
class StatementWatchdogTest {

    @Test
    @SuppressWarnings("try") // the phase's limit holds while its block runs
    void aSessionThatSwitchedItsTimeoutOffIsCancelledAndOthersAreLeftAlone() throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
             Connection watched = db.connect(); Connection other = db.connect();
             StatementWatchdog watchdog = StatementWatchdog.forSession(db, watched, EngineLog.SILENT)) {
            try (Statement s = watched.createStatement()) {
                s.execute("SET statement_timeout = 0");
            }
            // without a phase limit nothing is cancelled
            try (Statement s = watched.createStatement()) {
                s.execute("SELECT pg_sleep(1)");
            }
            CompletableFuture<Void> bystander = CompletableFuture.runAsync(() -> {
                try (Statement s = other.createStatement()) {
                    s.execute("SELECT pg_sleep(4)"); // another session of the database: not the watched one
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            try (StatementWatchdog.Phase phase = watchdog.limit(Duration.ofSeconds(1))) {
                assertThatThrownBy(() -> {
                    try (Statement s = watched.createStatement()) {
                        s.execute("SELECT pg_sleep(60)");
                    }
                }).hasMessageContaining("canceling statement due to user request");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("cancelled after the limit and its margin, long before 60 s").isBetween(1.0, 10.0);
            assertThat(watchdog.cancelled()).isEqualTo(1);
            bystander.get(30, TimeUnit.SECONDS); // finished, not cancelled
        }
    }

    @Test
    void itActsAfterTheServersOwnTimeoutWouldSoThatItsMessageStays() {
        assertThat(StatementWatchdog.margin(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(500));
        assertThat(StatementWatchdog.margin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(6));
    }
}
