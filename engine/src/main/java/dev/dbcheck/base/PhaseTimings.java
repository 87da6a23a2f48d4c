package dev.dbcheck.base;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How long each phase of a run took, in the order they ran. */
public final class PhaseTimings {

    /** One phase. */
    public record Phase(String name, Duration duration) {
    }

    private final List<Phase> phases = new ArrayList<>();

    public void add(String name, Duration duration) {
        phases.add(new Phase(name, duration));
    }

    /** Times a piece of work and records it under the name. */
    public <T, E extends Exception> T time(String name, Work<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            add(name, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    public Duration total() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** {@code database start 0.71 s · migrations 0.24 s · snapshot 0.05 s · rules 0.00 s} */
    public String summary() {
        return phases.stream()
                .map(p -> String.format(Locale.ROOT, "%s %.2f s", p.name(), p.duration().toNanos() / 1e9))
                .collect(Collectors.joining(" · "));
    }

    /** A piece of timed work. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
