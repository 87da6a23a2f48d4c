package dev.dbcheck.schemarules.keys;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Sequence;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code integer} or {@code smallint} primary key filled from a sequence or identity that runs out: within the
 * horizon at the declared growth ({@code rowsPerDay}), or already at the declared volume. Without either number
 * it says nothing — {@code serial-primary-key} speaks about sequence keys as such.
 */
public final class IntegerKeyOverflow implements SchemaRule {

    static final String ROWS_PER_DAY = "rowsPerDay";
    static final String HORIZON_YEARS = "horizonYears";
    static final String MAX_SHARE = "maxSharePercent";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "integer-key-overflow",
            Category.KEYS,
            Severity.WARNING,
            "An integer or smallint key from a sequence that runs out at the declared growth or volume.",
            "An integer key holds 2,147,483,647 values and a smallint 32,767; when the sequence reaches its end "
                    + "every insert fails (nextval: reached maximum value), and widening the column then "
                    + "rewrites the table and every foreign key that references it — under an ACCESS EXCLUSIVE lock, "
                    + "on the largest table, at the worst moment. Append-only tables (events, logs, audit) are where "
                    + "it happens. Given the growth, dbcheck says when; within a year it is an error. bigint costs "
                    + "4 bytes more per row and never runs out.",
            List.of(RuleOption.integer(ROWS_PER_DAY, "Rows the largest tables gain per day; 0 when unknown (then "
                            + "only the declared volumes are judged).", 0),
                    RuleOption.integer(HORIZON_YEARS, "Report keys that run out within this many years.", 20),
                    RuleOption.integer(MAX_SHARE, "Report keys whose declared volume takes more than this share "
                            + "(percent) of their values.", 10)));

    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.+)'::regclass\\)$");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        SchemaSnapshot schema = evidence.schema();
        long perDay = context.intOption(ROWS_PER_DAY);
        Evidence.Volumes volumes = evidence.find(Evidence.VOLUMES).orElse(new Evidence.Volumes(java.util.Map.of()));
        for (Table table : schema.tables()) {
            if (table.isPartition()) {
                continue;
            }
            Optional<Constraint> pk = table.primaryKey();
            if (pk.isEmpty() || pk.get().columns().size() != 1) {
                continue;
            }
            Column column = table.column(pk.get().columns().get(0)).orElse(null);
            if (column == null || column.array() || !(column.typeName().equals("int4") || column.typeName().equals("int2"))) {
                continue;
            }
            Sequence sequence = sequenceOf(schema, column).orElse(null);
            if (sequence == null) {
                continue;
            }
            long remaining = sequence.remaining();
            long capacity = sequence.maxValue();
            String key = table.name() + "." + Identifiers.quote(column.name()) + " (" + column.type() + ", sequence "
                    + sequence.name() + ")";
            Fix fix = widen(table, column, sequence);
            if (perDay > 0) {
                double days = remaining / (double) perDay;
                if (days > context.intOption(HORIZON_YEARS) * 365.25) {
                    continue;
                }
                String message = String.format(Locale.ROOT, "primary key %s has %,d values left: at %,d rows/day it "
                        + "runs out %s; every insert then fails, and widening it rewrites the table and the foreign "
                        + "keys that reference it.", key, remaining, perDay, when(days));
                if (days < 365) {
                    context.reportUrgent(DbObject.column(table.name(), column.name()), message, fix);
                } else {
                    context.report(DbObject.column(table.name(), column.name()), message, fix);
                }
                continue;
            }
            Long declared = volumes.of(table.schema(), table.name().name());
            if (declared != null && declared * 100.0 / capacity > context.intOption(MAX_SHARE)) {
                String message = String.format(Locale.ROOT, "primary key %s holds at most %,d values, and the declared "
                        + "volume of %,d rows takes %.0f%% of them: growth from there %s.", key, capacity, declared,
                        declared * 100.0 / capacity, declared >= capacity ? "is already impossible" : "soon ends in "
                        + "failing inserts (set " + ROWS_PER_DAY + " to know when)");
                if (declared >= capacity) {
                    context.reportUrgent(DbObject.column(table.name(), column.name()), message, fix);
                } else {
                    context.report(DbObject.column(table.name(), column.name()), message, fix);
                }
            }
        }
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        check(Evidence.of(schema), context);
    }

    /** The sequence behind an identity or serial column, or an explicit nextval default. */
    static Optional<Sequence> sequenceOf(SchemaSnapshot schema, Column column) {
        if (column.ownedSequence() != null) {
            return schema.sequence(column.ownedSequence());
        }
        if (column.defaultExpression() != null) {
            Matcher m = NEXTVAL.matcher(column.defaultExpression());
            if (m.matches()) {
                String name = m.group(1);
                return schema.sequence(name).or(() -> schema.sequence("public." + name));
            }
        }
        return Optional.empty();
    }

    private static String when(double days) {
        if (days < 1) {
            return "within a day";
        }
        if (days < 60) {
            return String.format(Locale.ROOT, "in %.0f days", days);
        }
        if (days < 730) {
            return String.format(Locale.ROOT, "in %.0f months", days / 30.44);
        }
        return String.format(Locale.ROOT, "in %.0f years", days / 365.25);
    }

    private static Fix widen(Table table, Column column, Sequence sequence) {
        return widen(table, column, sequence.name().toString());
    }

    /** The key and its sequence to bigint, in one runnable fix. */
    static Fix widen(Table table, Column column, String sequence) {
        return Fix.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + Identifiers.quote(column.name())
                + " TYPE bigint; ALTER SEQUENCE " + sequence + " AS bigint; -- and every foreign key column "
                + "that references it (foreign-key-type-mismatch lists them); this rewrites the table");
    }
}
