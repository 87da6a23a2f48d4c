package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.List;

/** A foreign key column whose declared type differs from the referenced column's. */
public final class ForeignKeyTypeMismatch implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "foreign-key-type-mismatch",
            Category.KEYS,
            Severity.ERROR,
            "Foreign key column declared with a different type than the column it references.",
            "PostgreSQL accepts a foreign key between compatible types such as integer and bigint, but the two "
                    + "sides then disagree on what values are possible (a bigint key above 2^31 cannot be "
                    + "referenced from an integer column), every join compares across types, and the mismatch "
                    + "spreads to the application's types. Declare both sides alike.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.inherited()) {
                    continue;
                }
                Table target = schema.table(fk.references().table()).orElse(null);
                if (target == null) {
                    continue; // the referenced table lies outside the schemas read
                }
                List<String> differences = new ArrayList<>();
                List<String> alters = new ArrayList<>();
                for (int i = 0; i < fk.columns().size() && i < fk.references().columns().size(); i++) {
                    Column from = table.column(fk.columns().get(i)).orElse(null);
                    Column to = target.column(fk.references().columns().get(i)).orElse(null);
                    if (from != null && to != null && !from.type().equals(to.type())) {
                        differences.add(Identifiers.quote(from.name()) + " is " + from.type() + " but "
                                + target.name() + "." + Identifiers.quote(to.name()) + " is " + to.type());
                        alters.add("ALTER COLUMN " + Identifiers.quote(from.name()) + " TYPE " + to.type());
                    }
                }
                if (differences.isEmpty()) {
                    continue;
                }
                // one statement, every column of the key: a composite key is one type change
                context.report(DbObject.constraint(table.name(), fk.name(), fk.columns()),
                        "foreign key " + Identifiers.quote(fk.name()) + " on " + table.name() + ": "
                                + String.join("; ", differences) + ".",
                        Fix.sql("ALTER TABLE " + table.name() + " " + String.join(", ", alters) + ";"));
            }
        }
    }
}
