package dev.dbcheck.advice;

import java.time.Duration;

/**
 * The index advice: whether it runs after the plan checks, and its bounds.
 *
 * @param enabled            false for a build that only wants pass or fail: the plan findings keep the rules' own,
 *                           unmeasured hint, marked as such
 * @param candidatesPerQuery the most candidate indexes built and measured for one query
 * @param timeLimit          the most the whole advice may take; what is not measured by then is not advised
 */
public record AdviceConfig(boolean enabled, int candidatesPerQuery, Duration timeLimit) {

    public static final AdviceConfig DEFAULT = new AdviceConfig(true, 8, Duration.ofMinutes(2));

    public static final AdviceConfig OFF = new AdviceConfig(false, 0, Duration.ZERO);
}
