package dev.dbcheck.advice;

import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names for advised indexes in the project's own convention: {@code idx_orders_status} where the project's indexes
 * start with {@code idx_} (or {@code ix_}), else PostgreSQL's {@code orders_status_idx}. Only indexes the project
 * named count (not those a constraint made); names are kept unique and within 63 bytes.
 */
final class IndexNames {

    private static final int MAX_BYTES = 63;

    private final String prefix;
    private final String suffix;
    private final Set<String> taken = new HashSet<>();

    private IndexNames(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    static IndexNames of(SchemaSnapshot schema) {
        int idxPrefix = 0;
        int ixPrefix = 0;
        int idxSuffix = 0;
        Set<String> existing = new HashSet<>();
        for (Table table : schema.tables()) {
            for (Index index : table.indexes()) {
                existing.add(index.name());
                if (index.constraintName() != null) {
                    continue;
                }
                String name = index.name().toLowerCase(Locale.ROOT);
                if (name.startsWith("idx_")) {
                    idxPrefix++;
                } else if (name.startsWith("ix_")) {
                    ixPrefix++;
                } else if (name.endsWith("_idx")) {
                    idxSuffix++;
                }
            }
        }
        IndexNames names = idxPrefix > idxSuffix && idxPrefix >= ixPrefix ? new IndexNames("idx_", "")
                : ixPrefix > idxSuffix ? new IndexNames("ix_", "") : new IndexNames("", "_idx");
        names.taken.addAll(existing);
        return names;
    }

    /** A new name for an index on {@code table} named after these words (columns, a partial index's value). */
    String next(String table, List<String> words) {
        String base = (table + "_" + String.join("_", words)).replaceAll("[^A-Za-z0-9_]+", "_")
                .replaceAll("_+", "_").replaceAll("_$", "").toLowerCase(Locale.ROOT);
        String name = fit(base, "");
        for (int n = 2; !taken.add(name); n++) {
            name = fit(base, "_" + n);
        }
        return name;
    }

    private String fit(String base, String counter) {
        int room = MAX_BYTES - prefix.length() - suffix.length() - counter.length();
        String cut = base;
        while (cut.getBytes(StandardCharsets.UTF_8).length > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return prefix + cut + counter + suffix;
    }
}
