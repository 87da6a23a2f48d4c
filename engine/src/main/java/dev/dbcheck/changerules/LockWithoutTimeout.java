package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;

import java.util.List;
import java.util.Optional;

/** A lock that blocks reads or writes of a table in use, requested while {@code lock_timeout} is unset. */
public final class LockWithoutTimeout implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "lock-without-timeout",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "A lock that blocks reads or writes of a table in use is requested with lock_timeout unset.",
            "A statement that needs a strong lock waits for every transaction already using the table — a long "
                    + "report query, an idle-in-transaction session — and while it waits, every query that comes "
                    + "after it queues behind it: even an instant ALTER TABLE then stops the application. With "
                    + "lock_timeout set, the migration gives up after that long instead and can be retried.",
            List.of());

    /** The timeout the fix sets: short enough that the queue behind it stays short. */
    static final String TIMEOUT = "2s";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        for (TracedStatement st : trace.statements()) {
            if (st.hadLockTimeout()) {
                continue;
            }
            // only a lock the statement had to request can make it wait (and the queue behind it)
            Optional<HeldLock> lock = st.locks().stream().filter(l -> l.existedBefore() && l.mode().blocksWrites()
                    && !Locks.alreadyHeld(trace, st, l)).max(java.util.Comparator.comparing(HeldLock::mode)
                    .thenComparing(l -> !l.kind().contains("index")));
            if (lock.isEmpty()) {
                continue;
            }
            String statement = Locks.asWritten(st);
            Fix fix = statement.length() <= 2_000
                    ? Fix.sql("SET lock_timeout = '" + TIMEOUT + "';\n" + statement + ";")
                    : Fix.advice("SET lock_timeout = '" + TIMEOUT + "'; before the statement");
            Locks.report(context, trace, st, lock.get(), DbObject.table(lock.get().table()), Locks.opening(st)
                    + " requests " + Locks.describe(lock.get()) + ", with lock_timeout unset: while it waits for "
                    + "the transactions using " + lock.get().table() + ", every query after it waits too", fix);
        }
    }
}
