package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.List;

/** A {@code json} column (also through a domain or as an array) in a table or materialized view. */
public final class JsonColumn implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "json-column",
            Category.TYPES,
            Severity.ERROR,
            "Column of type json where jsonb belongs.",
            "json is stored as the text it was given and parsed again on every access. jsonb is stored decomposed "
                    + "in a binary format: the engine reads a key without parsing the whole document, it supports "
                    + "GIN indexes and the containment (@>) and existence (?) operators, and it drops duplicate "
                    + "keys. Keep json only when the exact text (key order, duplicates, whitespace) must be "
                    + "preserved, and say so in a suppression.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            if (table.isPartition() || table.kind() == TableKind.FOREIGN_TABLE) {
                continue; // partitions inherit the parent's columns; the parent is reported
            }
            for (Column column : table.columns()) {
                if (!column.typeName().equals("json")) {
                    continue;
                }
                String col = Identifiers.quote(column.name());
                String target = column.array() ? "jsonb[]" : "jsonb";
                String declared = column.domain() != null ? "domain " + column.domain() + " over json" : column.type();
                Fix fix = table.isMaterializedView()
                        ? Fix.advice("recreate the materialized view with the column cast to jsonb in its query "
                                + "(... ::jsonb AS " + col + ")")
                        : Fix.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + col + " TYPE " + target
                                + " USING " + col + "::" + target + ";");
                context.report(DbObject.column(table.name(), column.name()),
                        (table.isMaterializedView() ? "materialized view column " : "column ") + table.name() + "."
                                + col + " is " + declared + ": stored as text and parsed again on every access; "
                                + "jsonb is stored decomposed in binary and supports GIN indexes and @>.",
                        fix);
            }
        }
    }
}
