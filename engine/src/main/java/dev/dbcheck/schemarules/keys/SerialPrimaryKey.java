package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Words;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A primary key filled from a sequence (serial, bigserial, smallserial, {@code DEFAULT nextval(...)}); with the
 * default {@code preferredKey=uuidv7} also identity keys and keys defaulting to random UUIDs.
 */
public final class SerialPrimaryKey implements SchemaRule {

    static final String PREFERRED_KEY = "preferredKey";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "serial-primary-key",
            Category.KEYS,
            Severity.ERROR,
            "Primary key generated from a sequence (serial, identity) or a random UUID where a time-ordered "
                    + "UUIDv7 (or an identity column) is wanted.",
            "Sequence keys (serial, bigserial, identity) reveal row counts and creation order, need the database "
                    + "to hand out every id, and collide when data from several databases or shards is merged. "
                    + "Random UUIDs (v4) avoid that but insert into random leaf pages of the primary key's B-tree: "
                    + "pages split in the middle, the index bloats and every insert dirties a different page "
                    + "(write amplification). UUIDv7 is time-ordered: new keys land on the right-most leaf like a "
                    + "sequence, yet they are globally unique and can be generated anywhere. Teams that keep "
                    + "integer keys should at least use identity columns, which tie the sequence to the column "
                    + "instead of a free-standing serial sequence.",
            List.of(RuleOption.choice(PREFERRED_KEY,
                    "The key style the project wants: uuidv7 reports sequence, identity and random-UUID keys; "
                            + "identity reports only serial/nextval keys.",
                    "uuidv7", "uuidv7", "identity")));

    /** Defaults that produce random (version 4) UUIDs. */
    private static final Pattern RANDOM_UUID = Pattern.compile(
            "^(?:public\\.|extensions\\.)?(gen_random_uuid|uuid_generate_v4)\\(\\)$");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        boolean wantUuidv7 = context.option(PREFERRED_KEY).equals("uuidv7");
        for (Table table : schema.tables()) {
            if (table.kind() == TableKind.MATERIALIZED_VIEW || table.kind() == TableKind.FOREIGN_TABLE) {
                continue;
            }
            Constraint pk = table.primaryKey().orElse(null);
            if (pk == null || pk.inherited()) {
                continue;
            }
            for (String columnName : pk.columns()) {
                Column column = table.column(columnName).orElse(null);
                if (column == null) {
                    continue;
                }
                if ((column.defaultsToSequence() || column.isIdentity()) && isAppendOnlyLog(schema, table)) {
                    reportLogKey(table, column, context);
                } else if (column.defaultsToSequence()) {
                    reportSequence(table, column, wantUuidv7, context);
                } else if (column.isIdentity() && wantUuidv7) {
                    reportIdentity(table, column, context);
                } else if (wantUuidv7 && isRandomUuid(column)) {
                    reportRandomUuid(table, column, context);
                }
            }
        }
    }

    /** The last word of a log's name: its rows are appended in order and never merged or referenced. */
    private static final Set<String> LOG_WORDS = Set.of("log", "logs", "event", "events", "history", "histories",
            "audit", "audits", "activity", "activities", "journal", "journals", "trail", "trails");

    /**
     * A log table nothing references: insertion order is what its key records, nothing points at its rows and
     * nothing merges them, so a sequence key is the right key there. Its one risk is running out.
     */
    static boolean isAppendOnlyLog(SchemaSnapshot schema, Table table) {
        List<String> words = Words.of(table.name().name());
        if (words.isEmpty() || !LOG_WORDS.contains(words.get(words.size() - 1))) {
            return false;
        }
        return schema.tables().stream().flatMap(t -> t.constraints(ConstraintType.FOREIGN_KEY).stream())
                .noneMatch(fk -> fk.references().table().equals(table.name()));
    }

    private static void reportLogKey(Table table, Column column, RuleContext context) {
        if (!column.typeName().equals("int4") && !column.typeName().equals("int2")) {
            return; // a bigint sequence on a log is what a log wants
        }
        context.reportMild(DbObject.column(table.name(), column.name()),
                "primary key " + columnRef(table, column) + " of the log " + table.name() + " is a sequence "
                        + "key, which suits a log (rows in insertion order, nothing references them), but it is "
                        + (column.typeName().equals("int2") ? "a smallint, which ends at 32,767"
                        : "an integer, which ends at 2,147,483,647") + ": a log is the table that gets there, and "
                        + "then every insert fails.",
                column.isIdentity()
                        // an identity column's sequence follows the column's type
                        ? Fix.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + Identifiers.quote(column.name())
                                + " TYPE bigint;")
                        : IntegerKeyOverflow.widen(table, column, column.ownedSequence() != null
                                ? column.ownedSequence()
                                : column.defaultExpression().replaceFirst("^nextval\\('(.*)'::regclass\\)$", "$1")));
    }

    private static boolean isRandomUuid(Column column) {
        return column.defaultExpression() != null
                && RANDOM_UUID.matcher(column.defaultExpression().toLowerCase(Locale.ROOT)).matches();
    }

    private static void reportSequence(Table table, Column column, boolean wantUuidv7, RuleContext context) {
        String sequence = column.ownedSequence() != null ? column.ownedSequence() : column.defaultExpression();
        String what = "primary key " + columnRef(table, column) + " (" + column.type() + ") is filled from sequence "
                + sequence + " (" + serialName(column) + ")";
        // an integer key has a second, worse problem than its style: it ends
        String overflow = column.typeName().equals("int4") || column.typeName().equals("int2")
                ? " It is also " + (column.typeName().equals("int2") ? "a smallint, which ends at 32,767"
                : "an integer, which ends at 2,147,483,647") + ": integer-key-overflow says when, given rowsPerDay."
                : "";
        if (wantUuidv7) {
            context.report(DbObject.column(table.name(), column.name()),
                    what + ": sequence keys reveal row counts, need the database to hand out every id and collide "
                            + "when data from several databases is merged; use a time-ordered UUIDv7 key." + overflow,
                    uuidv7Fix(table, column, context, true));
        } else {
            String seq = column.ownedSequence() != null ? column.ownedSequence()
                    : Identifiers.quote(table.name().name() + "_" + column.name() + "_seq");
            context.report(DbObject.column(table.name(), column.name()),
                    what + ": a serial sequence is a separate object with its own owner and grants; an identity "
                            + "column is the SQL-standard form, ties the sequence to the column and (ALWAYS) rejects "
                            + "hand-written ids." + overflow,
                    "ALTER TABLE " + table.name() + " ALTER COLUMN " + Identifiers.quote(column.name())
                            + " DROP DEFAULT; DROP SEQUENCE " + seq + "; ALTER TABLE " + table.name()
                            + " ALTER COLUMN " + Identifiers.quote(column.name())
                            + " ADD GENERATED BY DEFAULT AS IDENTITY; -- then restart it above max("
                            + Identifiers.quote(column.name()) + ")");
        }
    }

    private static void reportIdentity(Table table, Column column, RuleContext context) {
        context.report(DbObject.column(table.name(), column.name()),
                "primary key " + columnRef(table, column) + " (" + column.type() + ") is an identity column "
                        + "(GENERATED " + (column.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT")
                        + " AS IDENTITY): still a sequence key, which reveals row counts and collides when data "
                        + "from several databases is merged; use a time-ordered UUIDv7 key (or set "
                        + PREFERRED_KEY + "=identity to accept identity keys).",
                uuidv7Fix(table, column, context, true));
    }

    private static void reportRandomUuid(Table table, Column column, RuleContext context) {
        context.report(DbObject.column(table.name(), column.name()),
                "primary key " + columnRef(table, column) + " defaults to " + column.defaultExpression()
                        + ", a random UUIDv4: each insert lands in a random leaf page of the primary key's B-tree, "
                        + "splitting pages, bloating the index and dirtying a different page every time (write "
                        + "amplification); UUIDv7 is time-ordered and appends to the right-most leaf.",
                uuidv7Fix(table, column, context, false));
    }

    private static Fix uuidv7Fix(Table table, Column column, RuleContext context, boolean changeType) {
        String col = Identifiers.quote(column.name());
        String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + col;
        String convert = "; on an existing table add a uuid column filled with uuidv7 values, move the foreign "
                + "keys that reference " + table.name() + "(" + col + ") to it, then make it the primary key";
        if (context.serverMajorVersion() >= 18) {
            return changeType
                    ? Fix.advice("declare the key as " + col + " uuid PRIMARY KEY DEFAULT uuidv7()" + convert + ".")
                    : Fix.sql(alter + " SET DEFAULT uuidv7();");
        }
        String appSide = "generate UUIDv7 in the application (for example uuid-creator's "
                + "UuidCreator.getTimeOrderedEpoch() in Java) or with the pg_uuidv7 extension: uuidv7() is built "
                + "in only from PostgreSQL 18";
        return changeType
                ? Fix.advice("declare the key as " + col + " uuid PRIMARY KEY and " + appSide + convert + ".")
                : Fix.sql(alter + " DROP DEFAULT; -- and " + appSide + ".");
    }

    private static String columnRef(Table table, Column column) {
        return table.name() + "." + Identifiers.quote(column.name());
    }

    private static String serialName(Column column) {
        if (column.ownedSequence() == null) {
            return "DEFAULT nextval(...)";
        }
        return switch (column.typeName()) {
            case "int8" -> "bigserial";
            case "int2" -> "smallserial";
            case "int4" -> "serial";
            default -> "DEFAULT nextval(...)";
        };
    }
}
