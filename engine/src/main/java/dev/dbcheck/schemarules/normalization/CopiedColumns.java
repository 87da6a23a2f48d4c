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
import java.util.function.Function;
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.schema.ForeignKeyTarget;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schemarules.Scope;

/**
 * Finds columns of a table that repeat an attribute of a table it references: {@code orders.customer_email} beside
 * {@code orders.customer_id → customers.email}. Matched by name ({@code <entity>_<attribute>}, or the same name for
 * attributes that identify something: email, sku, ...), by type family, and through a foreign key.
 */
final class CopiedColumns {

    private CopiedColumns() {
    }

    /**
     * Columns that may be copies: not part of a key, a unique index or a foreign key, not generated, not a snapshot.
     * A column that is unique in its own table identifies that table's rows (its own slug, external id or URI), so
     * it cannot depend on a row it references, whatever its name.
     */
    static List<Column> candidates(Table table, String snapshotPattern) {
        Set<String> keyColumns = uniqueColumns(table);
        for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
            keyColumns.addAll(fk.columns());
        }
        List<Column> candidates = new ArrayList<>();
        if (Snapshots.recordsThePast(table)) {
            return List.of(); // a version or history row keeps the values as they were: its copies are its content
        }
        for (Column c : table.columns()) {
            // a leading underscore marks a cache the application keeps in step on purpose (Django's _site_id)
            if (!keyColumns.contains(c.name()) && !c.generated() && !c.name().startsWith("_")
                    && !Snapshots.isSnapshot(c, snapshotPattern)) {
                candidates.add(c);
            }
        }
        return candidates;
    }

    /**
     * Which attribute of {@code parent} a column copies, if it looks like a copy of one: the names that tell are
     * worked out once per foreign key, then asked of every candidate column (at hundreds of tables the per-column
     * recomputation was most of this rule's time).
     */
    static Function<Column, Optional<Column>> copiesOf(Constraint fk, Table parent) {
        Set<String> prefixes = rolePrefixes(fk, parent);
        Set<String> names = entityNames(fk, parent);
        boolean declared = fk.definition() != null || !fk.name().endsWith(IMPLIED);
        Set<String> parentKey = new HashSet<>(parent.primaryKey().map(Constraint::columns).orElse(List.of()));
        // an integer classifier is no copy's source (isIntegerCode): left out once per key, not asked per column
        List<Column> attributes = parent.columns().stream()
                .filter(a -> !parentKey.contains(a.name()) && !isIntegerCode(a)).toList();
        return column -> {
            String name = Words.snake(column.name());
            String family = Naming.family(column);
            for (Column attribute : attributes) {
                if (!Naming.family(attribute).equals(family)) {
                    continue;
                }
                String a = Words.snake(attribute.name());
                // <prefix>_<attribute>: the part before the attribute's name is one of the key's role prefixes
                int cut = name.length() - a.length() - 1;
                boolean prefixed = cut > 0 && name.endsWith(a) && name.charAt(cut) == '_'
                        && prefixes.contains(name.substring(0, cut));
                // the same name alone is no evidence: name, email, slug and uuid recur across unrelated entities;
                // the foreign key's role in the name (customer_email beside customer_id, user_name beside user_id →
                // users.user_name) is, and so are a comment saying so, the codes that only ever identify one kind
                // of thing (an order line's sku is its product's), and a key the referenced row holds (the feed_id
                // of an unread's entry is its feed)
                boolean sameName = name.equals(a) && (saysItIsCopied(column, parent)
                        || COPIED_CODES.contains(a) && isUnique(parent, attribute.name())
                        || names.stream().anyMatch(p -> name.startsWith(p + "_"))
                        || declared && isKeyName(a) && !isUnique(parent, attribute.name()) && !Naming.isScopeKey(a)
                        && !Naming.isActorRole(Naming.withoutIdSuffix(a))
                        && parent.column(attribute.name().replaceFirst("(?i)id(_?)$", "type$1")).isEmpty());
                // (reference_id beside reference_type is a polymorphic reference: each row's own)
                if (prefixed || sameName) {
                    return Optional.of(attribute);
                }
            }
            return Optional.empty();
        };
    }

    /** The last words of classifier columns: what a row is, its state, its level. */
    private static final Set<String> CLASSIFIERS = Set.of("type", "kind", "status", "state", "category", "level",
            "role", "mode");

    /**
     * A classifier held as a number ({@code group_type integer}): the codes mean what their own table says (a
     * zone's 1 is "admin", its group's 1 "internal"), so the same name on another table is no evidence of a copy.
     * An enum or a text value carries its vocabulary with it and is judged as any attribute.
     */
    private static boolean isIntegerCode(Column attribute) {
        List<String> words = Words.of(attribute.name());
        return "integer".equals(Naming.family(attribute)) && !words.isEmpty()
                && CLASSIFIERS.contains(words.get(words.size() - 1));
    }

    /** {@code feed_id}, {@code roomId}: a name that refers to another row. */
    static boolean isKeyName(String name) {
        List<String> words = Words.of(name);
        return words.size() >= 2 && words.get(words.size() - 1).equals("id");
    }

    /** Words too general to name what a table holds ({@code x_access_type_def}: access_type, not type). */
    private static final Set<String> GENERAL_WORDS = Set.of("x", "t", "ds", "tbl", "type", "def", "ref", "info",
            "data", "item", "map", "meta", "rel", "link", "act", "ru", "re", "hi", "ge", "id");

    /**
     * The words a column starts with when it describes the row this key references: the key's stem and its leading
     * words ({@code resource_def_id}: resource_def, resource), the referenced table's singular name, and runs of its
     * words ({@code x_access_type_def}: access_type, access).
     */
    private static Set<String> rolePrefixes(Constraint fk, Table parent) {
        Set<String> prefixes = new HashSet<>();
        String table = Words.snake(parent.name().name());
        if (fk.columns().size() == 1 && Naming.keyStem(Words.snake(fk.columns().get(0))) != null) {
            List<String> stem = Words.of(Naming.keyStem(Words.snake(fk.columns().get(0))));
            for (int end = stem.size(); end >= 1; end--) {
                prefixes.add(String.join("_", stem.subList(0, end)));
            }
        }
        List<String> words = Words.of(Naming.singular(table));
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 1; to <= words.size(); to++) {
                List<String> run = words.subList(from, to);
                // access_type of x_access_type_def; not type alone, not x_access
                if (!run.stream().allMatch(GENERAL_WORDS::contains) && !GENERAL_WORDS.contains(run.get(0))) {
                    prefixes.add(String.join("_", run));
                }
            }
        }
        // parts of names: old_media_asset_id's "old" qualifies, it names nothing
        prefixes.removeIf(p -> p.isEmpty() || GENERAL_WORDS.contains(p) || Naming.QUALIFIERS.contains(p));
        prefixes.addAll(entityNames(fk, parent));
        return prefixes;
    }

    /** The names of the row a key references, whole: the referenced table's (singular, plural) and the key's stem
     *  ({@code user_id}: user). Only these make a same-named column ({@code user_name} beside users.user_name) a copy. */
    private static Set<String> entityNames(Constraint fk, Table parent) {
        Set<String> names = new HashSet<>();
        String table = Words.snake(parent.name().name());
        names.add(Naming.singular(table));
        names.add(table);
        if (fk.columns().size() == 1 && Naming.keyStem(Words.snake(fk.columns().get(0))) != null) {
            names.add(Naming.keyStem(Words.snake(fk.columns().get(0))));
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    /** The name suffix of a reference read from column names alone. */
    static final String IMPLIED = " (no foreign key declared)";

    /**
     * References without a declared foreign key: {@code repo_id} beside a table {@code repos}
     * ({@code workflow_instance_id} beside {@code t_ds_workflow_instance}) whose key is one column, when exactly one
     * table fits the name. Many schemas (and every one generated for MySQL first) declare none.
     */
    static List<Constraint> impliedReferences(SchemaSnapshot schema, Table table) {
        Set<String> declared = new HashSet<>();
        table.constraints(ConstraintType.FOREIGN_KEY).forEach(fk -> declared.addAll(fk.columns()));
        List<Constraint> implied = new ArrayList<>();
        for (Column column : table.columns()) {
            String snake = Words.snake(column.name());
            if (declared.contains(column.name()) || !snake.endsWith("_id") || column.array()) {
                continue;
            }
            Table target = Scope.tableNamed(schema, snake.substring(0, snake.length() - 3), table).orElse(null);
            if (target == null || target.primaryKey().map(pk -> pk.columns().size() != 1).orElse(true)) {
                continue;
            }
            implied.add(new Constraint(column.name() + IMPLIED, ConstraintType.FOREIGN_KEY,
                    List.of(column.name()), null, true, false,
                    new ForeignKeyTarget(target.name(), target.primaryKey().orElseThrow().columns(), null, null),
                    null, null));
        }
        return implied;
    }

    /** The columns of the primary key and of every unique index (partial ones too: unique where they apply). */
    static Set<String> uniqueColumns(Table table) {
        Set<String> columns = new HashSet<>();
        table.primaryKey().ifPresent(pk -> columns.addAll(pk.columns()));
        for (Index index : table.indexes()) {
            if (index.unique()) {
                index.keys().forEach(k -> {
                    if (k.column() != null) {
                        columns.add(k.column());
                    }
                });
            }
        }
        return columns;
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

    /** Codes that name one kind of thing wherever they appear: the product's sku, the book's isbn, the bank account's iban. */
    private static final Set<String> COPIED_CODES = Set.of("sku", "ean", "isbn", "gtin", "upc", "iban", "vat_number");

    /** A column comment that says the column repeats the parent's ("copied from customers", "denormalized"). */
    private static boolean saysItIsCopied(Column column, Table parent) {
        if (column.comment() == null) {
            return false;
        }
        String comment = column.comment().toLowerCase(Locale.ROOT);
        return comment.matches("(?s).*\\b(cop(y|ied)|denormali[sz]ed|duplicated?|cached?|mirror(s|ed)?)\\b.*")
                && (comment.contains(parent.name().name().toLowerCase(Locale.ROOT))
                || comment.contains(Naming.singular(parent.name().name())));
    }

    /** True when the foreign key's columns are a proper part of a composite primary key. */
    static boolean isPartOfCompositeKey(Table table, Constraint fk) {
        return table.primaryKey().map(pk -> pk.columns().size() > fk.columns().size()
                && pk.columns().containsAll(fk.columns())).orElse(false);
    }
}
