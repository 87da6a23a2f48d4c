package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 3NF, transitive dependency: a non-key column that repeats an attribute of a table the row references
 * ({@code orders.customer_email} beside {@code orders.customer_id → customers.email}); and, without a foreign key,
 * a group of columns that describe another entity ({@code customer_name, customer_email, customer_address} in
 * {@code orders}). Deliberate snapshots are recognised and left alone.
 */
public final class CopiedAttribute implements SchemaRule {

    /** Attribute names that describe an entity (a person, a company, a product), for the embedded-entity evidence. */
    private static final Set<String> DESCRIPTIVE = Set.of(
            "name", "email", "phone", "address", "city", "street", "zip", "zip_code", "postal_code", "country",
            "first_name", "last_name", "full_name", "title", "description", "sku", "label", "birth_date",
            "company", "website", "vat_number", "mobile", "region", "state");

    /** Prefixes that qualify a column rather than name an entity. */
    private static final Set<String> NOT_ENTITIES = Set.of(
            "created", "updated", "deleted", "modified", "last", "first", "is", "has", "min", "max", "total",
            "avg", "num", "count", "start", "end", "valid", "old", "new", "previous", "next", "display", "legal",
            "short", "long", "full", "home", "work", "primary", "secondary", "default", "alt", "internal",
            "external", "public", "private", "original", "current");

    public static final RuleMetadata METADATA = new RuleMetadata(
            "copied-attribute",
            Category.NORMALIZATION,
            Severity.WARNING,
            "3NF: a column repeating an attribute of a referenced table (orders.customer_email beside customer_id), "
                    + "or columns describing another entity.",
            "Third normal form: a non-key column depends on the key and nothing else. orders.customer_email "
                    + "depends on the customer, not on the order: every order repeats it, a changed email must be "
                    + "written to all of them or the copies disagree (update anomaly), and the customer's data "
                    + "cannot exist without an order. Reference the owning row instead. Deliberate snapshots — a "
                    + "price or an address captured at order time — are not violations: dbcheck recognises the "
                    + "usual names (unit_price, *_at_order, *_snapshot, shipping_*), a column comment containing "
                    + "dbcheck:snapshot, and the snapshotPattern option.",
            List.of(RuleOption.regex(Snapshots.OPTION, "Regular expression for column names that are deliberate "
                    + "snapshots (matched case-insensitively).", Snapshots.DEFAULT_PATTERN)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        for (Table table : Scope.designedTables(schema)) {
            Set<String> reported = new HashSet<>();
            List<Column> candidates = CopiedColumns.candidates(table, snapshotPattern);
            for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.inherited() || CopiedColumns.isPartOfCompositeKey(table, fk)) {
                    continue; // a key part's copies are partial-key-dependency's (2NF)
                }
                Table parent = schema.table(fk.references().table()).orElse(null);
                if (parent == null || parent.name().equals(table.name())) {
                    continue;
                }
                for (Column column : candidates) {
                    Optional<Column> source = CopiedColumns.sourceOf(column, fk, parent);
                    if (source.isPresent() && reported.add(column.name())) {
                        reportCopy(table, column, fk, parent, source.get(), context);
                    }
                }
            }
            embeddedEntities(schema, table, candidates, reported, context);
        }
    }

    private static void reportCopy(Table table, Column column, Constraint fk, Table parent, Column source,
                                   RuleContext context) {
        String col = Identifiers.quote(column.name());
        String via = Identifiers.columnList(fk.columns());
        context.report(DbObject.column(table.name(), column.name()),
                "3NF: " + table.name() + "." + col + " repeats " + parent.name() + "."
                        + Identifiers.quote(source.name()) + ", which the row already reaches through " + via
                        + ": it depends on " + via + ", not on the key, so every row for the same " + via
                        + " carries a copy that can go stale.",
                Fix.sql("ALTER TABLE " + table.name() + " DROP COLUMN " + col + "; -- join " + parent.name()
                        + " through " + via + " instead; " + Snapshots.howToMark(table.name().toString(), col)));
    }

    /** Two or more columns named after another entity ({@code customer_name, customer_email}) with no reference to it. */
    private static void embeddedEntities(SchemaSnapshot schema, Table table, List<Column> candidates,
                                         Set<String> reported, RuleContext context) {
        String self = Naming.singular(table.name().name());
        Map<String, List<Column>> byPrefix = new LinkedHashMap<>();
        for (Column column : candidates) {
            String name = column.name().toLowerCase(Locale.ROOT);
            int underscore = name.indexOf('_');
            if (underscore <= 0 || reported.contains(column.name())) {
                continue;
            }
            String prefix = name.substring(0, underscore);
            String attribute = name.substring(underscore + 1);
            if (DESCRIPTIVE.contains(attribute) && !prefix.equals(self) && !NOT_ENTITIES.contains(prefix)) {
                byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(column);
            }
        }
        for (Map.Entry<String, List<Column>> group : byPrefix.entrySet()) {
            String entity = group.getKey();
            List<Column> columns = group.getValue();
            if (columns.size() < 2 || referencesEntity(table, entity)) {
                continue;
            }
            String names = String.join(", ", columns.stream().map(c -> Identifiers.quote(c.name())).toList());
            Optional<Table> existing = schema.tables().stream()
                    .filter(t -> Naming.singular(t.name().name()).equals(entity)).findFirst();
            String plural = existing.map(t -> t.name().toString()).orElse(entity + "s");
            context.report(DbObject.column(table.name(), columns.get(0).name()),
                    "3NF: " + names + " in " + table.name() + " describe " + article(entity) + " " + entity
                            + ", not " + article(self) + " " + self + ": they depend on which " + entity + " it is, so each of the " + entity
                            + "'s rows repeats them"
                            + (existing.isPresent() ? ", although " + plural + " exists and is not referenced." : "."),
                    Fix.advice((existing.isPresent() ? "" : "create a table " + plural + " for them; ")
                            + "reference it from " + table.name() + " (" + entity + "_id REFERENCES " + plural
                            + "), then drop " + names + "; "
                            + Snapshots.howToMark(table.name().toString(), Identifiers.quote(columns.get(0).name()))));
        }
    }

    private static String article(String noun) {
        return !noun.isEmpty() && "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static boolean referencesEntity(Table table, String entity) {
        return table.constraints(ConstraintType.FOREIGN_KEY).stream()
                .anyMatch(fk -> Naming.singular(fk.references().table().name()).equals(entity)
                        || fk.columns().stream().anyMatch(c -> entity.equals(Naming.keyStem(c))));
    }
}
