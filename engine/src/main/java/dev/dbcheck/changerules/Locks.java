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

    /**
     * The strongest lock that blocks writes (or reads) of the table while the statement ran: the ones it took, and
     * the ones earlier statements of its transaction took and still held (an index's lock counts for its table).
     * A lock on the table itself wins over one of its indexes of the same mode.
     */
    static Optional<HeldLock> during(ChangeTrace trace, TracedStatement statement, QualifiedName table) {
        return heldThen(trace, statement).stream().filter(l -> l.existedBefore() && l.mode().blocksWrites()
                && l.table().equals(table)).max(Comparator.comparing(HeldLock::mode)
                .thenComparing(l -> !l.kind().contains("index")));
    }

    /** {@link #during} for the table the statement's strongest lock is on. */
    static Optional<HeldLock> during(ChangeTrace trace, TracedStatement statement) {
        return blocking(statement).flatMap(l -> during(trace, statement, l.table()));
    }

    /**
     * Whether an earlier statement of the same transaction already held a lock at least this strong on the lock's
     * table: then the statement did not wait for it (nobody else can hold a conflicting lock meanwhile).
     */
    static boolean alreadyHeld(ChangeTrace trace, TracedStatement statement, HeldLock lock) {
        return earlier(trace, statement).stream().anyMatch(l -> l.table().equals(lock.table())
                && !l.kind().contains("index") && l.mode().compareTo(lock.mode()) >= 0);
    }

    /** The locks of the earlier statements of the statement's transaction, and its own. */
    private static java.util.List<HeldLock> heldThen(ChangeTrace trace, TracedStatement statement) {
        java.util.List<HeldLock> all = new java.util.ArrayList<>(earlier(trace, statement));
        all.addAll(statement.locks());
        return all;
    }

    private static java.util.List<HeldLock> earlier(ChangeTrace trace, TracedStatement statement) {
        java.util.List<HeldLock> locks = new java.util.ArrayList<>();
        if (!statement.inTransaction()) {
            return locks;
        }
        for (TracedStatement s : trace.statements()) {
            if (s == statement) {
                break;
            }
            if (s.transaction() == statement.transaction()) {
                locks.addAll(s.locks());
            }
        }
        return locks;
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
