package dev.dbcheck.change;

import dev.dbcheck.synthetic.DataSpec;

import java.time.Duration;

/**
 * The migration safety checks: which migrations are the change a pull request makes, and on how much data its
 * locks are measured.
 *
 * @param enabled      whether the change is traced at all
 * @param since        a git ref: the migrations added or modified since its merge base with HEAD are the change;
 *                     {@link #AUTO} for the pull request's target branch or the repository's default branch
 * @param afterVersion a Flyway version: the versioned migrations above it are the change; null when not set
 * @param maxLockTime  a lock that blocks reads or writes for at least this long at the declared volume is an
 *                     error, a shorter one a warning
 * @param data         the volumes and distributions of the dashboards, the one place they are declared
 */
public record ChangeConfig(boolean enabled, String since, String afterVersion, Duration maxLockTime, DataSpec data) {

    /** {@code since} when it is not set: the CI's target branch, else the remote's default branch. */
    public static final String AUTO = "auto";

    /** Nothing traced (tests, tools that lint a schema alone). */
    public static ChangeConfig off(DataSpec data) {
        return new ChangeConfig(false, AUTO, null, Duration.ofSeconds(1), data);
    }
}
