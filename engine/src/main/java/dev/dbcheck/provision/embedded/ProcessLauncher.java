package dev.dbcheck.provision.embedded;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts server processes from one long-lived thread. The kernel's parent-death signal ({@code setpriv
 * --pdeathsig}) fires when the <em>thread</em> that forked the child ends, not the process: starting servers
 * from short-lived pool threads would stop them early. This thread lives as long as the JVM.
 */
final class ProcessLauncher {

    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dbcheck-process-launcher");
        t.setDaemon(true);
        return t;
    });

    private ProcessLauncher() {
    }

    static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> future = LAUNCHER.submit(builder::start);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The process may still be started; stop it once it is.
            LAUNCHER.submit(() -> {
                try {
                    future.get().destroyForcibly();
                } catch (Exception ignored) {
                    // nothing was started
                }
            });
            throw new IOException("interrupted while starting " + builder.command().get(0), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
