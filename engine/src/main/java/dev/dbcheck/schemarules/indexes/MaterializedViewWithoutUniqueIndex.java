package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;

/**
 * A materialized view without the index {@code REFRESH MATERIALIZED VIEW CONCURRENTLY} requires: a valid unique
 * index on plain columns, without a WHERE clause.
 */
public final class MaterializedViewWithoutUniqueIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "materialized-view-without-unique-index",
            Category.INDEXES,
            Severity.WARNING,
            "Materialized view without the unique index that REFRESH ... CONCURRENTLY needs.",
            "Without a unique index on plain columns covering all rows, a materialized view can only be refreshed "
                    + "with a plain REFRESH, which takes an ACCESS EXCLUSIVE lock: every dashboard reading it waits "
                    + "until the refresh ends. REFRESH ... CONCURRENTLY lets readers keep the old rows meanwhile.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table view : schema.tables()) {
            if (!view.isMaterializedView() || view.indexes().stream().anyMatch(
                    MaterializedViewWithoutUniqueIndex::allowsConcurrentRefresh)) {
                continue;
            }
            String first = view.columns().isEmpty() ? "<key columns>" : Identifiers.quote(view.columns().get(0).name());
            context.report(DbObject.materializedView(view.name()),
                    "materialized view " + view.name() + " has no unique index on plain columns without a WHERE "
                            + "clause, so REFRESH MATERIALIZED VIEW CONCURRENTLY is impossible and each refresh "
                            + "locks out its readers.",
                    "CREATE UNIQUE INDEX " + Identifiers.quote(view.name().name() + "_key_idx") + " ON " + view.name()
                            + " (" + first + "); -- the columns that identify a row");
        }
    }

    static boolean allowsConcurrentRefresh(Index index) {
        return index.unique() && index.valid() && !index.isPartial()
                && index.keys().stream().noneMatch(IndexKey::isExpression);
    }
}
