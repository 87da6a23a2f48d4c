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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two or more valid indexes on the same table with the same method, keys (columns or expressions, operator
 * classes, sort order), INCLUDE columns, predicate and uniqueness. One is kept (a constraint's index first) and the
 * others are reported.
 */
public final class DuplicateIndex implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "duplicate-index",
            Category.INDEXES,
            Severity.ERROR,
            "Index identical to another index on the same table.",
            "A duplicate index serves no query its twin does not serve, yet every INSERT, UPDATE and DELETE "
                    + "maintains both, VACUUM scans both, and both take space on disk and in the buffer cache. "
                    + "Indexes are not free: drop the copy.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : Scope.indexedRelations(schema)) {
            Map<String, List<Index>> bySignature = new LinkedHashMap<>();
            for (Index index : Scope.ownIndexes(table)) {
                if (index.valid()) {
                    bySignature.computeIfAbsent(signature(index), k -> new ArrayList<>()).add(index);
                }
            }
            for (List<Index> twins : bySignature.values()) {
                if (twins.size() < 2) {
                    continue;
                }
                List<Index> ordered = new ArrayList<>(twins);
                ordered.sort(KEEP_FIRST);
                Index kept = ordered.get(0);
                for (Index duplicate : ordered.subList(1, ordered.size())) {
                    report(table, duplicate, kept, context);
                }
            }
        }
    }

    /** The primary key's index first (foreign keys and replication lean on it), then other constraints' indexes
     *  (they cannot simply be dropped), then by name. */
    static final Comparator<Index> KEEP_FIRST = Comparator
            .comparing((Index i) -> !i.primary())
            .thenComparing(i -> i.constraintName() == null)
            .thenComparing(Index::name);

    /** Everything that makes two indexes serve exactly the same queries and enforce the same rules. */
    static String signature(Index index) {
        return index.method() + "|" + index.unique() + "|" + keys(index.keys()) + "|" + index.includeColumns()
                + "|" + index.predicate();
    }

    static String keys(List<IndexKey> keys) {
        List<String> parts = new ArrayList<>();
        for (IndexKey key : keys) {
            parts.add(key.display() + " " + key.opclass() + (key.descending() ? " DESC" : "")
                    + (key.nullsFirst() ? " NULLS FIRST" : ""));
        }
        return String.join(", ", parts);
    }

    static String describe(Index index) {
        return Identifiers.quote(index.name()) + " (" + String.join(", ", index.keys().stream()
                .map(IndexKey::display).toList()) + ")";
    }

    private static void report(Table table, Index duplicate, Index kept, RuleContext context) {
        String fix = duplicate.constraintName() != null
                ? "ALTER TABLE " + table.name() + " DROP CONSTRAINT " + Identifiers.quote(duplicate.constraintName()) + ";"
                // PostgreSQL cannot drop an index of a partitioned table concurrently
                : "DROP INDEX " + (table.isPartitioned() ? "" : "CONCURRENTLY ")
                        + Identifiers.qualified(table.schema(), duplicate.name()) + ";";
        context.report(DbObject.index(table.name(), duplicate.name(), columnsOf(duplicate)),
                "index " + describe(duplicate) + " on " + table.name() + " duplicates " + describe(kept)
                        + " (same method " + duplicate.method() + ", keys, INCLUDE columns and predicate): every "
                        + "write maintains both and neither serves a query the other cannot.",
                fix);
    }

    static List<String> columnsOf(Index index) {
        return index.keys().stream().map(IndexKey::display).toList();
    }
}
