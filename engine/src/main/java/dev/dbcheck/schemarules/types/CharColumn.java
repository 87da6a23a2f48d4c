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

/** A {@code char(n)} / {@code character(n)} column. */
public final class CharColumn implements SchemaRule {

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    public static final RuleMetadata METADATA = new RuleMetadata(
            "char-column",
            Category.TYPES,
            Severity.WARNING,
            "Column of type char(n) (blank-padded), where text or varchar belongs.",
            "char(n) pads values with spaces to n characters, ignores trailing spaces in comparisons but not in "
                    + "LIKE or regular expressions, and is no faster than text: PostgreSQL stores all three the "
                    + "same way. A fixed length is better said with a CHECK constraint on text.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                if (!column.typeName().equals("bpchar") || column.array()) {
                    continue;
                }
                String col = Identifiers.quote(column.name());
                Matcher length = LENGTH.matcher(column.type());
                String check = length.find() ? "; ALTER TABLE " + table.name() + " ADD CHECK (char_length(" + col
                        + ") = " + length.group(1) + ");" : ";";
                context.report(DbObject.column(table.name(), column.name()),
                        "column " + table.name() + "." + col + " is " + column.type() + ": blank-padded, with "
                                + "comparison rules that surprise, and no faster than text.",
                        "ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE text" + check);
            }
        }
    }
}
