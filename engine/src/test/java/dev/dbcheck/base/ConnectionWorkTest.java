package dev.dbcheck.base;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionWorkTest {

    /**
     * An interrupted caller still waits for the work (it holds a connection the caller would close next), gets its
     * result and finds its interrupt flag set again afterwards.
     */
    @Test
    void anInterruptedCallerWaitsForTheWorkAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ConnectionWork<String> work = ConnectionWork.start("test-work", () -> {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "done";
        });
        Thread.currentThread().interrupt();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        try {
            assertThat(work.await()).isEqualTo("done");
            assertThat(release.getCount()).isZero(); // it did wait for the work
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            releaser.join();
        }
    }

    @Test
    void theWorksFailureIsTheCause() {
        ConnectionWork<String> work = ConnectionWork.start("test-work", () -> {
            throw new java.sql.SQLException("boom");
        });
        assertThatThrownBy(work::await).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.sql.SQLException.class).hasRootCauseMessage("boom");
    }

    /** {@code result()} throws the work's own failure: an SQLException and an error as they were thrown. */
    @Test
    void theResultThrowsTheWorksOwnFailure() {
        assertThatThrownBy(ConnectionWork.start("test-work", () -> {
            throw new java.sql.SQLException("boom", "42P01");
        })::result).isInstanceOf(java.sql.SQLException.class).hasMessage("boom").hasNoCause();
        assertThatThrownBy(ConnectionWork.start("test-work", () -> {
            throw new StackOverflowError("deep");
        })::result).isInstanceOf(StackOverflowError.class).hasMessage("deep");
        assertThatThrownBy(ConnectionWork.start("test-work", () -> {
            throw new java.io.IOException("io");
        })::result).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(java.io.IOException.class);
    }

    /**
     * Work on a connection of its own: without a connection to be had the result is null and the work never runs;
     * with one, the work gets it and it is closed afterwards, failed or not.
     */
    @Test
    void workOnItsOwnConnectionClosesItOrIsNullWithoutOne() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        assertThat(ConnectionWork.onOwnConnection("test-work", () -> {
            throw new java.sql.SQLException("sorry, too many clients already", "53300");
        }, c -> ran.getAndSet(true)).result()).isNull();
        assertThat(ran).isFalse();

        try (dev.dbcheck.testing.TestPostgres.TestDatabase db = dev.dbcheck.testing.TestPostgres.freshDatabase()) {
            java.util.List<java.sql.Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            ConnectionOpener opener = () -> {
                java.sql.Connection c = db.connect();
                opened.add(c);
                return c;
            };
            assertThat(ConnectionWork.onOwnConnection("test-work", opener, c -> {
                try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }).result()).isEqualTo(1);
            assertThatThrownBy(ConnectionWork.onOwnConnection("test-work", opener, c -> {
                throw new java.sql.SQLException("failed");
            })::result).hasMessage("failed");
            assertThat(opened).hasSize(2).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
        }
    }
}
