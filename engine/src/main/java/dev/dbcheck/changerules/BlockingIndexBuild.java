package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.CreatedIndex;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code CREATE INDEX}, {@code REINDEX} or {@code DROP INDEX} without {@code CONCURRENTLY} on a table in use. */
public final class BlockingIndexBuild implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "blocking-index-build",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "An index is built, rebuilt or dropped without CONCURRENTLY on a table that existed before the change.",
            "CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE "
                    + "waits until the index is complete, which on a large table is seconds to hours. REINDEX "
                    + "does the same, DROP INDEX takes ACCESS EXCLUSIVE, which blocks reads too. With "
                    + "CONCURRENTLY the table stays writable (a SHARE UPDATE EXCLUSIVE lock); the statement must "
                    + "then run outside a transaction block, so it goes in a migration of its own.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    private static final Pattern CREATE = Pattern.compile("^CREATE (UNIQUE )?INDEX ");
    private static final Pattern DROP = Pattern.compile("(?is)^\\s*drop\\s+index\\s+");
    private static final Pattern REINDEX = Pattern.compile("(?is)^\\s*reindex\\s+(\\([^)]*\\)\\s*)?(index|table)\\s+");

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        for (TracedStatement st : trace.statements()) {
            boolean create = st.startsWith("create", "index") || st.startsWith("create", "unique", "index");
            boolean drop = st.startsWith("drop", "index");
            boolean reindex = st.startsWith("reindex");
            if (!(create || drop || reindex) || st.hasWord("concurrently", 6)) {
                continue;
            }
            Optional<HeldLock> lock = Locks.during(trace, st);
            if (lock.isEmpty()) {
                continue;
            }
            HeldLock held = lock.get();
            String what = create ? "CREATE INDEX" : drop ? "DROP INDEX" : "REINDEX";
            String message = what + " without CONCURRENTLY takes " + Locks.describe(held);
            Fix fix;
            // the index itself is locked too (DROP INDEX, REINDEX INDEX): the finding is about it
            DbObject object = st.locks().stream().filter(l -> l.existedBefore() && l.kind().contains("index"))
                    .findFirst().map(l -> DbObject.index(l.table(), l.relation().name(), l.columns()))
                    .orElse(DbObject.table(held.table()));
            if (create && !st.indexes().isEmpty()) {
                CreatedIndex index = st.indexes().get(0);
                object = DbObject.index(index.table(), index.name(), index.columns());
                Matcher m = CREATE.matcher(index.definition());
                fix = held.kind().startsWith("partitioned") || !m.find()
                        ? Fix.advice("a partitioned table cannot be indexed CONCURRENTLY: CREATE INDEX ... ON ONLY "
                        + held.table() + ", then CREATE INDEX CONCURRENTLY on each partition and ALTER INDEX ... "
                        + "ATTACH PARTITION each one, each in a migration of its own")
                        : Fix.sql(m.replaceFirst("CREATE " + (m.group(1) == null ? "" : "UNIQUE ")
                        + "INDEX CONCURRENTLY ") + ";");
            } else if (drop) {
                fix = Fix.sql(DROP.matcher(st.sql().strip()).replaceFirst("DROP INDEX CONCURRENTLY ") + ";");
            } else {
                Matcher m = REINDEX.matcher(st.sql().strip());
                fix = m.find() ? Fix.sql(m.replaceFirst("REINDEX " + (m.group(1) == null ? "" : m.group(1))
                        + m.group(2).toUpperCase(java.util.Locale.ROOT) + " CONCURRENTLY ") + ";")
                        : Fix.advice("REINDEX ... CONCURRENTLY, in a migration of its own");
            }
            Locks.report(context, trace, st, held, object, message + "; with CONCURRENTLY the table stays "
                    + "writable (in a migration of its own: it cannot run inside a transaction block)", fix);
        }
    }
}
