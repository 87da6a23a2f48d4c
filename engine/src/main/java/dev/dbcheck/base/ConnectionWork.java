package dev.dbcheck.base;

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
