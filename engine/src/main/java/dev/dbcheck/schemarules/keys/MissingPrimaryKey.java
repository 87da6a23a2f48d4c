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
            } else {
                fix = newKey(table, schema.majorVersion());
            }
            // with a unique NOT NULL key the rows are addressable and cannot repeat: what is missing is the
            // declaration that replication, ORMs and tools look for
            message.append(candidate.isPresent()
                    ? ", so logical replication cannot replicate its UPDATEs and DELETEs (no replica identity) and "
                            + "tools that look for the primary key (ORMs, pg_repack, CDC) find none."
                    : ": rows cannot be addressed reliably, duplicates are possible, and logical replication cannot "
                            + "replicate its UPDATEs and DELETEs.");
            if (table.isPartitioned()) {
                message.append(" On a partitioned table the key must include the partition key (")
                        .append(table.partitionKey()).append(").");
            }
            context.report(DbObject.table(table.name()), message.toString(), fix);
        }
    }

    /**
     * A key made of real columns: the table's own {@code id} column when it has one (ADD PRIMARY KEY makes it NOT
     * NULL and fails, rather than guess, if its values repeat), else a new key column — uuidv7() from PostgreSQL 18,
     * an identity column before — with the partition key's columns beside it on a partitioned table.
     */
    private static Fix newKey(Table table, int majorVersion) {
        List<String> partitionColumns = List.of();
        if (table.isPartitioned()) {
            java.util.regex.Matcher plain = PLAIN_PARTITION_KEY.matcher(table.partitionKey() == null ? ""
                    : table.partitionKey());
            if (!plain.matches()) {
                return Fix.advice("add a primary key on the columns that identify a row, the partition key ("
                        + table.partitionKey() + ") among them");
            }
            partitionColumns = java.util.Arrays.stream(plain.group(1).split(",")).map(String::strip).toList();
        }
        String alter = "ALTER TABLE " + table.name() + " ";
        Optional<Column> id = table.column("id");
        if (id.isPresent() && !id.get().array()) {
            List<String> key = new java.util.ArrayList<>(List.of("id"));
            partitionColumns.stream().filter(c -> !c.equals("id")).forEach(key::add);
            return Fix.sql(alter + "ADD PRIMARY KEY (" + String.join(", ", key) + ");");
        }
        String column = majorVersion >= 18 ? "id uuid NOT NULL DEFAULT uuidv7()"
                : "id bigint GENERATED ALWAYS AS IDENTITY";
        if (partitionColumns.isEmpty()) {
            return Fix.sql(alter + "ADD COLUMN " + column + " PRIMARY KEY;");
        }
        return Fix.sql(alter + "ADD COLUMN " + column + ", ADD PRIMARY KEY (id, " + String.join(", ",
                partitionColumns) + ");");
    }

    /** {@code RANGE (created_at)}, {@code LIST (region, kind)}: a partition key of plain columns. */
    private static final java.util.regex.Pattern PLAIN_PARTITION_KEY = java.util.regex.Pattern.compile(
            "(?i)^(?:RANGE|LIST|HASH)\\s*\\(((?:\\s*[a-z_][a-z0-9_$]*\\s*,?)+)\\)$");

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
