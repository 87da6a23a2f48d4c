package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds columns of a table that repeat an attribute of a table it references: {@code orders.customer_email} beside
 * {@code orders.customer_id → customers.email}. Matched by name ({@code <entity>_<attribute>}, or the same name for
 * attributes that identify something: email, sku, ...), by type family, and through a foreign key.
 */
final class CopiedColumns {

    private CopiedColumns() {
    }

    /** Columns that may be copies: not part of a key or of a foreign key, not generated, not a snapshot. */
    static List<Column> candidates(Table table, String snapshotPattern) {
        Set<String> keyColumns = new HashSet<>();
        table.primaryKey().ifPresent(pk -> keyColumns.addAll(pk.columns()));
        for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
            keyColumns.addAll(fk.columns());
        }
        List<Column> candidates = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!keyColumns.contains(c.name()) && !c.generated() && !Snapshots.isSnapshot(c, snapshotPattern)) {
                candidates.add(c);
            }
        }
        return candidates;
    }

    /** The attribute of {@code parent} that {@code column} copies, if it looks like a copy of one. */
    static Optional<Column> sourceOf(Column column, Constraint fk, Table parent) {
        Set<String> prefixes = new HashSet<>();
        prefixes.add(Naming.singular(parent.name().name()));
        prefixes.add(parent.name().name().toLowerCase(Locale.ROOT));
        if (fk.columns().size() == 1 && Naming.keyStem(fk.columns().get(0)) != null) {
            prefixes.add(Naming.keyStem(fk.columns().get(0)));
        }
        Set<String> parentKey = new HashSet<>(parent.primaryKey().map(Constraint::columns).orElse(List.of()));
        String name = column.name().toLowerCase(Locale.ROOT);
        for (Column attribute : parent.columns()) {
            if (parentKey.contains(attribute.name()) || !Naming.family(attribute).equals(Naming.family(column))) {
                continue;
            }
            String a = attribute.name().toLowerCase(Locale.ROOT);
            boolean prefixed = prefixes.stream().anyMatch(p -> name.equals(p + "_" + a));
            boolean sameIdentifyingName = name.equals(a)
                    && (Naming.DISTINCTIVE_ATTRIBUTES.contains(a) || isUnique(parent, attribute.name()));
            if (prefixed || sameIdentifyingName) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    static boolean isUnique(Table table, String column) {
        for (Index index : table.indexes()) {
            if (index.unique() && !index.isPartial() && index.keys().size() == 1
                    && column.equals(index.keys().get(0).column())) {
                return true;
            }
        }
        return false;
    }

    /** True when the foreign key's columns are a proper part of a composite primary key. */
    static boolean isPartOfCompositeKey(Table table, Constraint fk) {
        return table.primaryKey().map(pk -> pk.columns().size() > fk.columns().size()
                && pk.columns().containsAll(fk.columns())).orElse(false);
    }
}
