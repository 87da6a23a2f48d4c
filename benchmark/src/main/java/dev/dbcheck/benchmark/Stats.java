package dev.dbcheck.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one thing: median and spread, in milliseconds. */
record Stats(List<Double> millis) {

    interface Work {
        void run() throws Exception;
    }

    static Stats measure(int warmups, int runs, Work work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return new Stats(times);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    double max() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** {@code 412 ms (398–431, n=5)} */
    @Override
    public String toString() {
        if (millis.isEmpty()) {
            return "— (not run)";
        }
        return String.format(Locale.ROOT, "%s (%s–%s, n=%d)", format(median()), format(min()), format(max()),
                millis.size());
    }

    static String format(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
                : ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
