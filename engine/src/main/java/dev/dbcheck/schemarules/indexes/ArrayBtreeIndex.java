package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;

import java.util.List;

/** A B-tree index on an array column, which serves only whole-array equality, where GIN serves containment. */
public final class ArrayBtreeIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "array-btree-index",
            Category.INDEXES,
            Severity.WARNING,
            "B-tree index on an array column.",
            "A B-tree compares whole arrays: it serves = and ORDER BY on the array as one value, and nothing "
                    + "that asks about its elements — @> (contains), && (overlaps), = ANY(...) all scan. The queries "
                    + "an array column gets are those; a GIN index answers them. A unique B-tree that enforces "
                    + "distinct arrays is left alone.",
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
            for (Index index : table.indexes()) {
                if (!index.method().equals("btree") || index.unique()) {
                    continue;
                }
                for (IndexKey key : index.keys()) {
                    Column column = key.column() == null ? null : table.column(key.column()).orElse(null);
                    if (column == null || !column.array()) {
                        continue;
                    }
                    String qualified = Identifiers.qualified(table.schema(), index.name());
                    Fix fix = index.keys().size() == 1 && !index.isPartial()
                            ? Fix.sql("DROP INDEX " + (table.isPartitioned() ? "" : "CONCURRENTLY ") + qualified
                                    + "; CREATE INDEX " + (table.isPartitioned() ? "" : "CONCURRENTLY ")
                                    + Identifiers.quote(index.name()) + " ON " + table.name() + " USING gin ("
                                    + Identifiers.quote(column.name()) + ");")
                            : Fix.advice("index " + Identifiers.quote(column.name()) + " with GIN on its own "
                                    + "(USING gin), and keep the other columns in a B-tree of their own");
                    context.report(DbObject.index(table.name(), index.name(), DuplicateIndex.columnsOf(index)),
                            "index " + DuplicateIndex.describe(index) + " on " + table.name() + " is a B-tree on "
                                    + "array column " + Identifiers.quote(column.name()) + " (" + column.type()
                                    + "): it serves whole-array equality only, not @>, && or = ANY.", fix);
                    break;
                }
            }
        }
    }
}
