package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;

/** A foreign key or check constraint added {@code NOT VALID} and never validated. */
public final class ConstraintNotValidated implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "constraint-not-validated",
            Category.KEYS,
            Severity.WARNING,
            "Foreign key or check constraint added NOT VALID and never validated.",
            "NOT VALID is the right way to add a constraint to a large live table without a long lock, but only "
                    + "half of it: existing rows are not checked until VALIDATE CONSTRAINT runs, so rows that "
                    + "break the rule may already be there, and the planner cannot rely on the constraint.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            for (Constraint constraint : table.constraints()) {
                if (constraint.validated() || constraint.inherited()) {
                    continue;
                }
                context.report(DbObject.constraint(table.name(), constraint.name(), constraint.columns()),
                        "constraint " + Identifiers.quote(constraint.name()) + " on " + table.name() + " ("
                                + constraint.definition() + ") was added NOT VALID and never validated: existing "
                                + "rows are unchecked.",
                        "ALTER TABLE " + table.name() + " VALIDATE CONSTRAINT " + Identifiers.quote(constraint.name())
                                + "; -- in a migration after the one that adds it");
            }
        }
    }
}
