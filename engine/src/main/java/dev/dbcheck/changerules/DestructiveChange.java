package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.Destruction;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;

import java.util.List;

/**
 * A table or column that existed before the change dropped or renamed, or a column's type narrowed: the application
 * version still running while the new one is deployed breaks on it. Read from the catalog before and after the
 * statement.
 */
public final class DestructiveChange implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "destructive-change",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "A table or column in use is dropped or renamed, or a column's type narrowed.",
            "During a deploy the old version of the application runs beside the new one (and before the "
                    + "migration, the new one beside the old schema): a dropped or renamed table or column makes "
                    + "every query of the old version that names it fail, and a narrower type rejects values it "
                    + "still writes. Expand and contract: add the new name or type first, move the application "
                    + "over, and drop the old one in a later release, once no running version uses it — then mark "
                    + "that statement with -- dbcheck:ignore destructive-change: <why it is no longer used>.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        for (TracedStatement st : trace.statements()) {
            for (Destruction d : st.destructions()) {
                String lock = Locks.during(trace, st, d.table()).map(l -> " (" + Locks.describe(l) + ")").orElse("");
                switch (d.kind()) {
                    case DROP_TABLE -> context.report(DbObject.table(d.table()), "DROP TABLE " + d.table()
                                    + ": the application version still running during the deploy fails on every "
                                    + "query that reads or writes it" + lock,
                            Fix.advice("drop it in a release after the one that stopped using it"), st.position());
                    case DROP_COLUMN -> context.report(DbObject.column(d.table(), d.column()), "DROP COLUMN "
                                    + d.table() + "." + d.column() + ": the application version still running "
                                    + "during the deploy fails on every query that names it (an ORM maps every "
                                    + "column it knows)" + lock,
                            Fix.advice("first release an application that no longer reads or writes "
                                    + d.column() + ", then drop it in a later release"), st.position());
                    case RENAME_TABLE -> context.report(DbObject.table(d.table()), "RENAME of " + d.before()
                                    + " to " + d.after() + ": the application version still running during the "
                                    + "deploy knows only the old name" + lock,
                            Fix.advice("expand and contract: a view with the old name (CREATE VIEW " + d.before()
                                    + " AS SELECT * FROM " + d.after() + ") until no running version uses it"),
                            st.position());
                    case RENAME_COLUMN -> context.report(DbObject.column(d.table(), d.after()), "RENAME of column "
                                    + d.table() + "." + d.before() + " to " + d.after() + ": the application "
                                    + "version still running during the deploy knows only the old name" + lock,
                            Fix.advice("add the new column, write both, backfill, move the readers, and drop the "
                                    + "old column in a later release"), st.position());
                    case NARROW_TYPE -> context.report(DbObject.column(d.table(), d.column()), "the type of "
                                    + d.table() + "." + d.column() + " narrows from " + d.before() + " to "
                                    + d.after() + ": values the running application writes may no longer fit"
                                    + lock,
                            Fix.advice("keep the wider type, or add a CHECK ... NOT VALID that the application "
                                    + "meets first, and narrow once no running version writes larger values"),
                            st.position());
                    default -> {
                    }
                }
            }
        }
    }
}
