package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
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
                Fix fix = partitionKeyColumn(schema, table, column.name())
                        ? Fix.advice("PostgreSQL cannot change the type of a partition key column: create the "
                                + "partitioned table anew with " + col + " " + target + " and move the rows")
                        : Fix.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE " + target
                                + (column.array() ? ";" : " USING " + col + " AT TIME ZONE 'UTC';")
                                + " -- state the zone the stored values were written in");
                context.report(DbObject.column(table.name(), column.name()),
                        "column " + table.name() + "." + col + " is " + column.type() + ": a wall-clock time "
                                + "without a zone, read differently by every session whose TimeZone differs.",
                        fix);
            }
        }
    }

    /** Whether the column is in the partition key of its table or of the table it is a partition of. */
    static boolean partitionKeyColumn(SchemaSnapshot schema, Table table, String column) {
        for (Table t = table; t != null; t = t.partitionOf() == null ? null : schema.table(t.partitionOf()).orElse(null)) {
            if (t.partitionKey() != null && java.util.Arrays.asList(t.partitionKey().split("[^A-Za-z0-9_$\"]+"))
                    .stream().map(w -> w.replace("\"", "")).anyMatch(column::equals)) {
                return true;
            }
        }
        return false;
    }
}
