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
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1NF: a stem with numbered suffixes ({@code phone1, phone2, phone3}; {@code item_1 ... item_n}). The numbers must
 * run from 0 or 1 without gaps and the columns share a type family, which keeps out names where a digit is part of
 * a term ({@code ipv4}, {@code sha1}); address lines and coordinates are known look-alikes ({@code allowedStems}).
 */
public final class RepeatingColumnGroup implements SchemaRule {

    static final String MIN_GROUP_SIZE = "minGroupSize";
    static final String ALLOWED_STEMS = "allowedStems";
    private static final Pattern NUMBERED = Pattern.compile("^(.*?[a-z])_?(\\d{1,2})$");

    public static final RuleMetadata METADATA = new RuleMetadata(
            "repeating-column-group",
            Category.NORMALIZATION,
            Severity.WARNING,
            "1NF: numbered columns holding the same attribute (phone1, phone2, phone3): a repeating group.",
            "A repeating group fixes how many values a row may have (a fourth phone needs a migration), leaves "
                    + "empty slots in most rows, and turns every question about the attribute into an OR over "
                    + "all the columns (\"which customer has this phone?\") that no single index serves. First "
                    + "normal form wants one value per column: the values belong in a child table, one row each.",
            List.of(RuleOption.integer(MIN_GROUP_SIZE, "How many numbered columns make a group.", 2),
                    RuleOption.list(ALLOWED_STEMS, "Stems whose numbered columns are not a repeating group "
                            + "(comma-separated).", "address_line,address,addr,line,street,x,y,z")));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        int minSize = Math.max(2, context.intOption(MIN_GROUP_SIZE));
        Set<String> allowed = new HashSet<>();
        context.listOption(ALLOWED_STEMS).forEach(s -> allowed.add(s.toLowerCase(Locale.ROOT)));
        for (Table table : Scope.designedTables(schema)) {
            Map<String, TreeMap<Integer, Column>> groups = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                if (column.generated()) {
                    continue; // computed from another column (a search attribute slot of a JSON document)
                }
                Matcher m = NUMBERED.matcher(column.name().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    String stem = m.group(1).replaceAll("_+$", "");
                    groups.computeIfAbsent(stem, k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), column);
                }
            }
            for (Map.Entry<String, TreeMap<Integer, Column>> group : groups.entrySet()) {
                TreeMap<Integer, Column> members = group.getValue();
                // addressline1 is address_line1 written without the underscore
                boolean allowedStem = allowed.contains(group.getKey())
                        || allowed.stream().anyMatch(a -> a.replace("_", "").equals(group.getKey().replace("_", "")));
                if (members.size() < minSize || allowedStem || !contiguous(members)
                        || !sameFamily(members.values())) {
                    continue;
                }
                report(table, group.getKey(), new ArrayList<>(members.values()), context);
            }
            wordGroups(table, context);
        }
    }

    /** Rests of names that make a reference, not an attribute: {@code callback_id, callback_type}. */
    private static final Set<String> REFERENCE_PARTS = Set.of("id", "type", "uuid", "key", "ref", "kind", "code");

    /** First words that qualify a column rather than name one of several like things: created_at/updated_at,
     *  min_price/max_price, billing_city/shipping_city (two roles, each once) are no repeating group. */
    private static final Set<String> QUALIFIERS = Set.of(
            "created", "updated", "deleted", "modified", "inserted", "changed", "archived", "published", "started",
            "finished", "completed", "last", "first", "next", "previous", "prev", "min", "max", "avg", "total",
            "start", "end", "from", "to", "src", "dst", "source", "target", "old", "new", "billing", "shipping",
            "home", "work", "is", "has", "can", "default", "current", "original", "local", "remote", "primary",
            "secondary", "valid", "date", "time", "begin", "until", "since", "open", "close", "high", "low");

    /**
     * A repeating group by word prefix: {@code email_retries, email_backoff_s, sms_retries, sms_backoff_s,
     * push_retries} is one setting (retries, backoff) stored once per channel. Three or more first words sharing at
     * least two of the same rest-of-names, each rest with one type family.
     */
    private static void wordGroups(Table table, RuleContext context) {
        Map<String, Map<String, Column>> byPrefix = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            List<String> words = Words.of(column.name());
            if (column.generated() || words.size() < 2 || QUALIFIERS.contains(words.get(0))) {
                continue;
            }
            byPrefix.computeIfAbsent(words.get(0), k -> new LinkedHashMap<>())
                    .put(String.join("_", words.subList(1, words.size())), column);
        }
        Map<Set<String>, List<String>> prefixesByShared = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>(byPrefix.keySet());
        for (int i = 0; i < prefixes.size(); i++) {
            for (int j = i + 1; j < prefixes.size(); j++) {
                String a = prefixes.get(i);
                String b = prefixes.get(j);
                Set<String> shared = new TreeSet<>(byPrefix.get(a).keySet());
                shared.retainAll(byPrefix.get(b).keySet());
                // (id, type) pairs are polymorphic references, each prefix a different role: no attribute repeats
                shared.removeIf(rest -> REFERENCE_PARTS.contains(rest)
                        || REFERENCE_PARTS.contains(rest.substring(rest.lastIndexOf('_') + 1))
                        || !Naming.family(byPrefix.get(a).get(rest)).equals(Naming.family(byPrefix.get(b).get(rest))));
                if (shared.size() >= 2) {
                    List<String> members = prefixesByShared.computeIfAbsent(shared, k -> new ArrayList<>());
                    for (String p : List.of(a, b)) {
                        if (!members.contains(p)) {
                            members.add(p);
                        }
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (Map.Entry<Set<String>, List<String>> group : prefixesByShared.entrySet()) {
            // the prefixes with any of the shared attributes belong to the group (push_retries beside email_ and
            // sms_retries, backoff_s); two prefixes are two roles, each once (request/response, pre/post,
            // front/rear): like billing and shipping, no repeating group
            List<String> members = new ArrayList<>(group.getValue());
            for (String prefix : prefixes) {
                if (!members.contains(prefix) && group.getKey().stream().anyMatch(byPrefix.get(prefix)::containsKey)) {
                    members.add(prefix);
                }
            }
            // three kinds with all the shared attributes (a fourth may have only some); two are two roles
            long complete = members.stream().filter(m -> byPrefix.get(m).keySet().containsAll(group.getKey()))
                    .count();
            if (complete < 3 || !reported.addAll(members)) {
                continue; // too few, or an earlier group already names these prefixes
            }
            List<Column> columns = new ArrayList<>();
            for (String prefix : members) {
                group.getKey().stream().map(byPrefix.get(prefix)::get).filter(java.util.Objects::nonNull)
                        .forEach(columns::add);
            }
            columns.sort(Comparator.comparingInt(Column::position));
            String names = String.join(", ", columns.stream().map(c -> Identifiers.quote(c.name())).toList());
            String settings = String.join(", ", group.getKey());
            String child = Naming.singular(table.name().name()) + "_settings";
            String parentKey = Naming.singular(table.name().name()) + "_id";
            context.report(DbObject.column(table.name(), columns.get(0).name()),
                    "1NF: columns " + names + " of " + table.name() + " are a repeating group: the same attributes ("
                            + settings + ") stored once per " + String.join(", ", members) + ", so another one "
                            + "needs a migration and every question about all of them an OR over their columns.",
                    Fix.advice("a child table " + Identifiers.quote(child) + " (" + Identifiers.quote(parentKey)
                            + " REFERENCES " + table.name() + ", kind text, " + settings + ", PRIMARY KEY ("
                            + Identifiers.quote(parentKey) + ", kind)); then move the values and drop " + names));
        }
    }

    private static boolean contiguous(TreeMap<Integer, Column> members) {
        int first = members.firstKey();
        return (first == 0 || first == 1) && members.lastKey() - first == members.size() - 1;
    }

    private static boolean sameFamily(Iterable<Column> columns) {
        Set<String> families = new HashSet<>();
        columns.forEach(c -> families.add(Naming.family(c)));
        return families.size() == 1;
    }

    private static void report(Table table, String stem, List<Column> members, RuleContext context) {
        String names = String.join(", ", members.stream().map(c -> Identifiers.quote(c.name())).toList());
        String child = Naming.singular(table.name().name()) + "_" + stem + "s";
        String parentKey = Naming.singular(table.name().name()) + "_id";
        String type = members.get(0).type();
        context.report(DbObject.column(table.name(), members.get(0).name()),
                "1NF: columns " + names + " of " + table.name() + " are a repeating group: one attribute ("
                        + stem + ") stored " + members.size() + " times per row, which caps how many a row can "
                        + "have and makes every lookup an OR over " + members.size() + " columns.",
                Fix.advice("a child table " + Identifiers.quote(child) + " (" + Identifiers.quote(parentKey)
                        + " REFERENCES " + table.name() + ", position smallint, " + Identifiers.quote(stem) + " "
                        + type + ", PRIMARY KEY (" + Identifiers.quote(parentKey) + ", position)); then move the "
                        + "values and drop " + names));
    }
}
