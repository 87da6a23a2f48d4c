package dev.dbcheck.changerules;

import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTrace.AddedConstraint;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.NotNullSet;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.QualifiedName;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A constraint added to a table that existed before the change and checked against every row in the same
 * statement, under a lock that blocks writes: {@code CHECK} or {@code FOREIGN KEY} without {@code NOT VALID},
 * {@code UNIQUE} or {@code PRIMARY KEY} that builds its index (no {@code USING INDEX}), {@code SET NOT NULL} with no
 * validated {@code CHECK (c IS NOT NULL)} to spare the scan. Read from the catalog after the statement: the
 * constraint is valid, its index new, the column NOT NULL.
 */
public final class ValidatingConstraint implements ChangeRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "validating-constraint",
            Category.MIGRATION_SAFETY,
            Severity.ERROR,
            "A constraint is added to a table in use and checked against every row while writes are blocked.",
            "ADD CONSTRAINT ... CHECK takes ACCESS EXCLUSIVE and FOREIGN KEY takes SHARE ROW EXCLUSIVE on both "
                    + "tables, then read every row before they let go; UNIQUE builds its index under ACCESS "
                    + "EXCLUSIVE; SET NOT NULL scans the table under ACCESS EXCLUSIVE. Add the constraint NOT VALID "
                    + "(instant: only new rows are checked) and VALIDATE CONSTRAINT it in a later transaction, which "
                    + "takes a lock that lets reads and writes go on; build a unique index CONCURRENTLY and attach it "
                    + "with USING INDEX; prove NOT NULL with a validated CHECK first (PostgreSQL 12 and later then "
                    + "skip the scan).",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    private static final Pattern KEY = Pattern.compile("(UNIQUE|PRIMARY KEY)( NULLS NOT DISTINCT)? \\((.*)\\)");

    @Override
    public void check(ChangeTrace trace, RuleContext context) {
        for (TracedStatement st : trace.statements()) {
            if (!st.rewritten().isEmpty() && st.constraints().stream().noneMatch(AddedConstraint::builtIndex)) {
                continue; // the rewrite checked the rows: table-rewrite's finding
            }
            for (AddedConstraint c : st.constraints()) {
                boolean scans = c.validated() && (c.type().equals("c") || c.type().equals("f"));
                if (!scans && !c.builtIndex()) {
                    continue;
                }
                Optional<HeldLock> lock = Locks.during(trace, st, c.table());
                if (lock.isEmpty()) {
                    continue;
                }
                String kind = switch (c.type()) {
                    case "c" -> "CHECK";
                    case "f" -> "FOREIGN KEY";
                    case "p" -> "PRIMARY KEY";
                    case "u" -> "UNIQUE";
                    default -> "EXCLUDE";
                };
                String message = "ADD CONSTRAINT " + c.name() + " " + kind + (c.builtIndex()
                        ? " builds its index" : " reads every row") + " of " + c.table() + " under "
                        + Locks.describe(lock.get());
                Locks.report(context, trace, st, lock.get(), DbObject.constraint(c.table(), c.name(), c.columns()),
                        message, fix(c));
            }
            for (NotNullSet n : st.notNull()) {
                if (n.provenByCheck()) {
                    continue;
                }
                Optional<HeldLock> lock = Locks.during(trace, st, n.table());
                if (lock.isEmpty()) {
                    continue;
                }
                String message = "SET NOT NULL on " + n.table() + "." + n.column() + " reads every row under "
                        + Locks.describe(lock.get());
                Locks.report(context, trace, st, lock.get(), DbObject.column(n.table(), n.column()), message,
                        notNullFix(n));
            }
        }
    }

    private static String table(QualifiedName table) {
        return Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name());
    }

    private static Fix fix(AddedConstraint c) {
        String t = table(c.table());
        String name = Identifiers.quote(c.name());
        if (c.type().equals("c") || c.type().equals("f")) {
            return Fix.sql("ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + c.definition() + " NOT VALID;\n"
                    + "-- in a migration of its own (a later transaction):\n"
                    + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name + ";");
        }
        Matcher m = KEY.matcher(c.definition());
        if (!m.matches() || c.definition().contains(" INCLUDE ")) {
            return Fix.advice("build the constraint's index first with CREATE UNIQUE INDEX CONCURRENTLY, then "
                    + "ADD CONSTRAINT ... USING INDEX");
        }
        return Fix.sql("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + t + " (" + m.group(3) + ")"
                + (m.group(2) == null ? "" : m.group(2)) + ";\n"
                + "-- in a migration of its own (CONCURRENTLY runs outside a transaction block):\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + m.group(1) + " USING INDEX " + name + ";");
    }

    private static Fix notNullFix(NotNullSet n) {
        String t = table(n.table());
        String column = Identifiers.quote(n.column());
        String check = Identifiers.quote(truncated(n.table().name() + "_" + n.column() + "_not_null"));
        return Fix.sql("ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) "
                + "NOT VALID;\n"
                + "-- each in a migration of its own (a later transaction):\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n"
                + "ALTER TABLE " + t + " ALTER COLUMN " + column + " SET NOT NULL;\n"
                + "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";");
    }

    private static String truncated(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
