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
                Matcher m = NUMBERED.matcher(column.name().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    String stem = m.group(1).replaceAll("_+$", "");
                    groups.computeIfAbsent(stem, k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), column);
                }
            }
            for (Map.Entry<String, TreeMap<Integer, Column>> group : groups.entrySet()) {
                TreeMap<Integer, Column> members = group.getValue();
                if (members.size() < minSize || allowed.contains(group.getKey()) || !contiguous(members)
                        || !sameFamily(members.values())) {
                    continue;
                }
                report(table, group.getKey(), new ArrayList<>(members.values()), context);
            }
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
