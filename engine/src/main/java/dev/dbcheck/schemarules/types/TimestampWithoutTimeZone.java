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

/** A {@code timestamp} (without time zone) column; {@code timestamptz} records an instant. */
public final class TimestampWithoutTimeZone implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "timestamp-without-time-zone",
            Category.TYPES,
            Severity.WARNING,
            "Column of type timestamp (without time zone) where timestamptz belongs.",
            "timestamp stores a wall-clock reading with no zone: the same value means different instants for "
                    + "servers, sessions and applications in different zones, comparisons with now() convert "
                    + "implicitly through the session's TimeZone, and daylight-saving changes create duplicate or "
                    + "missing hours. timestamptz stores an instant (in UTC) and costs the same 8 bytes.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                if (!column.typeName().equals("timestamp")) {
                    continue;
                }
                String col = Identifiers.quote(column.name());
                String target = column.array() ? "timestamptz[]" : "timestamptz";
                context.report(DbObject.column(table.name(), column.name()),
                        "column " + table.name() + "." + col + " is " + column.type() + ": a wall-clock time "
                                + "without a zone, read differently by every session whose TimeZone differs.",
                        "ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE " + target
                                + (column.array() ? ";" : " USING " + col + " AT TIME ZONE 'UTC';")
                                + " -- state the zone the stored values were written in");
            }
        }
    }
}
