package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.indexes.ForeignKeyWithoutIndex;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.Table;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An index on a table the dashboard queries read that none of them used, and that no constraint needs: not a key's
 * index, not unique (it enforces something), not the index a foreign key's lookups use. Info by default: other
 * workloads may use it, but it is a candidate to drop.
 */
public final class UnusedIndex implements PlanRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "unused-index",
            Category.QUERY_PLANS,
            Severity.INFO,
            "An index that no declared query used and no constraint needs.",
            "Indexes are not free: every insert and every update of its columns writes to it, VACUUM scans it, and "
                    + "it competes for cache. An index that no query pattern uses is write cost with no read "
                    + "benefit. Only tables the declared queries read are judged, and indexes behind keys, unique "
                    + "indexes and foreign key indexes are never reported.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (results.isFastMode() || results.results().isEmpty()) {
            return;
        }
        Set<String> used = results.usedIndexes();
        Set<QualifiedName> read = results.readTables();
        for (Table table : results.schema().tables()) {
            if (!read.contains(table.name()) || table.isPartition()) {
                continue;
            }
            for (Index index : table.indexes()) {
                if (used.contains(index.name()) || index.unique() || index.constraintName() != null
                        || servesForeignKey(table, index) || index.parentIndex() != null) {
                    continue;
                }
                long size = results.indexSize(table.name(), index);
                context.report(DbObject.index(table.name(), index.name(),
                                index.keys().stream().map(IndexKey::display).toList()),
                        "index " + Identifiers.quote(index.name()) + " on " + table.name() + " was used by none of the "
                                + results.results().size() + " dashboard queries and backs no constraint"
                                + (size > 0 ? " (" + ConfigValues.formatSize(size) + " after the load)" : "")
                                + ": write cost without read benefit, unless another workload needs it.",
                        "DROP INDEX CONCURRENTLY " + Identifiers.qualified(table.schema(), index.name())
                                + "; -- if no other query uses it");
            }
        }
    }

    private static boolean servesForeignKey(Table table, Index index) {
        for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
            if (ForeignKeyWithoutIndex.supports(index, fk.columns())) {
                return true;
            }
        }
        return false;
    }
}
