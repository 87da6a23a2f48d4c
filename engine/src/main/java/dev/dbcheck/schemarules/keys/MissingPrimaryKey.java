package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.List;
import java.util.Optional;

/**
 * A table without a primary key. Partitions are not reported on their own: the partitioned parent is (a
 * partition of a parent with a primary key has it too). Materialized views and foreign tables have no keys.
 */
public final class MissingPrimaryKey implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "missing-primary-key",
            Category.KEYS,
            Severity.ERROR,
            "Table without a primary key.",
            "Without a primary key a row cannot be addressed reliably: duplicates creep in, an UPDATE or DELETE "
                    + "of one row needs every column, foreign keys cannot point at the table, ORMs cannot map it, "
                    + "and logical replication refuses UPDATE and DELETE on it unless a replica identity is set.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            boolean isTable = table.kind() == TableKind.TABLE || table.kind() == TableKind.PARTITIONED_TABLE;
            if (!isTable || table.isPartition() || table.primaryKey().isPresent()) {
                continue;
            }
            StringBuilder message = new StringBuilder("table ").append(table.name()).append(" has no primary key");
            Optional<Index> candidate = promotableUniqueIndex(table);
            Fix fix;
            if (candidate.isPresent()) {
                Index index = candidate.get();
                String keys = String.join(", ", index.keys().stream().map(IndexKey::display).toList());
                message.append("; unique index ").append(Identifiers.quote(index.name())).append(" (").append(keys)
                        .append(") on NOT NULL columns already identifies its rows");
                fix = Fix.sql(index.constraintName() != null
                        ? "ALTER TABLE " + table.name() + " DROP CONSTRAINT " + Identifiers.quote(index.constraintName())
                                + ", ADD PRIMARY KEY (" + keys + ");"
                        : "ALTER TABLE " + table.name() + " ADD PRIMARY KEY USING INDEX "
                                + Identifiers.quote(index.name()) + ";");
            } else if (schema.majorVersion() >= 18 && !table.isPartitioned()) {
                fix = Fix.sql("ALTER TABLE " + table.name() + " ADD COLUMN id uuid NOT NULL DEFAULT uuidv7() "
                        + "PRIMARY KEY;");
            } else {
                fix = Fix.advice("add a primary key on the columns that identify a row"
                        + (table.isPartitioned() ? ", the partition key among them" : ""));
            }
            message.append(": rows cannot be addressed reliably, duplicates are possible, and logical "
                    + "replication cannot replicate its UPDATEs and DELETEs.");
            if (table.isPartitioned()) {
                message.append(" On a partitioned table the key must include the partition key (")
                        .append(table.partitionKey()).append(").");
            }
            context.report(DbObject.table(table.name()), message.toString(), fix);
        }
    }

    /** A valid, non-partial unique btree index on plain NOT NULL columns: it can become the primary key as is. */
    private static Optional<Index> promotableUniqueIndex(Table table) {
        return table.indexes().stream()
                .filter(i -> i.unique() && i.valid() && !i.isPartial() && i.method().equals("btree"))
                .filter(i -> i.keys().stream().noneMatch(IndexKey::isExpression))
                .filter(i -> i.keys().stream().allMatch(k -> table.column(k.column()).map(Column::notNull)
                        .orElse(false)))
                .findFirst();
    }
}
