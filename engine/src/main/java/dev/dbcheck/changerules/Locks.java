package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.sql.QualifiedName;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** What the migration safety rules say of a lock, in one wording, and the severity its hold time gives. */
final class Locks {

    private Locks() {
    }

    /**
     * The strongest lock the statement took that blocks writes (or reads) of a relation that existed before the
     * change, on a table (an index's lock counts for its table only when the table itself was not locked harder).
     */
    static Optional<HeldLock> blocking(TracedStatement statement) {
        return statement.locks().stream().filter(l -> l.existedBefore() && l.mode().blocksWrites())
                .max(Comparator.comparing(HeldLock::mode).thenComparing(l -> !l.kind().contains("index")));
    }

    /** The same, on one table. */
    static Optional<HeldLock> blocking(TracedStatement statement, QualifiedName table) {
        return statement.locks().stream().filter(l -> l.existedBefore() && l.mode().blocksWrites()
                && l.table().equals(table)).max(Comparator.comparing(HeldLock::mode)
                .thenComparing(l -> !l.kind().contains("index")));
    }

    /** {@code ACCESS EXCLUSIVE on public.orders (1,000,000 rows at the declared volume) held 3.8 s: blocks reads and writes}. */
    static String describe(HeldLock lock) {
        String on = lock.relation().equals(lock.table()) ? lock.table().toString()
                : lock.relation() + " (an index of " + lock.table() + ")";
        return lock.mode().title() + " on " + on + " (" + String.format(Locale.ROOT, "%,d", lock.rows())
                + " rows at the declared volume) held " + duration(lock.held()) + ": " + lock.mode().blocks();
    }

    /** {@code 3.8 s}, {@code 120 ms}, {@code 0.4 ms}. */
    static String duration(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /**
     * Reports at the statement's line, as an error when the lock was held {@code maxLockTime} or longer at the
     * declared volume, else as a warning (the same statement on a 40-row lookup table): unless the user set the
     * rule's severity, which then holds.
     */
    static void report(RuleContext context, ChangeTrace trace, TracedStatement statement, HeldLock lock,
                       DbObject object, String message, Fix fix) {
        if (lock.held().compareTo(trace.maxLockTime()) >= 0) {
            context.report(object, message, fix, statement.position());
        } else {
            context.reportMild(object, message + " (under maxLockTime " + duration(trace.maxLockTime())
                    + ": a warning)", fix, statement.position());
        }
    }

    /** The statement's first words, for messages: {@code ALTER TABLE orders ALTER COLUMN ...}. */
    static String opening(TracedStatement statement) {
        String oneLine = statement.sql().strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 67) + "...";
    }

    /** The statement in one line when that cannot change its meaning (no string or quoted name), else as written. */
    static String asWritten(TracedStatement statement) {
        String sql = statement.sql().strip();
        return sql.contains("'") || sql.contains("\"") || sql.contains("$") || sql.contains("--")
                || sql.contains("/*") ? sql : sql.replaceAll("\\s+", " ");
    }
}
