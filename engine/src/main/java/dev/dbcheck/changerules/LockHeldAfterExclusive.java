package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.change.LockMode;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * More statements run in a transaction after one took ACCESS EXCLUSIVE on a table in use: the lock is held until
 * the transaction ends, so their time is time the table cannot be read or written.
 */
public final class LockHeldAfterExclusive implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "lock-held-after-exclusive",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "Statements run after ACCESS EXCLUSIVE was taken on a table in use, in the same transaction.",
            "A lock is held until its transaction ends. Once a statement has taken ACCESS EXCLUSIVE on a table "
                    + "that the application uses, everything that runs after it in the same transaction — a "
                    + "backfill, an index build, a VALIDATE on another table — runs while the table can be neither "
                    + "read nor written. Flyway and most migration tools run a script in one transaction: end "
                    + "the script after the statement that takes the lock.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        Set<Integer> reported = new HashSet<>();
        List<TracedStatement> all = trace.statements();
        for (int i = 0; i < all.size(); i++) {
            TracedStatement st = all.get(i);
            if (!st.inTransaction() || reported.contains(st.transaction())) {
                continue;
            }
            Optional<HeldLock> lock = Locks.blocking(st).filter(l -> l.mode() == LockMode.ACCESS_EXCLUSIVE);
            if (lock.isEmpty()) {
                continue;
            }
            List<TracedStatement> after = all.subList(i + 1, all.size()).stream()
                    .filter(s -> s.transaction() == st.transaction() && !s.startsWith("set") && !s.startsWith("reset"))
                    .toList();
            if (after.isEmpty()) {
                continue;
            }
            reported.add(st.transaction());
            java.time.Duration time = after.stream().map(TracedStatement::time)
                    .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
            int first = after.get(0).position().line();
            String message = Locks.describe(lock.get()) + " — taken here and held while " + after.size() + " more "
                    + "statement" + (after.size() == 1 ? "" : "s") + " of the same transaction run (" 
                    + Locks.duration(time) + ", from line " + first + ")";
            Locks.report(context, trace, st, lock.get(), DbObject.table(lock.get().table()), message,
                    Fix.advice("end the transaction after this statement: move the statements from line " + first
                            + " on into a migration of their own (each migration script is one transaction)"));
        }
    }
}
