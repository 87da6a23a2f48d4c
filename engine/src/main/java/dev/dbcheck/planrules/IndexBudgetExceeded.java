package dev.dbcheck.planrules;

import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;

import java.util.List;
import java.util.Locale;

/**
 * Index storage over budget at the declared volume: the total size of all indexes, the number of indexes on one
 * table, or one table's index-to-table size ratio. Sizes are measured after the synthetic load and, when data was
 * loaded at a fraction of the declared volume, extrapolated to it.
 */
public final class IndexBudgetExceeded implements PlanRule {

    static final String TOTAL = "totalSize";
    static final String PER_TABLE = "indexesPerTable";
    static final String RATIO = "indexToTableRatio";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "index-budget-exceeded",
            Category.QUERY_PLANS,
            Severity.ERROR,
            "Indexes over their storage budget at the declared volume: total size, indexes per table, or "
                    + "index-to-table size ratio.",
            "Indexes are not free: each one takes disk and cache, is written on every insert and update of its "
                    + "columns, and is vacuumed. A budget keeps the index set to what the query patterns need. "
                    + "Sizes are measured on the loaded synthetic data and projected to the declared volumes.",
            List.of(RuleOption.size(TOTAL, "Largest total size of all indexes (e.g. 2GB); empty for no limit.", "2GB"),
                    RuleOption.integer(PER_TABLE, "Most indexes on one table; 0 for no limit.", 10),
                    RuleOption.number(RATIO, "Largest ratio of a table's index size to its own size; 0 for no limit.",
                            "0")));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(DashboardResults results, RuleContext context) {
        if (results.isFastMode() || results.stats().isEmpty()) {
            return;
        }
        long totalLimit = parseSize(context.option(TOTAL));
        int perTable = context.intOption(PER_TABLE);
        double ratio = Double.parseDouble(context.option(RATIO));
        long total = 0;
        for (DashboardResults.BudgetRow row : results.budget()) {
            total += row.projectedIndexBytes();
            if (perTable > 0 && row.indexCount() > perTable) {
                context.report(DbObject.table(row.table()),
                        row.table() + " has " + row.indexCount() + " indexes, over the budget of " + perTable
                                + " per table: each one slows every write to the table.",
                        Fix.advice("drop the indexes no query pattern needs (see unused-index), or merge them "
                                + "into composite indexes that serve several queries"));
            }
            if (ratio > 0 && row.ratio() > ratio) {
                context.report(DbObject.table(row.table()),
                        String.format(Locale.ROOT, "the indexes of %s take %.1f× the table's own size (%s for %s of "
                                        + "data at the declared volume), over the budget of %.1f×", row.table(),
                                row.ratio(), ConfigValues.formatSize(row.projectedIndexBytes()),
                                ConfigValues.formatSize(row.projectedTableBytes()), ratio),
                        Fix.advice("drop or narrow indexes (fewer columns, partial indexes for the rows queries read)"));
            }
        }
        if (totalLimit > 0 && total > totalLimit) {
            context.report(DbObject.database(),
                    "all indexes together take " + ConfigValues.formatSize(total) + " at the declared volume"
                            + (results.config().data().loadFraction() < 1 ? " (projected from a "
                            + Math.round(results.config().data().loadFraction() * 100) + "% load)" : "")
                            + ", over the budget of " + ConfigValues.formatSize(totalLimit) + ".",
                    Fix.advice("drop the indexes no query pattern needs (see unused-index), use partial indexes, "
                            + "or raise " + TOTAL + " if the budget is too tight"));
        }
    }

    private static long parseSize(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return ConfigValues.size(TOTAL, text);
        } catch (ConfigException e) {
            throw new IllegalStateException(e); // validated with the configuration
        }
    }
}
