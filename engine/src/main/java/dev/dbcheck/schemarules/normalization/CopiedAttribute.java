package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.QualifiedName;
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
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

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
                    + "dbcheck:snapshot, and the snapshotPattern option. Where the migrated database holds real "
                    + "rows (seed or reference data), a suspected copy that most of them contradict is not reported. "
                    + "Rows that record what happened (history, log and event tables) keep values as they were: "
                    + "there only copied references count, and the user an event names is who acted.",
            List.of(RuleOption.regex(Snapshots.OPTION, "Regular expression for column names that are deliberate "
                    + "snapshots (matched case-insensitively).", Snapshots.DEFAULT_PATTERN)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** Real rows, where there are any: a suspected copy that most rows contradict is none. */
    @Override
    public Set<Input<?>> uses() {
        return Set.of(Evidence.ROWS);
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        check(evidence.schema(), evidence.find(Evidence.ROWS).orElse(SampledData.NONE), context);
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        check(schema, SampledData.NONE, context);
    }

    private static void check(SchemaSnapshot schema, SampledData rows, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        BiPredicate<Table, Table> sameKind = Naming.sameKindOnce();
        for (Table table : Scope.designedTables(schema)) {
            Set<String> reported = new HashSet<>();
            List<Column> candidates = CopiedColumns.candidates(table, snapshotPattern);
            boolean recordsAsItWas = Snapshots.recordsThePast(table) || Snapshots.recordsEvents(table);
            if (recordsAsItWas) {
                // a log's or an event's attributes are the values as they were when it was written; its keys
                // (the run an event belongs to) still depend on the other key that decides them
                candidates = candidates.stream().filter(c -> CopiedColumns.isKeyName(c.name())).toList();
            }
            List<Constraint> references = new ArrayList<>(table.constraints(ConstraintType.FOREIGN_KEY));
            references.addAll(CopiedColumns.impliedReferences(schema, table));
            for (Constraint fk : references) {
                if (fk.inherited() || CopiedColumns.isPartOfCompositeKey(table, fk)) {
                    continue; // a key part's copies are partial-key-dependency's (2NF)
                }
                Table parent = schema.table(fk.references().table()).orElse(null);
                if (parent == null || parent.name().equals(table.name())
                        || setsNullOnDelete(fk) || sameKind.test(table, parent)) {
                    continue; // the row outlives the other one, or is a sibling of its kind with facts of its own
                }
                Function<Column, Optional<Column>> sourceOf = CopiedColumns.copiesOf(fk, parent);
                Set<String> parentReferences = recordsAsItWas ? references(schema, parent) : Set.of();
                for (Column column : candidates) {
                    if (fk.columns().contains(column.name())) {
                        continue; // the reference itself (read from its name: it is no candidate's key)
                    }
                    Optional<Column> source = sourceOf.apply(column);
                    if (recordsAsItWas && source.isPresent() && !parentReferences.contains(source.get().name())) {
                        // only named like a key: the other row's plain identifier (the browser session it was
                        // seen in) is, in an event, the value as it was when the event happened
                        continue;
                    }
                    if (source.isPresent() && !RowAgreement.contradicts(rows, table, fk.columns(), parent,
                            fk.references().columns(), List.of(column.name()), List.of(source.get().name()))
                            && reported.add(column.name())) {
                        reportCopy(table, column, fk, parent, source.get(), context);
                    }
                }
            }
            keysReachedThroughAnotherKey(schema, rows, table, reported, sameKind, context);
            embeddedEntities(schema, table, candidates, reported, context);
        }
    }

    /**
     * A foreign key the row already reaches through another one: {@code invoice_lines.customer_id → customers} while
     * {@code invoice_lines.invoice_id → invoices} and {@code invoices.customer_id → customers}. The invoice decides
     * the customer, so the line's copy depends on invoice_id, not on the line's key, and can name another customer.
     * Also through composite keys and when the copy references another unique key of the same table
     * ({@code account_ref → accounts.external_ref}). Left alone: key and unique columns, columns shared with the
     * other key (a composite key that enforces the copy is consistent), tenant scope keys, tables under row-level
     * security, rows that can exist without the other key (it is nullable, the copy is not; or the row outlives the
     * other row, ON DELETE SET NULL, and is deleted with the copy's, ON DELETE CASCADE), and a copy of the other
     * row's cache (a column with a leading underscore is derived there too).
     */
    private static void keysReachedThroughAnotherKey(SchemaSnapshot schema, SampledData rows, Table table,
                                                     Set<String> reported,
                                                     BiPredicate<Table, Table> sameKind, RuleContext context) {
        Set<String> unique = CopiedColumns.uniqueColumns(table);
        if (table.rowSecurity() || Snapshots.recordsThePast(table)) {
            return;
        }
        for (Constraint copy : table.constraints(ConstraintType.FOREIGN_KEY)) {
            QualifiedName target = copy.references().table();
            boolean copyRequired = copy.columns().stream().allMatch(c -> table.column(c).map(Column::notNull)
                    .orElse(false));
            if (copy.inherited() || copy.columns().stream().anyMatch(unique::contains)
                    || copy.columns().stream().anyMatch(Naming::isScopeKey)
                    || copy.columns().stream().anyMatch(c -> c.startsWith("_")) // a cache kept on purpose
                    || Naming.isActorRole(role(copy, target)) || Naming.classifies(target.name())
                    || target.equals(table.name())
                    || copy.columns().stream().anyMatch(reported::contains)
                    // the user in a row recording what happened is who did it, whoever the other row names (the
                    // user who tracked time on a subtask, not the subtask's assignee); a customer there is still
                    // the shipment's
                    || Snapshots.recordsEvents(table) && schema.table(target).map(Naming::holdsUsers).orElse(false)) {
                continue;
            }
            Optional<Constraint> twin = table.constraints(ConstraintType.FOREIGN_KEY).stream()
                    .filter(other -> other != copy && !other.inherited() && other.references().table().equals(target)
                            && !other.columns().equals(copy.columns()) && copy.columns().size() == 1
                            && role(other, target).equals(role(copy, target))
                            && !other.references().columns().equals(copy.references().columns()))
                    .findFirst();
            if (twin.isPresent() && isSecondKey(copy, schema)) {
                reportTwin(table, copy, twin.get(), context);
                reported.addAll(copy.columns());
                continue;
            }
            List<Reach> reaches = new ArrayList<>();
            for (Constraint through : table.constraints(ConstraintType.FOREIGN_KEY)) {
                // through the same table only in another role: a task's process instance is its execution's
                // process instance (both act_ru_execution), its execution itself is no copy
                boolean sameTarget = through.references().table().equals(target);
                if (through == copy || through.inherited()
                        || Naming.isActorRole(role(through, through.references().table()))
                        || through.columns().stream().anyMatch(copy.columns()::contains)
                        || sameTarget && (role(copy, target).isEmpty() || !role(through, target).isEmpty())
                        || through.references().table().equals(table.name())) {
                    continue;
                }
                // ON DELETE SET NULL: the row outlives the other one and must keep its own
                boolean throughOptional = setsNullOnDelete(through)
                        || through.columns().stream().anyMatch(c -> !table.column(c).map(Column::notNull)
                        .orElse(false));
                if (copyRequired && throughOptional) {
                    continue; // a row without the other key still needs its own
                }
                if (setsNullOnDelete(through) && "CASCADE".equalsIgnoreCase(copy.references().onDelete())) {
                    continue; // deleted with the copy's row, outliving the other one: the reference is its own
                }
                Table parent = schema.table(through.references().table()).orElse(null);
                if (parent == null || sameKind.test(table, parent)) {
                    continue; // a front port's cable is not its rear port's: siblings have facts of their own
                }
                Optional<Constraint> parentKey = parent.constraints(ConstraintType.FOREIGN_KEY).stream()
                        .filter(fk -> fk.references().table().equals(target) && fk != through)
                        .filter(fk -> role(fk, target).equals(role(copy, target)))
                        .findFirst();
                if (parentKey.isEmpty() && !sameTarget && copy.columns().size() == 1
                        && parent.column(copy.columns().get(0)).isPresent()
                        && !parent.constraints(ConstraintType.FOREIGN_KEY).stream()
                        .anyMatch(fk -> fk.columns().contains(copy.columns().get(0)))) {
                    // the parent holds the same key without declaring it (synapse's events.room_id); unless the
                    // copy is declared ON DELETE SET NULL: deleting its row nulls the copy and leaves the other
                    // row's undeclared key as it is, so the two are meant to differ (a waitpoint's batch)
                    if (setsNullOnDelete(copy)) {
                        continue;
                    }
                    parentKey = Optional.of(new Constraint(copy.columns().get(0), ConstraintType.FOREIGN_KEY,
                            copy.columns(), null, true, false, copy.references(), null, null));
                }
                if (parentKey.isEmpty()
                        // the other row's column is a cache itself (netbox's cluster._site_id): no fact to repeat
                        || parentKey.get().columns().stream().anyMatch(c -> c.startsWith("_"))
                        // most real rows name another row than the other key's: a reference of its own
                        || RowAgreement.contradicts(rows, table, through.columns(), parent,
                        through.references().columns(), copy.columns(), parentKey.get().columns())) {
                    continue;
                }
                reaches.add(new Reach(through, parent, parentKey.get()));
            }
            if (!reaches.isEmpty() && !offeredByUnrelatedRows(reaches)) {
                Reach first = reaches.get(0);
                reportKeyCopy(table, copy, first.through(), first.parent(), first.parentKey(), context);
                reported.addAll(copy.columns());
            }
        }
    }

    /**
     * The columns of a table that reference other rows: its foreign keys, and the columns named after a table whose
     * key has their type (synapse's undeclared {@code events.room_id}, text like {@code rooms.room_id}), not those
     * named so that no key of such a table fits (danbooru's {@code login_sessions.session_id}, a uuid beside the
     * sessions tables' bigint ids).
     */
    private static Set<String> references(SchemaSnapshot schema, Table table) {
        Set<String> columns = new HashSet<>();
        table.constraints(ConstraintType.FOREIGN_KEY).forEach(fk -> columns.addAll(fk.columns()));
        for (Column column : table.columns()) {
            String snake = Words.snake(column.name());
            if (columns.contains(column.name()) || !snake.endsWith("_id") || column.array()) {
                continue;
            }
            for (Table named : Scope.tablesNamed(schema, Naming.withoutIdSuffix(snake))) {
                if (named != table && named.primaryKey().filter(pk -> pk.columns().size() == 1)
                        .flatMap(pk -> named.column(pk.columns().get(0)))
                        .map(key -> Naming.family(key).equals(Naming.family(column))).orElse(false)) {
                    columns.add(column.name());
                    break;
                }
            }
        }
        return columns;
    }

    /** The other key the row reaches the copy's row through, the row it reaches and that row's own reference. */
    private record Reach(Constraint through, Table parent, Constraint parentKey) {
    }

    /**
     * Two rows that have nothing to do with each other both may offer the reference (a device's platform and its
     * role each name a default config template, or none): the row's own is a choice between them or an override,
     * not a copy of either. Rows on one chain (the line's invoice and its shipment of that invoice) agree by
     * design, and so do rows that must each name one (a task's column and its swimlane are in its project).
     */
    private static boolean offeredByUnrelatedRows(List<Reach> reaches) {
        for (Reach a : reaches) {
            for (Reach b : reaches) {
                if (!a.parent().name().equals(b.parent().name()) && optional(a) && optional(b)
                        && !references(a.parent(), b.parent()) && !references(b.parent(), a.parent())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The other row may have no reference of its own (a default it may or may not name). */
    private static boolean optional(Reach reach) {
        return reach.parentKey().columns().stream()
                .anyMatch(c -> !reach.parent().column(c).map(Column::notNull).orElse(false));
    }

    /** ON DELETE SET NULL: the row outlives the row this key references. */
    private static boolean setsNullOnDelete(Constraint fk) {
        return "SET NULL".equalsIgnoreCase(fk.references().onDelete());
    }

    private static boolean references(Table from, Table to) {
        return from.constraints(ConstraintType.FOREIGN_KEY).stream()
                .anyMatch(fk -> fk.references().table().equals(to.name()));
    }

    /**
     * What a foreign key's row is to this one: {@code uploader_id → users} is the uploader, {@code creator_id} the
     * creator; {@code user_id}, {@code customer_ref} and {@code topic_id → forum_topics} are plainly "the" row of
     * that table (an empty role). A comment's creator and its post's uploader are different users: only the same
     * role is a copy.
     */
    private static final Pattern KEY_SUFFIX = Pattern.compile("_(id|uuid|ref|key|code|no|number|name)$");

    private static String role(Constraint fk, QualifiedName target) {
        if (fk.columns().size() != 1) {
            return String.join(",", fk.columns());
        }
        String stem = Naming.unabbreviated(KEY_SUFFIX.matcher(Words.snake(fk.columns().get(0))).replaceFirst(""));
        String table = Naming.unabbreviated(Words.snake(target.name()));
        String entity = Naming.singular(table);
        boolean plain = stem.equals(entity) || stem.equals(table) || entity.endsWith("_" + stem);
        return plain ? "" : stem;
    }

    /** The copy references the row by another unique key than the twin does (by name, not by id). */
    /** {@code ALTER TABLE t DROP COLUMN a, DROP COLUMN b}: a composite copy goes in one statement. */
    private static String dropColumns(Table table, List<String> columns) {
        StringBuilder drop = new StringBuilder("ALTER TABLE " + table.name());
        for (int i = 0; i < columns.size(); i++) {
            drop.append(i == 0 ? " " : ", ").append("DROP COLUMN ").append(Identifiers.quote(columns.get(i)));
        }
        return drop.toString();
    }

    private static boolean isSecondKey(Constraint copy, SchemaSnapshot schema) {
        return schema.table(copy.references().table()).flatMap(Table::primaryKey)
                .map(pk -> !pk.columns().equals(copy.references().columns())).orElse(false);
    }

    private static void reportTwin(Table table, Constraint copy, Constraint twin, RuleContext context) {
        String copied = Identifiers.columnList(copy.columns());
        String by = Identifiers.columnList(twin.columns());
        String target = copy.references().table().toString();
        String drop = dropColumns(table, copy.columns());
        context.report(DbObject.column(table.name(), copy.columns().get(0)),
                "3NF: " + table.name() + "." + copied + " references the same row of " + target + " as " + by
                        + " does, by another key (" + Identifiers.columnList(copy.references().columns()) + "): it "
                        + "depends on " + by + ", and nothing keeps the two references on one row.",
                Fix.sql(drop + "; -- join " + target + " through " + by + " for it"));
    }

    private static void reportKeyCopy(Table table, Constraint copy, Constraint through, Table parent,
                                      Constraint parentKey, RuleContext context) {
        String copied = Identifiers.columnList(copy.columns());
        String via = Identifiers.columnList(through.columns());
        String target = copy.references().table().toString();
        String drop = dropColumns(table, copy.columns());
        context.report(DbObject.column(table.name(), copy.columns().get(0)),
                "3NF: " + table.name() + "." + copied + " references " + target + ", which the row already reaches "
                        + "through " + via + " (" + parent.name() + "." + Identifiers.columnList(parentKey.columns())
                        + " references " + target + "): " + copied + " depends on " + via + ", not on the key, and "
                        + "nothing keeps the two from naming different rows of " + target + ".",
                Fix.sql(drop + "; -- join " + parent.name() + " through " + via + " instead; or, to keep it for "
                        + "an index, make the two agree with a composite foreign key (" + via + ", " + copied
                        + ") REFERENCES " + parent.name()));
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
            // translated_title is a kind of title, not a "translated"; alert_state in alert_history is the
            // table's own subject
            boolean qualifier = NOT_ENTITIES.contains(prefix) || prefix.endsWith("ed")
                    || Words.of(table.name().name()).contains(prefix);
            if (DESCRIPTIVE.contains(attribute) && !prefix.equals(self) && !qualifier) {
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
