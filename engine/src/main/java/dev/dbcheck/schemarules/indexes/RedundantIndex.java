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
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A btree index whose keys are a leading prefix of another valid btree index with the same predicate: the longer
 * index serves every lookup and ordering the shorter one does.
 *
 * <p>Not redundant: a unique index (it enforces uniqueness the longer one does not), an index behind a
 * constraint, an index whose INCLUDE columns the longer one lacks (it serves index-only scans the other cannot),
 * and indexes with a different predicate. Identical twins are {@code duplicate-index}'s, except a non-unique index
 * with the same keys as a unique one, which is reported here.
 */
public final class RedundantIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "redundant-index",
            Category.INDEXES,
            Severity.WARNING,
            "Btree index whose keys are a leading prefix of another index on the same table.",
            "A btree index on (a, b) answers lookups and orderings on (a) as well, so a separate index on (a) costs "
                    + "write time, VACUUM time and cache space for no read benefit. Index the query patterns, not "
                    + "every column.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.indexedRelations(schema)) {
            List<Index> indexes = Scope.ownIndexes(table).stream()
                    .filter(i -> i.valid() && i.method().equals("btree")).toList();
            for (Index candidate : indexes) {
                if (candidate.unique() || candidate.constraintName() != null) {
                    continue;
                }
                for (Index wider : indexes) {
                    if (wider != candidate && covers(wider, candidate)) {
                        report(table, candidate, wider, context);
                        break;
                    }
                }
            }
        }
    }

    /** True when {@code wider} serves every query {@code narrow} serves. */
    static boolean covers(Index wider, Index narrow) {
        if (!Objects.equals(wider.predicate(), narrow.predicate())) {
            return false;
        }
        List<IndexKey> narrowKeys = narrow.keys();
        List<IndexKey> wideKeys = wider.keys();
        if (narrowKeys.size() > wideKeys.size()) {
            return false;
        }
        if (narrowKeys.size() == wideKeys.size() && !wider.unique()) {
            return false; // same keys, same uniqueness: that is a duplicate, reported by duplicate-index
        }
        for (int i = 0; i < narrowKeys.size(); i++) {
            if (!narrowKeys.get(i).equals(wideKeys.get(i))) {
                return false;
            }
        }
        Set<String> available = new HashSet<>(wider.includeColumns());
        wideKeys.stream().map(IndexKey::column).filter(Objects::nonNull).forEach(available::add);
        return available.containsAll(narrow.includeColumns());
    }

    private static void report(Table table, Index redundant, Index wider, RuleContext context) {
        context.report(DbObject.index(table.name(), redundant.name(), DuplicateIndex.columnsOf(redundant)),
                "index " + DuplicateIndex.describe(redundant) + " on " + table.name() + " is redundant: its keys "
                        + "are a leading prefix of " + DuplicateIndex.describe(wider)
                        + (redundant.isPartial() ? " (same predicate)" : "")
                        + ", which serves the same lookups and orderings; it only adds write and VACUUM cost.",
                "DROP INDEX " + (table.isPartitioned() ? "" : "CONCURRENTLY ")
                        + Identifiers.qualified(table.schema(), redundant.name()) + ";");
    }
}
