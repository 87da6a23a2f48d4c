package dev.dbcheck.schemarules.types;

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
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Column;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The same thing stored with different types in different tables ({@code user_id uuid} here, {@code bigint}
 * there). Two columns mean the same thing when they share a name and either the name identifies something
 * ({@code *_id}, {@code *_uuid}, {@code *_key}, or {@code departmentid} beside a {@code department} table) or their
 * tables are linked by a foreign key; a bare shared name ({@code description}, {@code version}, {@code enddate}) is
 * no evidence. The column with the worse type is reported, and the better type named — the referenced key's type
 * for a key, else jsonb over json, timestamptz over timestamp, the wider integer or float, uuid over text, and text
 * over varchar(n) only where {@code preferText} says so — never the majority's, which may be the worse one. A
 * foreign key column and the column it references are foreign-key-type-mismatch's.
 */
public final class InconsistentColumnType implements SchemaRule {

    static final String IGNORED = "ignoredColumns";
    static final String PREFER_TEXT = "preferText";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "inconsistent-column-type",
            Category.TYPES,
            Severity.WARNING,
            "The same key or linked column stored with different types across tables.",
            "A name that means one thing should have one type: user_id as integer in one table and bigint in "
                    + "another cannot be joined without casts in some plans, the narrower one overflows first, and "
                    + "values that fit one do not fit the other; json beside jsonb or timestamp beside timestamptz "
                    + "for the same fact behave differently in comparisons and indexes.",
            List.of(RuleOption.list(IGNORED, "Column names that may legitimately differ (comma-separated).", "id"),
                    RuleOption.bool(PREFER_TEXT, "Whether varchar(n) beside text for the same column is reported "
                            + "(text is the better type: a length limit is a CHECK constraint's job).", false)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** A column where it lives. */
    private record Holder(Table table, Column column) {
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        Set<String> ignored = Set.copyOf(context.listOption(IGNORED));
        boolean preferText = context.booleanOption(PREFER_TEXT);
        Map<String, List<Holder>> byName = new TreeMap<>();
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                if (!ignored.contains(column.name())) {
                    byName.computeIfAbsent(column.name(), k -> new ArrayList<>()).add(new Holder(table, column));
                }
            }
        }
        for (Map.Entry<String, List<Holder>> named : byName.entrySet()) {
            List<Holder> holders = named.getValue();
            if (holders.size() < 2) {
                continue;
            }
            // the table the name names, once per name: every pair of its columns asks
            QualifiedName namedTable = referencedTable(schema, named.getKey());
            if (Words.of(named.getKey()).size() < 2 && namedTable == null) {
                continue; // description, version, status: a shared word is no evidence of a shared meaning
            }
            for (Holder holder : holders) {
                String own = typeOf(holder.column(), preferText);
                List<Holder> partners = new ArrayList<>();
                for (Holder other : holders) {
                    if (other.table() != holder.table() && !typeOf(other.column(), preferText).equals(own)
                            && sameThing(holder, other, namedTable)) {
                        partners.add(other);
                    }
                }
                if (partners.isEmpty()) {
                    continue;
                }
                // the referenced key's type where a key is named, else the better of the two; never the
                // narrower one: a bigint beside an integer is the integer's problem
                String reference = referenceType(schema, namedTable, partners, preferText);
                String best = reference == null
                        ? better(own, partners.stream().map(p -> typeOf(p.column(), preferText)).toList())
                        : own.equals(better(own, List.of(reference))) ? own : reference;
                if (best == null || best.equals(own)) {
                    continue; // this one has the better type (its partners are reported), or none is better
                }
                List<String> using = partners.stream().filter(p -> typeOf(p.column(), preferText).equals(best))
                        .map(p -> p.table().name().toString()).toList();
                report(holder, own, best, using, context);
            }
        }
    }

    private static void report(Holder holder, String own, String best, List<String> using, RuleContext context) {
        String col = Identifiers.quote(holder.column().name());
        // a handful of names say enough; thousands would make every message as long as the schema
        String elsewhere = using.isEmpty() ? "the table it names"
                : using.size() <= 5 ? String.join(", ", using)
                : String.join(", ", using.subList(0, 5)) + " and " + (using.size() - 5) + " more tables";
        String type = best;
        String conversion = best.equals("timestamp with time zone") && !holder.column().array()
                ? col + " AT TIME ZONE 'UTC'; -- if the stored times are UTC; else name their zone"
                : col + "::" + type + ";";
        String alter = "ALTER TABLE " + holder.table().name();
        // no cast turns a bigint into a uuid: the values cannot be the referenced key's, so the column is either
        // something else (renamed, it is no longer taken for the key) or needs the old-to-new id mapping
        Fix fix = better(own, List.of(best)) != null
                ? Fix.sql(alter + " ALTER COLUMN " + col + " TYPE " + type + " USING " + conversion)
                : Fix.sql(alter + " RENAME COLUMN " + col + " TO " + Identifiers.quote("legacy_"
                        + holder.column().name()) + "; -- if it means something else; if it is the same key, add a "
                        + type + " column filled through the old ids and drop this one");
        context.report(DbObject.column(holder.table().name(), holder.column().name()),
                "column " + holder.table().name() + "." + col + " is " + display(own, holder.column()) + ", but "
                        + col + " is " + type + " in " + elsewhere + ": the same " + col + " with two types; "
                        + best + " is the better one.", fix);
    }

    private static String display(String type, Column column) {
        return column.array() ? type + "[]" : type.equals("character varying") ? column.type() : type;
    }

    /** {@code *_id}, {@code *_uuid}, {@code *_key} and their camelCase forms name what they identify. */
    private static boolean identifies(String name) {
        List<String> words = Words.of(name);
        if (words.size() < 2) {
            return false;
        }
        String last = words.get(words.size() - 1);
        return last.equals("id") || last.equals("uuid") || last.equals("key") || last.equals("ref");
    }

    /**
     * The table a key's name names: {@code user_id}, {@code userId} or {@code userid} and a table {@code users}
     * (or {@code app_users}); null when none or several do.
     */
    private static QualifiedName referencedTable(SchemaSnapshot schema, String name) {
        String snake = Words.snake(name);
        String stem = snake.endsWith("_id") ? snake.substring(0, snake.length() - 3)
                : snake.endsWith("id") && snake.length() > 4 ? snake.substring(0, snake.length() - 2) : null;
        return stem == null ? null : Scope.tableNamed(schema, stem, null).map(Table::name).orElse(null);
    }

    /**
     * Whether two columns of one name are one thing. Two foreign keys are when they reference the same table (and
     * then foreign-key-type-mismatch judges each against it: skipped here); a foreign key and a plain column when
     * the plain column's name names the key's table; two plain columns when the name identifies something. A
     * column and the key it references are foreign-key-type-mismatch's.
     */
    private static boolean sameThing(Holder a, Holder b, QualifiedName namedTable) {
        QualifiedName targetA = target(a);
        QualifiedName targetB = target(b);
        if (targetA != null && targetB != null) {
            return false; // both declared: each is checked against the key it references
        }
        if (targetA == null && targetB == null) {
            // a key's name says what it identifies; any other name needs its two tables linked
            return identifies(a.column().name()) || namedTable != null || Scope.linked(a.table(), b.table());
        }
        QualifiedName declared = targetA != null ? targetA : targetB;
        Holder plain = targetA != null ? b : a;
        if (declared.equals(plain.table().name())) {
            return false; // the plain one is the referenced key itself
        }
        return declared.equals(namedTable);
    }

    /** The type of the key these columns name: the one a partner's foreign key references, or the named table's
     *  one-column primary key; null when there is none. */
    private static String referenceType(SchemaSnapshot schema, QualifiedName named, List<Holder> partners,
                                        boolean preferText) {
        for (Holder partner : partners) {
            for (Constraint fk : partner.table().constraints(ConstraintType.FOREIGN_KEY)) {
                int i = fk.columns().indexOf(partner.column().name());
                if (i >= 0 && i < fk.references().columns().size()) {
                    String column = fk.references().columns().get(i);
                    String type = schema.table(fk.references().table()).flatMap(t -> t.column(column))
                            .map(c -> typeOf(c, preferText)).orElse(null);
                    if (type != null) {
                        return type;
                    }
                }
            }
        }
        return named == null ? null : schema.table(named)
                .filter(t -> t.primaryKey().map(pk -> pk.columns().size() == 1).orElse(false))
                .flatMap(t -> t.column(t.primaryKey().orElseThrow().columns().get(0)))
                .map(c -> typeOf(c, preferText)).orElse(null);
    }

    /** The table a column references by a foreign key of its own, or null. */
    private static QualifiedName target(Holder holder) {
        for (Constraint fk : holder.table().constraints(ConstraintType.FOREIGN_KEY)) {
            if (fk.columns().contains(holder.column().name())) {
                return fk.references().table();
            }
        }
        return null;
    }

    /** The type as compared: domains resolved, lengths and precisions ignored (varchar(n) kept apart from text
     *  only when text is preferred). */
    static String typeOf(Column column, boolean preferText) {
        String base = switch (column.typeName()) {
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bool" -> "boolean";
            case "timestamp" -> "timestamp without time zone";
            case "timestamptz" -> "timestamp with time zone";
            case "varchar" -> preferText && column.type().contains("(") ? "character varying" : "text";
            case "bpchar" -> "character";
            default -> column.typeName();
        };
        return column.array() ? base + "[]" : base;
    }

    /** Better to worse, within each family whose types a cast converts without loss of meaning. */
    private static final List<List<String>> LADDERS = List.of(
            List.of("bigint", "integer", "smallint"),
            List.of("double precision", "real"),
            List.of("timestamp with time zone", "timestamp without time zone"),
            List.of("jsonb", "json"),
            List.of("uuid", "text"),
            List.of("text", "character varying"));

    /** The better of these types, or null when they are not on one ladder. */
    static String better(String own, List<String> others) {
        for (List<String> ladder : LADDERS) {
            String element = own.replace("[]", "");
            boolean array = own.endsWith("[]");
            if (!ladder.contains(element) || others.stream().anyMatch(o -> o.endsWith("[]") != array
                    || !ladder.contains(o.replace("[]", "")))) {
                continue;
            }
            int best = ladder.indexOf(element);
            for (String other : others) {
                best = Math.min(best, ladder.indexOf(other.replace("[]", "")));
            }
            return ladder.get(best) + (array ? "[]" : "");
        }
        return null;
    }
}
