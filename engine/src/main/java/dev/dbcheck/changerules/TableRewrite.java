package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.AddedColumn;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.QualifiedName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table (or materialized view) that existed before the change got a new file while a lock that blocks reads or
 * writes was held: PostgreSQL copied every row. Seen in {@code pg_class.relfilenode}, not guessed from the SQL, so
 * {@code ALTER COLUMN TYPE varchar(200)} from {@code varchar(100)} (no rewrite) is not reported and a volatile
 * default is.
 */
public final class TableRewrite implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "table-rewrite",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "A statement rewrites a table that existed before the change, under a lock that blocks reads or writes.",
            "ALTER COLUMN ... TYPE (to a type that is not binary compatible), ADD COLUMN with a volatile default "
                    + "(random(), gen_random_uuid(), clock_timestamp()), SET LOGGED/UNLOGGED, VACUUM FULL and "
                    + "CLUSTER write a new copy of the table and rebuild all its indexes while holding ACCESS "
                    + "EXCLUSIVE: nothing can read or write the table until the copy is done. dbcheck sees the "
                    + "rewrite in the table's relfilenode and measures it on the declared volume.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        for (TracedStatement st : trace.statements()) {
            if (st.rewritten().isEmpty() || st.startsWith("truncate") || st.startsWith("reindex")
                    || st.startsWith("create")) {
                continue; // TRUNCATE empties, REINDEX and CREATE INDEX are blocking-index-build's
            }
            Set<QualifiedName> tables = new LinkedHashSet<>();
            int indexes = 0;
            for (QualifiedName r : st.rewritten()) {
                Optional<HeldLock> onIt = st.locks().stream().filter(l -> l.relation().equals(r)).findFirst();
                if (onIt.isPresent() && onIt.get().kind().contains("index")) {
                    indexes++;
                } else {
                    tables.add(onIt.map(HeldLock::table).orElse(r));
                }
            }
            for (QualifiedName table : tables) {
                Optional<HeldLock> lock = Locks.during(trace, st, table);
                if (lock.isEmpty()) {
                    continue;
                }
                String message = Locks.opening(st) + " rewrites " + table + (indexes > 0 ? " and rebuilds "
                        + indexes + " ind" + (indexes == 1 ? "ex" : "exes") : "") + " under "
                        + Locks.describe(lock.get());
                Locks.report(context, trace, st, lock.get(), DbObject.table(table), message, fix(st, table));
            }
        }
    }

    private static Fix fix(TracedStatement st, QualifiedName table) {
        String t = Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name());
        for (AddedColumn c : st.columns()) {
            if (c.table().equals(table) && c.defaultExpression() != null) {
                String column = Identifiers.quote(c.column());
                return Fix.sql("ALTER TABLE " + t + " ADD COLUMN " + column + " " + c.type() + ";\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN " + column + " SET DEFAULT " + c.defaultExpression()
                        + ";\n-- then fill the existing rows in batches: UPDATE " + t + " SET " + column + " = "
                        + c.defaultExpression() + " WHERE " + column + " IS NULL AND <key range>;");
            }
        }
        if (st.hasWord("type", 200) && st.startsWith("alter", "table")) {
            return Fix.advice("change the type without a rewrite under lock (expand and contract): add a column of "
                    + "the new type, keep it filled (a trigger, or the application writing both), backfill the "
                    + "existing rows in batches, switch the readers, then drop the old column in a later release");
        }
        if (st.startsWith("vacuum") || st.startsWith("cluster")) {
            return Fix.advice("reclaim space without ACCESS EXCLUSIVE: plain VACUUM, or pg_repack / pg_squeeze, "
                    + "which rebuild the table online");
        }
        return Fix.advice("do the change in steps that do not copy the table under lock (for SET LOGGED or "
                + "UNLOGGED there is none: plan a maintenance window)");
    }
}
