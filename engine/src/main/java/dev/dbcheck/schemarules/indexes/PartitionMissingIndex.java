package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;

/**
 * A partition without an index attached to one of its partitioned parent's indexes. PostgreSQL creates and
 * attaches these itself, unless the parent's index was created {@code ON ONLY} the parent and the partitions'
 * indexes were never created or attached.
 */
public final class PartitionMissingIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "partition-missing-index",
            Category.INDEXES,
            Severity.ERROR,
            "Partition lacking an index that its partitioned parent declares.",
            "Queries on the partitioned table are planned partition by partition: a partition without the index "
                    + "is scanned sequentially even though the parent says the column is indexed, and the "
                    + "parent's index stays invalid (unused everywhere) until every partition has it attached.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table parent : schema.tables()) {
            if (!parent.isPartitioned()) {
                continue;
            }
            for (Index parentIndex : parent.indexes()) {
                for (Table partition : schema.partitionsOf(parent)) {
                    boolean attached = partition.indexes().stream()
                            .anyMatch(i -> parentIndex.name().equals(i.parentIndex()));
                    if (!attached) {
                        String keys = String.join(", ", DuplicateIndex.columnsOf(parentIndex));
                        String name = partition.name().name() + "_" + String.join("_", parentIndex.keys().stream()
                                .map(k -> k.column() == null ? "expr" : k.column()).toList()) + "_idx";
                        context.report(DbObject.table(partition.name()),
                                "partition " + partition.name() + " of " + parent.name() + " has no index attached to "
                                        + "the parent's index " + DuplicateIndex.describe(parentIndex)
                                        + ": queries on this partition cannot use it, and the parent's index stays "
                                        + "invalid.",
                                Fix.sql("CREATE INDEX CONCURRENTLY " + Identifiers.quote(name) + " ON "
                                        + partition.name() + " (" + keys + "); ALTER INDEX "
                                        + Identifiers.qualified(parent.schema(), parentIndex.name())
                                        + " ATTACH PARTITION " + Identifiers.qualified(partition.schema(), name) + ";"));
                    }
                }
            }
        }
    }
}
