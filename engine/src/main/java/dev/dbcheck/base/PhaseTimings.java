package dev.dbcheck.base;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How long each phase of a run took, in the order they ran. A run records into its own; what it hands on
 * ({@link #frozen()}) can no longer change.
 */
public final class PhaseTimings {

    /** One phase. */
    public record Phase(String name, Duration duration) {
    }

    private final List<Phase> phases;
    private final boolean frozen;

    public PhaseTimings() {
        this(new ArrayList<>(), false);
    }

    private PhaseTimings(List<Phase> phases, boolean frozen) {
        this.phases = phases;
        this.frozen = frozen;
    }

    public void add(String name, Duration duration) {
        if (frozen) {
            throw new IllegalStateException("the timings of a finished run do not change; use plus()");
        }
        phases.add(new Phase(name, duration));
    }

    /** These timings as they are now, unchangeable. */
    public PhaseTimings frozen() {
        return frozen ? this : new PhaseTimings(List.copyOf(phases), true);
    }

    /** New, unchangeable timings: these and one more phase. */
    public PhaseTimings plus(String name, Duration duration) {
        List<Phase> more = new ArrayList<>(phases);
        more.add(new Phase(name, duration));
        return new PhaseTimings(List.copyOf(more), true);
    }

    /** The phase that started last: the one a failure happened in. */
    private String started;

    /** The name of the phase that started last (and may not have ended), or null before the first. */
    public String started() {
        return started;
    }

    /** Times a piece of work and records it under the name. */
    public <T, E extends Exception> T time(String name, Work<T, E> work) throws E {
        long start = System.nanoTime();
        started = name;
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
