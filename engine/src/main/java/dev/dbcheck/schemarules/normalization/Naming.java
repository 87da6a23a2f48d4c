package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.schema.Column;

import java.util.Locale;
import java.util.Set;

/** How names relate in schema design: plural table names, key column stems, type families. */
final class Naming {

    private Naming() {
    }

    /** {@code customers} → {@code customer}, {@code categories} → {@code category}, {@code addresses} → {@code address}. */
    static String singular(String name) {
        return dev.dbcheck.schemarules.Words.singular(name);
    }

    /** A name without its {@code _id}: the role a key column names ({@code created_by_id} → created_by), else itself. */
    static String withoutIdSuffix(String snake) {
        return snake.endsWith("_id") ? snake.substring(0, snake.length() - 3) : snake;
    }

    /** The entity a key column names: {@code customer_id} → {@code customer}; null when it names none. */
    static String keyStem(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        if (c.endsWith("_id") && c.length() > 3) {
            return c.substring(0, c.length() - 3);
        }
        if (c.endsWith("id") && c.length() > 2 && !c.equals("id")) {
            return c.substring(0, c.length() - 2);
        }
        return null;
    }

    /**
     * The family a type belongs to, so that a copy in {@code varchar(255)} of a {@code text} attribute still
     * matches: string, integer, number, or the type itself.
     */
    static String family(Column column) {
        String t = column.typeName();
        String base = switch (t) {
            case "text", "varchar", "bpchar", "citext", "name" -> "string";
            case "int2", "int4", "int8" -> "integer";
            case "numeric", "float4", "float8", "money" -> "number";
            case "timestamp", "timestamptz" -> "timestamp";
            default -> t;
        };
        return column.array() ? base + "[]" : base;
    }

    /** {@code proc_inst} → {@code process_instance}: the abbreviations schemas use for the same words. */
    static String unabbreviated(String snake) {
        StringBuilder out = new StringBuilder();
        for (String word : snake.split("_")) {
            if (!out.isEmpty()) {
                out.append('_');
            }
            out.append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }

    private static final java.util.Map<String, String> ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry("proc", "process"), java.util.Map.entry("inst", "instance"),
            java.util.Map.entry("def", "definition"), java.util.Map.entry("exec", "execution"),
            java.util.Map.entry("srvc", "service"), java.util.Map.entry("svc", "service"),
            java.util.Map.entry("msg", "message"), java.util.Map.entry("cfg", "config"),
            java.util.Map.entry("usr", "user"), java.util.Map.entry("grp", "group"));

    /** Whether a table's rows are the application's users, who act on its other rows ({@code users}, {@code members}). */
    static boolean holdsUsers(dev.dbcheck.schema.Table table) {
        String last = lastWordSingular(table);
        return last.equals("user") || last.equals("member");
    }

    /** Whether a table's rows are people: its name's last word, singular, is one of theirs. */
    static boolean holdsPeople(dev.dbcheck.schema.Table table) {
        return PERSON_TABLES.contains(lastWordSingular(table));
    }

    /** A table name's last word after an underscore, lower case and singular: what its rows are. */
    private static String lastWordSingular(dev.dbcheck.schema.Table table) {
        String name = table.name().name().toLowerCase(java.util.Locale.ROOT);
        return singular(name.substring(name.lastIndexOf('_') + 1));
    }

    /** Table names (their last word, singular) that hold people. */
    private static final Set<String> PERSON_TABLES = Set.of(
            // not "client" (an OAuth client, a software client) nor "account" (a ledger, a tenant): too often no person
            "user", "customer", "person", "contact", "employee", "member", "patient",
            "student", "profile", "subscriber", "guest", "author", "buyer", "recipient", "applicant", "lead");
    /** A tenant scope key ({@code tenant_id}, {@code organizationId}, {@code tenant_id_}): copied into every table
     *  on purpose, for row-level security, sharding and partitioning. */
    static boolean isScopeKey(String column) {
        return SCOPE_KEY.matcher(dev.dbcheck.schemarules.Words.snake(column)).find();
    }

    private static final java.util.regex.Pattern SCOPE_KEY = java.util.regex.Pattern.compile(
            "(^|_)(tenant|org|organization|organisation|workspace|realm)_id$");

    /**
     * A key's role that names who did something to this very row ({@code added_by}, {@code upd_by},
     * {@code creator}, {@code approver}): each row's own fact, never determined by another row it references.
     */
    static boolean isActorRole(String role) {
        java.util.List<String> words = dev.dbcheck.schemarules.Words.of(role);
        if (words.isEmpty()) {
            return false;
        }
        for (String word : words) {
            if (ACTOR_WORDS.contains(word)) {
                return true;
            }
        }
        return ACTION_WORDS.contains(words.get(0));
    }

