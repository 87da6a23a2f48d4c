package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;

/**
 * An index PostgreSQL marks invalid: what a failed {@code CREATE INDEX CONCURRENTLY} leaves behind, or a
 * partitioned index created {@code ON ONLY} the parent whose partitions are not all attached.
 */
public final class InvalidIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "invalid-index",
            Category.INDEXES,
            Severity.ERROR,
            "Index marked invalid, left behind by a failed CREATE INDEX CONCURRENTLY or an unfinished partitioned index.",
            "The planner never uses an invalid index, yet every write still maintains it (while it is being "
                    + "built, and after a failure until it is dropped). A unique index that failed does not "
                    + "enforce uniqueness either. The query it was meant for is still unindexed.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.indexedRelations(schema)) {
            for (Index index : table.indexes()) {
                if (index.valid()) {
                    continue;
                }
                String qualified = Identifiers.qualified(table.schema(), index.name());
                if (index.partitioned()) {
                    context.report(DbObject.index(table.name(), index.name(), DuplicateIndex.columnsOf(index)),
                            "partitioned index " + DuplicateIndex.describe(index) + " on " + table.name()
                                    + " is invalid: not every partition has an index attached to it (created ON "
                                    + "ONLY the parent?), so it is not used.",
                            Fix.advice("create the missing index on each partition and attach it with ALTER INDEX "
                                    + qualified + " ATTACH PARTITION; it becomes valid when all are attached"));
                } else {
                    context.report(DbObject.index(table.name(), index.name(), DuplicateIndex.columnsOf(index)),
                            "index " + DuplicateIndex.describe(index) + " on " + table.name() + " is invalid (a "
                                    + "failed CREATE INDEX CONCURRENTLY?): the planner ignores it but writes still "
                                    + "maintain it" + (index.unique() ? ", and it enforces no uniqueness" : "") + ".",
                            Fix.sql("DROP INDEX CONCURRENTLY " + qualified + "; "
                                    + index.definition().replaceFirst("INDEX ", "INDEX CONCURRENTLY ") + ";"
                                    + (index.unique() ? " -- once the duplicate rows that failed it are gone" : "")));
                }
            }
        }
    }
}
