package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;

import java.util.List;

/**
 * A multi-column foreign key (MATCH SIMPLE, the default) with a nullable column: a row with one column NULL is
 * not checked at all, whatever the other columns hold.
 */
public final class NullableForeignKeyColumn implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "nullable-foreign-key-column",
            Category.KEYS,
            Severity.WARNING,
            "Multi-column foreign key with a nullable column (MATCH SIMPLE checks nothing when any is NULL).",
            "Under MATCH SIMPLE, PostgreSQL's default, a foreign key is satisfied as soon as any of its columns "
                    + "is NULL: (region_id, code) = (7, NULL) passes though no warehouse has region 7, and the "
                    + "row points nowhere. Make the columns NOT NULL, or declare MATCH FULL (all or none NULL) "
                    + "when a missing reference is allowed.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            if (table.isPartition()) {
                continue;
            }
            for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.columns().size() < 2 || fk.inherited() || fk.definition() != null
                        && fk.definition().contains("MATCH FULL")) {
                    continue;
                }
                List<String> nullable = fk.columns().stream().filter(c -> table.column(c).map(col -> !col.notNull())
                        .orElse(false)).toList();
                if (nullable.isEmpty()) {
                    continue;
                }
                String alters = String.join(", ", nullable.stream().map(c -> "ALTER COLUMN " + Identifiers.quote(c)
                        + " SET NOT NULL").toList());
                context.report(DbObject.constraint(table.name(), fk.name(), fk.columns()),
                        "foreign key " + Identifiers.quote(fk.name()) + " (" + Identifiers.columnList(fk.columns())
                                + ") on " + table.name() + " has nullable " + (nullable.size() == 1 ? "column " : "columns ")
                                + Identifiers.columnList(nullable) + ": under MATCH SIMPLE a row with any of them NULL "
                                + "is not checked, whatever the others hold.",
                        Fix.sql("ALTER TABLE " + table.name() + " " + alters + "; -- or, where a missing "
                                + "reference is allowed, declare the key MATCH FULL"));
            }
        }
    }
}
