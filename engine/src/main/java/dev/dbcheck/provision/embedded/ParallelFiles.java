package dev.dbcheck.provision.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work on many files at once, one thread per core (at most four): copying a cluster is mostly creating small files,
 * which the kernel does on whichever core asks. The first failure is thrown once every task has ended.
 */
final class ParallelFiles {

    /** One file's work. */
    interface FileWork {
        void run(Path file) throws IOException;
    }

    private ParallelFiles() {
    }

    static void forEach(List<Path> files, FileWork work) throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (threads == 1 || files.size() < 16) {
            for (Path file : files) {
                work.run(file);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dbcheck-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            // contiguous slices: each thread creates files in few directories at a time
            int slice = (files.size() + threads - 1) / threads;
            for (int i = 0; i < files.size(); i += slice) {
                List<Path> part = files.subList(i, Math.min(files.size(), i + slice));
                tasks.add(pool.submit(() -> {
                    for (Path file : part) {
                        work.run(file);
                    }
                    return null;
                }));
            }
            IOException first = null;
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    IOException io = cause instanceof IOException x ? x : cause instanceof UncheckedIOException u
                            ? u.getCause() : null;
                    if (io == null) {
                        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    }
                    if (first == null) {
                        first = io;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while copying files", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
