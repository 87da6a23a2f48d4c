package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.sample.SampledData;
import dev.dbcheck.sample.TableSample;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Scope;
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 1NF: a column holding a list. Schema evidence: an array of identifiers ({@code product_ids uuid[]}), which no
 * foreign key can protect. Data evidence, where rows exist: a text column whose values are delimiter-separated
 * lists of recurring items ({@code 'Laptop,Mouse,Keyboard'}).
 */
public final class ListValuedColumn implements SchemaRule {

    private static final Set<String> ID_TYPES = Set.of("uuid", "int2", "int4", "int8");
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "citext", "bpchar");
    /** Free text, where commas are punctuation rather than separators. */
    private static final Pattern PROSE = Pattern.compile("(^|_)(description|desc|note|notes|comment|comments"
            + "|remark|remarks|body|text|message|summary|bio|about|content|title|subject|address|street|details"
            + "|instructions|reason|query|sql|html|markdown|url|path|name|label|caption|headline|answer"
            + "|question|feedback|review|signature)$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^-?\\d+,\\d{1,4}$");
    private static final char[] DELIMITERS = {',', ';', '|'};
    /** The delimiters as split patterns, compiled once (a quoted pattern per value was most of this rule's time). */
    private static final Pattern[] SPLIT = new Pattern[DELIMITERS.length];

    static {
        for (int i = 0; i < DELIMITERS.length; i++) {
            SPLIT[i] = Pattern.compile(Pattern.quote(String.valueOf(DELIMITERS[i])));
        }
    }

    public static final RuleMetadata METADATA = new RuleMetadata(
            "list-valued-column",
            Category.NORMALIZATION,
            Severity.WARNING,
            "1NF: a column holding a list: an array of ids, or delimiter-separated values ('Laptop,Mouse,Keyboard').",
            "A list in one column is not atomic: no foreign key can check its elements, no index finds the rows "
                    + "holding one item (without special operators), counting or joining items means parsing "
                    + "strings, and changing one item rewrites the whole value. First normal form puts each item "
                    + "in its own row of a child table. Text lists are found in real rows only (reference data or "
                    + "sample data). An array of another system's ids beside the row's own one (an OAuth "
                    + "provider's client_id and acceptable_client_ids) is an allow-list, not references.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** Real rows, where the migrated database has any: the run reads them while the schema-only rules run. */
    @Override
    public Set<Input<?>> uses() {
        return Set.of(Evidence.ROWS);
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        // tables by the entity they hold, first one wins: looked up for every array column
        java.util.Map<String, Table> byEntity = new java.util.HashMap<>();
        for (Table t : schema.tables()) {
            byEntity.putIfAbsent(Naming.singular(t.name().name()), t);
        }
        for (Table table : Scope.designedTables(schema)) {
            if (Snapshots.recordsThePast(table)) {
                continue; // a version row keeps the list as it was then: that is its content
            }
            for (Column column : table.columns()) {
                String name = Words.snake(column.name());
                String stem = idStem(name);
                if (column.array() && (ID_TYPES.contains(column.typeName()) || stem != null)) {
                    reportArray(table, column, name, stem, byEntity, context);
                } else if (!column.array() && (TEXT_TYPES.contains(column.typeName())
                        || column.typeName().equals("json") || column.typeName().equals("jsonb"))) {
                    String items = listName(name, stem, column);
                    if (items != null) {
                        reportText(table, column, items, context);
                    }
                }
            }
        }
    }

    /** Plural names of text columns that hold one thing of many parts, not a list: a settings blob, prose. */
    private static final Set<String> NOT_LISTS = Set.of("settings", "options", "properties", "attributes", "params",
            "parameters", "extras", "credentials", "headers", "details", "contents", "notes", "comments", "remarks",
            "instructions", "metrics", "stats", "statistics", "results", "status", "news", "series", "analytics",
            "specs", "preferences", "prefs", "args", "arguments", "variables", "vars", "env", "labels_json",
            "coordinates", "bounds", "dimensions", "totals", "counts", "errors", "logs", "address", "access");

    /**
     * What a text (or JSON) column's name says it lists: {@code resource_ids} and {@code addr_list} always, plural
     * names ({@code redirect_uris}, {@code keywords}) when the column is text rather than a document. Null when the
     * name is no list's.
     */
    /** What an ids name lists: {@code resource_ids} and {@code resource_id_list} → resource; null otherwise. */
    private static String idStem(String snake) {
        return snake.endsWith("_ids") ? snake.substring(0, snake.length() - 4)
                : snake.endsWith("_id_list") ? snake.substring(0, snake.length() - 8) : null;
    }

    private static String listName(String name, String stem, Column column) {
        if (stem != null) {
            return stem + " ids";
        }
        if (name.endsWith("_list") && name.length() > 5) {
            return name.substring(0, name.length() - 5) + " items";
        }
        List<String> words = Words.of(name);
        if (words.isEmpty() || !TEXT_TYPES.contains(column.typeName())) {
            return null; // a JSON document named in the plural is a document
        }
        String last = words.get(words.size() - 1);
        // uris: the one plural Naming.singular keeps as it is (it keeps analysis and basis)
        String item = last.endsWith("ris") ? last.substring(0, last.length() - 1) : Naming.singular(last);
        boolean plural = last.length() > 3 && last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us")
                && !item.equals(last);
        // (no prose test: "labels" and "privilege_names" are lists of labels and names, not a label or a name)
        if (!plural || NOT_LISTS.contains(last) || NOT_LISTS.contains(name) || !ITEM_WORDS.contains(item)) {
            return null;
        }
        return name.replace('_', ' ');
    }

    /**
     * The things lists are made of: a text column named in their plural ({@code redirect_uris}, {@code tags},
     * {@code grant_types}) holds several; other plurals ({@code filters}, {@code columns}, {@code actions}) name a
     * document as often as a list.
     */
    private static final Set<String> ITEM_WORDS = Set.of("uri", "url", "ip", "email", "host", "hostname", "tag",
            "label", "keyword", "scope", "role", "type", "name", "code", "domain", "origin", "server", "user",
            "group", "permission", "privilege", "topic", "channel", "recipient", "category", "audience");

    private static void reportText(Table table, Column column, String items, RuleContext context) {
        String col = Identifiers.quote(column.name());
        String parent = Naming.singular(table.name().name());
        String item = Naming.singular(Words.snake(column.name()).replaceFirst("_(ids|id_list|list)$", ""));
        context.report(DbObject.column(table.name(), column.name()),
                "1NF: " + table.name() + "." + col + " is one " + column.type() + " value named as a list of "
                        + items + ": the items are joined into a string, so no constraint checks them, no index "
                        + "finds the rows holding one, and changing one rewrites the whole value.",
                Fix.advice("a child table " + Identifiers.quote(parent + "_" + item + "s") + " (" + parent
                        + "_id REFERENCES " + table.name() + ", " + item + " text NOT NULL, PRIMARY KEY (" + parent
                        + "_id, " + item + ")); then split the values into it (string_to_table) and drop " + col));
    }

    private static void reportArray(Table table, Column column, String name, String stem,
                                     java.util.Map<String, Table> byEntity, RuleContext context) {
        String entity = stem != null ? stem : Naming.singular(name);
        Optional<Table> target = Optional.ofNullable(byEntity.get(entity));
        if (stem == null && target.isEmpty()) {
            return; // an array of numbers that names nothing (scores, dimensions)
        }
        if (stem != null && target.isEmpty() && holdsOwnIdentifier(table, column, stem)) {
            return; // more of the row's own identifiers, not references
        }
        String col = Identifiers.quote(column.name());
        String parent = Naming.singular(table.name().name());
        String link = Identifiers.quote(parent + "_" + entity + "s");
        context.report(DbObject.column(table.name(), column.name()),
                "1NF: " + table.name() + "." + col + " is an array of " + entity + " ids ("
                        + column.type() + ")" + target.map(t -> " referencing " + t.name()).orElse("")
                        + ": no foreign key checks its elements, deleting a " + entity + " leaves dangling "
                        + "ids, and finding the rows that hold one id needs a scan or a GIN index.",
                Fix.advice("a link table " + link + " (" + parent + "_id REFERENCES " + table.name()
                        + ", " + entity + "_id " + column.typeName() + " REFERENCES "
                        + target.map(t -> t.name().toString()).orElse(entity + "s")
                        + ", PRIMARY KEY (" + parent + "_id, " + entity + "_id)); then move the ids and drop "
                        + col));
    }

    /**
     * An array of text ids beside the row's own text identifier of the same thing, which references nothing
     * ({@code client_id text} and {@code acceptable_client_ids text[]} of an external OAuth provider): the array holds
     * more of the identifiers another system gave the row, an allow-list no foreign key could check.
     */
    private static boolean holdsOwnIdentifier(Table table, Column array, String stem) {
        if (!TEXT_TYPES.contains(array.typeName())) {
            return false;
        }
        List<String> words = Words.of(stem);
        for (int from = 0; from < words.size(); from++) {
            String own = String.join("_", words.subList(from, words.size())) + "_id";
            Optional<Column> scalar = table.columns().stream()
                    .filter(c -> !c.array() && Words.snake(c.name()).equals(own)).findFirst();
            if (scalar.isPresent() && TEXT_TYPES.contains(scalar.get().typeName())
                    && table.constraints(ConstraintType.FOREIGN_KEY).stream()
                    .noneMatch(fk -> fk.columns().contains(scalar.get().name()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkData(SchemaSnapshot schema, SampledData data, RuleContext context) {
        for (TableSample sample : data.tables()) {
            Table table = sample.table();
            List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
            for (int c = 0; c < sample.columns().size(); c++) {
                Column column = sample.columns().get(c);
                String snake = Words.snake(column.name());
                if (!TEXT_TYPES.contains(column.typeName()) || key.contains(column.name())
                        || PROSE.matcher(column.name().toLowerCase(Locale.ROOT)).find()
                        || listName(snake, idStem(snake), column) != null) {
                    // (a column named as a list is reported from its name already)
                    continue;
                }
                ListEvidence evidence = evidence(sample, c);
                if (evidence == null) {
                    continue;
                }
                String col = Identifiers.quote(column.name());
                String item = Naming.singular(column.name().toLowerCase(Locale.ROOT));
                String parent = Naming.singular(table.name().name());
                context.report(DbObject.column(table.name(), column.name()),
                        String.format(Locale.ROOT, "1NF (from the data): %s.%s holds lists: %,d of %,d values are "
                                        + "'%s'-separated (e.g. '%s'), made of %,d distinct items used %,d times.",
                                table.name(), col, evidence.lists(), evidence.values(), evidence.delimiter(),
                                evidence.example(), evidence.distinctItems(), evidence.items()),
                        Fix.advice("a child table " + Identifiers.quote(parent + "_" + item + "s") + " (" + parent
                                + "_id REFERENCES " + table.name() + ", " + item + " text NOT NULL, PRIMARY KEY ("
                                + parent + "_id, " + item + ")); then split the values into it (string_to_table) "
                                + "and drop " + col));
            }
        }
    }

    /** A list column: at least three values, and a fifth of the values, hold the delimiter. */
    private static boolean enoughLists(int lists, int values) {
        return lists >= 3 && lists >= values * 0.2;
    }

    /** The values holding the delimiter: a value holding it is a list of two or more parts. */
    private static int withDelimiter(TableSample sample, int column, char delimiter) {
        int count = 0;
        for (int r = 0; r < sample.sampledRows(); r++) {
            String v = sample.value(column, r);
            if (v != null && v.indexOf(delimiter) >= 0 && !v.isBlank()) {
                count++;
            }
        }
        return count;
    }

    record ListEvidence(char delimiter, int values, int lists, int items, int distinctItems, String example) {
    }

    /**
     * Lists look like this: a good share of the values contain the delimiter, items are short, and items recur
     * across rows (they come from a vocabulary, unlike the clauses of a sentence). A composite of fixed shape
     * ({@code 'Hall 2, rack 7'}: always two parts, each from its own vocabulary) is not a list: lists vary in length
     * and their items turn up in any position.
     */
    static ListEvidence evidence(TableSample sample, int column) {
        int values = 0;
        for (int r = 0; r < sample.sampledRows(); r++) {
            if (sample.value(column, r) != null && !sample.value(column, r).isBlank()) {
                values++;
            }
        }
        if (values < 5) {
            return null;
        }
        ListEvidence best = null;
        for (int d = 0; d < DELIMITERS.length; d++) {
            char delimiter = DELIMITERS[d];
            if (!enoughLists(withDelimiter(sample, column, delimiter), values)) {
                continue; // most columns hold no delimiter at all: no splitting, no vocabulary
            }
            int lists = 0;
            int items = 0;
            int itemChars = 0;
            int decimals = 0;
            String example = null;
            Map<String, Integer> vocabulary = new HashMap<>();
            java.util.Set<Integer> arities = new java.util.HashSet<>();
            Map<String, java.util.Set<Integer>> positions = new HashMap<>();
            for (int r = 0; r < sample.sampledRows(); r++) {
                String v = sample.value(column, r);
                if (v == null || v.isBlank()) {
                    continue;
                }
                if (DECIMAL_COMMA.matcher(v.trim()).matches()) {
                    decimals++;
                }
                String[] parts = SPLIT[d].split(v, -1);
                arities.add(parts.length);
                for (int p = 0; p < parts.length; p++) {
                    positions.computeIfAbsent(parts[p].trim().toLowerCase(Locale.ROOT), k -> new java.util.HashSet<>())
                            .add(p);
                }
                if (parts.length >= 2) {
                    lists++;
                    if (example == null || v.length() < example.length() && parts.length >= 3) {
                        example = v.length() > 60 ? v.substring(0, 57) + "..." : v;
                    }
                }
                for (String part : parts) {
                    String item = part.trim().toLowerCase(Locale.ROOT);
                    if (!item.isEmpty()) {
                        items++;
                        itemChars += item.length();
                        vocabulary.merge(item, 1, Integer::sum);
                    }
                }
            }
            boolean enoughLists = enoughLists(lists, values);
            boolean shortItems = items > 0 && itemChars / (double) items <= 30;
            boolean recurring = vocabulary.size() > 0 && items / (double) vocabulary.size() >= 2.0;
            boolean fixedShape = arities.size() == 1 && positions.values().stream().allMatch(p -> p.size() == 1);
            if (enoughLists && shortItems && recurring && !fixedShape && decimals < values / 2) {
                ListEvidence candidate = new ListEvidence(delimiter, values, lists, items, vocabulary.size(), example);
                if (best == null || candidate.lists() > best.lists()) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
