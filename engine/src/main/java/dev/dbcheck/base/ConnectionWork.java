package dev.dbcheck.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Database work on a thread of its own, beside the caller's (the data sampling beside the rules, a snapshot's
 * second session beside its first). Such work holds a connection, so its caller waits for it to end whatever
 * happens — an interrupt included — before it closes or reuses that connection, and passes the interrupt on after.
 */
public final class ConnectionWork<T> {

    private final FutureTask<T> task;

    private ConnectionWork(Callable<T> work, String threadName) {
        task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true); // never keeps Maven's JVM alive; the caller waits for it anyway
        thread.start();
    }

    /** Starts the work on a new daemon thread named {@code threadName}. */
    public static <T> ConnectionWork<T> start(String threadName, Callable<T> work) {
        return new ConnectionWork<>(work, threadName);
    }

    /** Work on a connection of its own. */
    @FunctionalInterface
    public interface OnConnection<T> {
        T run(Connection connection) throws Exception;
    }

    /**
     * Starts the work on a new daemon thread that first opens its own connection with {@code opener} and closes it
     * when the work is done. Without a connection to be had (an existing server at max_connections) the result is
     * null: the caller then does the work on a connection it has.
     */
    public static <T> ConnectionWork<T> onOwnConnection(String threadName, ConnectionOpener opener,
                                                        OnConnection<T> work) {
        return start(threadName, () -> {
            Connection own;
            try {
                own = opener.open();
            } catch (SQLException e) {
                return null;
            }
            try (own) {
                return work.run(own);
            }
        });
    }

    /**
     * The work's result once it is done; its failure as it was thrown, an SQLException, unchecked exception or error
     * (anything else as the cause of an IllegalStateException).
     */
    public T result() throws SQLException {
        try {
            return await();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The work's result once it is done; its failure as the {@link ExecutionException}'s cause. */
    public T await() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the connection is the work's until it is done: wait on
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