    private static final Set<String> ACTOR_WORDS = Set.of("by", "creator", "updater", "author", "editor", "modifier",
            "approver", "reviewer", "submitter", "uploader", "owner", "assignee", "reporter", "requester", "actor",
            "redeemer", "inviter", "invitee", "sender", "recipient");
    private static final Set<String> ACTION_WORDS = Set.of("added", "created", "updated", "modified", "deleted",
            "upd", "add", "last", "changed", "approved", "reviewed", "submitted", "start", "started", "end",
            "ended", "closed", "completed", "assigned", "claimed");

    /** Columns every kind of row has: they say nothing about two tables holding the same kind of thing. */
    private static final Set<String> COMMON_COLUMNS = Set.of("id", "name", "description", "created", "created_at",
            "updated_at", "last_updated", "modified", "comments", "custom_field_data", "rev", "tenant_id", "status",
            "version", "label", "type");

    /** A table's columns that say what it holds: not the ones every row has, nor bookkeeping (who and when). */
    private static Set<String> ownColumns(dev.dbcheck.schema.Table table) {
        Set<String> own = new java.util.HashSet<>();
        for (dev.dbcheck.schema.Column c : table.columns()) {
            String snake = dev.dbcheck.schemarules.Words.snake(c.name());
            java.util.List<String> words = dev.dbcheck.schemarules.Words.of(snake);
            if (!COMMON_COLUMNS.contains(snake) && !words.isEmpty() && !ACTION_WORDS.contains(words.get(0))
                    && !isActorRole(withoutIdSuffix(snake))) {
                own.add(snake);
            }
        }
        return own;
    }

    /**
     * Whether two tables hold the same kind of row (a front port and a rear port, a virtual machine and a device, a
     * partition and its table): four or more, and two thirds of the smaller one's, of their columns are the same.
     * Their like-named references are each one's own fact, never a copy of the other's. One test per run of a rule,
     * each table's own columns worked out once: a rule asks it for every pair of a table and a table it references.
     */
    static java.util.function.BiPredicate<dev.dbcheck.schema.Table, dev.dbcheck.schema.Table> sameKindOnce() {
        java.util.Map<dev.dbcheck.schema.Table, Set<String>> own = new java.util.IdentityHashMap<>();
        return (a, b) -> sameKind(own.computeIfAbsent(a, Naming::ownColumns), own.computeIfAbsent(b,
                Naming::ownColumns));
    }

    private static boolean sameKind(Set<String> x, Set<String> y) {
        Set<String> shared = new java.util.HashSet<>(x);
        shared.retainAll(y);
        // four or more of their own columns alike, and most of the smaller one's: a copied column or two
        // (customer_email) makes no sibling
        return shared.size() >= 4 && shared.size() * 3 >= Math.min(x.size(), y.size()) * 2;
    }

    /** Words that qualify a name rather than name an entity: {@code old_file_ext} is no "old"'s file_ext. */
    static final Set<String> QUALIFIERS = Set.of("old", "new", "original", "orig", "previous", "prev", "current",
            "from", "to", "src", "dst", "source", "target", "parent", "child", "created", "updated", "modified",
            "deleted", "added", "upd", "last", "first", "next", "default", "primary", "secondary");

    /** Tables that classify rows (a role, a type, a status): every entity has its own, none is another's copy. */
    static boolean classifies(String table) {
        java.util.List<String> words = dev.dbcheck.schemarules.Words.of(table);
        return !words.isEmpty() && CLASSIFIER_WORDS.contains(singular(words.get(words.size() - 1)));
    }

    private static final Set<String> CLASSIFIER_WORDS = Set.of("role", "type", "kind", "status", "category",
            "class", "level", "state", "tag", "label", "language", "locale", "currency", "priority", "severity",
            "platform", "manufacturer", "vendor", "color", "colour", "unit");

    /** Names that say what something is rather than what it is called: a copy of one of these is telling. */
    static final Set<String> DISTINCTIVE_ATTRIBUTES = Set.of(
            "email", "email_address", "phone", "phone_number", "mobile", "address", "street", "city", "postal_code",
            "zip", "zip_code", "sku", "ean", "isbn", "gtin", "upc", "iban", "vat_number", "username", "login",
            "handle", "slug", "first_name", "last_name", "full_name", "birth_date", "date_of_birth");
}
