package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code varchar(n)} column; off by default, like the text-over-varchar rules of other linters. */
public final class VarcharLength implements SchemaRule {

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    public static final RuleMetadata METADATA = new RuleMetadata(
            "varchar-length",
            Category.TYPES,
            Severity.OFF,
            "Column of type varchar(n): a length limit in the type rather than in a constraint.",
            "varchar(n) and text are stored identically; the limit only adds a check. Raising it later is an ALTER "
                    + "COLUMN TYPE, and lowering it rewrites the table under an exclusive lock, whereas a CHECK "
                    + "constraint can be replaced with NOT VALID and validated without blocking writes. Off by "
                    + "default: many teams use varchar(n) deliberately.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                Matcher length = LENGTH.matcher(column.type());
                if (!column.typeName().equals("varchar") || column.array() || !length.find()) {
                    continue;
                }
                String col = Identifiers.quote(column.name());
                context.report(DbObject.column(table.name(), column.name()),
                        "column " + table.name() + "." + col + " is " + column.type() + ": the limit lives in the "
                                + "type, where changing it means ALTER COLUMN TYPE.",
                        "ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE text, ADD CHECK (char_length("
                                + col + ") <= " + length.group(1) + ");");
            }
        }
    }
}
