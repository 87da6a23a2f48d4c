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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The same personal data (email, phone, street address, a person's name, birth date, national id) stored in more
 * than one table. The table that owns it (a users/customers/people table, or the one where it is unique) is kept;
 * a copy is reported when it plausibly holds the same people's data: its table is linked to the owner's by a
 * foreign key, its name says whose it is ({@code customer_email} beside {@code customers}), or both tables hold
 * people ({@code users} and {@code newsletter_subscribers}). The phone of a supplier and the phone of a customer
 * are different people's data, not copies. Foreign key columns are references; deliberate snapshots
 * (shipping_/billing_ addresses, *_at_order) are the order's own data.
 */
public final class DuplicatedPersonalData implements SchemaRule {

    // not user_name nor owner_name: in most schemas those are logins (a reference by natural key), not names
    private static final String PERSON_PREFIXES = "(customer|client|buyer|recipient|contact|employee|person"
            + "|member|patient|student|author|guest|subscriber)";

    /** Kinds of personal data, each with the column names that hold it. */
    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("email address", Pattern.compile("(^|_)(email|e_mail|email_address|mail_address)$"));
        KINDS.put("phone number", Pattern.compile("(^|_)(phone|phone_number|mobile|mobile_phone|mobile_number"
                + "|telephone|tel|cell_phone|phone_no)$"));
        KINDS.put("street address", Pattern.compile("(^|_)(address|street|street_address|postal_address"
                + "|home_address|address_line_?1)$"));
        KINDS.put("person's name", Pattern.compile("(^|_)(first_name|last_name|full_name|given_name|family_name"
                + "|surname|middle_name)$|^" + PERSON_PREFIXES + "_name$"));
        KINDS.put("birth date", Pattern.compile("(^|_)(birth_?date|date_of_birth|dob|birthday)$"));
        KINDS.put("national id", Pattern.compile("(^|_)(ssn|social_security_number|national_id|national_number"
                + "|tax_id|passport_number|passport_no|id_card_number)$"));
    }

    public static final RuleMetadata METADATA = new RuleMetadata(
            "duplicated-personal-data",
            Category.NORMALIZATION,
            Severity.WARNING,
            "The same personal data (email, phone, address, name, birth date, national id) stored in more than one table.",
            "Personal data should live in one place: every copy is another column to secure, to correct when the "
                    + "person asks, to erase when they ask to be forgotten, and to find in a breach. Copies also "
                    + "drift apart. Keep it in the table that owns it and reference that row. Deliberate "
                    + "snapshots (the address an order shipped to) are the order's own data and are not reported.",
            List.of(RuleOption.regex(Snapshots.OPTION, "Regular expression for column names that are deliberate "
                    + "snapshots (matched case-insensitively).", Snapshots.DEFAULT_PATTERN)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    private record Holder(Table table, Column column) {
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        String snapshotPattern = context.option(Snapshots.OPTION);
        Map<String, List<Holder>> byKind = new LinkedHashMap<>();
        for (Table table : Scope.designedTables(schema)) {
            Set<String> references = new HashSet<>();
            table.constraints(ConstraintType.FOREIGN_KEY).forEach(fk -> references.addAll(fk.columns()));
            for (Column column : table.columns()) {
                if (references.contains(column.name()) || column.generated()
                        || Snapshots.isSnapshot(column, snapshotPattern)) {
                    continue;
                }
                String kind = kindOf(table, column);
                if (kind != null) {
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Holder(table, column));
                }
            }
        }
        // The table holding the most kinds of a person's data is where the person lives.
        Map<String, Set<String>> kindsByTable = new HashMap<>();
        byKind.forEach((kind, holders) -> holders.forEach(h ->
                kindsByTable.computeIfAbsent(h.table().name().toString(), k -> new HashSet<>()).add(kind)));
        for (Map.Entry<String, List<Holder>> kind : byKind.entrySet()) {
            Set<String> tables = new HashSet<>();
            kind.getValue().forEach(h -> tables.add(h.table().name().toString()));
            if (tables.size() < 2) {
                continue;
            }
            List<Holder> holders = new ArrayList<>(kind.getValue());
            holders.sort(Comparator.comparing((Holder h) -> Naming.holdsPeople(h.table()) ? 0 : 1)
                    .thenComparing(h -> ownsIdentity(h.table(), byKind) ? 0 : 1)
                    .thenComparing(h -> -kindsByTable.get(h.table().name().toString()).size())
                    .thenComparing(h -> isUnique(h) ? 0 : 1)
                    .thenComparing(h -> h.table().name().toString()));
            Holder owner = holders.get(0);
            for (Holder copy : holders) {
                if (copy.table().name().equals(owner.table().name()) || !samePeople(copy, owner)) {
                    continue;
                }
                String col = Identifiers.quote(copy.column().name());
                context.report(DbObject.column(copy.table().name(), copy.column().name()),
                        "personal data (" + kind.getKey() + ") is stored in " + copy.table().name() + "." + col
                                + " as well as in " + owner.table().name() + "."
                                + Identifiers.quote(owner.column().name()) + ": each copy must be secured, corrected "
                                + "and erased on request, and copies drift apart.",
                        Fix.sql("ALTER TABLE " + copy.table().name() + " DROP COLUMN " + col + "; -- reference the "
                                + "row of " + owner.table().name() + " that holds it instead; "
                                + Snapshots.howToMark(copy.table().name().toString(), col)));
            }
        }
    }

    private static String kindOf(Table table, Column column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
            if (kind.getValue().matcher(name).find()) {
                return kind.getKey();
            }
        }
        if (name.equals("name") && Naming.holdsPeople(table)) {
            return "person's name";
        }
        return null;
    }

    /** Whether the copy plausibly holds the owner's people's data rather than other people's. */
    private static boolean samePeople(Holder copy, Holder owner) {
        String column = copy.column().name().toLowerCase(Locale.ROOT);
        String ownerEntity = Naming.singular(owner.table().name().name());
        if (column.startsWith(ownerEntity + "_")) {
            return true; // customer_email: the name says whose it is
        }
        // a link alone is not enough: an invitation's email is the invitee's, an MFA factor's phone the factor's,
        // and players, console operators, contacts and deleted accounts are other people than the users; a table
        // of people that references the owner's row (a member's profile) holds the same person
        return Naming.holdsPeople(copy.table()) && Scope.linked(copy.table(), owner.table());
    }

    /** A table where some personal data is unique (an email, say) identifies people: it is where they live. */
    private static boolean ownsIdentity(Table table, Map<String, List<Holder>> byKind) {
        return byKind.values().stream().flatMap(List::stream)
                .anyMatch(h -> h.table().name().equals(table.name()) && isUnique(h));
    }

    private static boolean isUnique(Holder holder) {
        return CopiedColumns.isUnique(holder.table(), holder.column().name())
                || holder.table().constraints(ConstraintType.UNIQUE).stream().map(Constraint::columns)
                .anyMatch(c -> c.equals(List.of(holder.column().name())));
    }
}
