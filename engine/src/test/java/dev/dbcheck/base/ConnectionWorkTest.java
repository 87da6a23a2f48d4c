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
}
