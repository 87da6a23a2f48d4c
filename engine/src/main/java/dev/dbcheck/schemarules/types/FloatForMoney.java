package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
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

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code real}/{@code double precision} on a money-like column, and the {@code money} type anywhere. */
public final class FloatForMoney implements SchemaRule {

    static final String NAME_PATTERN = "namePattern";
    static final String DEFAULT_PATTERN = "(^|_)(price|prices|amount|amounts|total|subtotal|cost|costs|balance|fee|fees"
            + "|tax|taxes|vat|salary|wage|wages|revenue|payment|payments|discount|charge|refund|budget|spend|spent"
            + "|income|profit|margin|payout|credit|debit)(_|$)";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "float-for-money",
            Category.TYPES,
            Severity.ERROR,
            "Money stored as real/double precision (binary floating point), or as the money type.",
            "Binary floating point cannot represent most decimal fractions: 0.1 + 0.2 is not 0.3, sums of prices "
                    + "drift by fractions of a cent, and equality tests on amounts fail. numeric(p, s) is exact "
                    + "decimal arithmetic; integer minor units (cents in bigint) are exact and fast. The money "
                    + "type is exact but depends on the server's lc_monetary setting, has a fixed fractional "
                    + "precision and no currency.",
            List.of(RuleOption.regex(NAME_PATTERN,
                    "Regular expression (case-insensitive) for column names that hold money.", DEFAULT_PATTERN)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        Pattern moneyName = Pattern.compile(context.option(NAME_PATTERN), Pattern.CASE_INSENSITIVE);
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                String col = Identifiers.quote(column.name());
                String ref = table.name() + "." + col;
                String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + col;
                if (column.typeName().equals("money")) {
                    context.report(DbObject.column(table.name(), column.name()),
                            "column " + ref + " uses the money type: its output and input depend on the server's "
                                    + "lc_monetary, its precision is fixed and it carries no currency.",
                            alter + " TYPE numeric(12, 2) USING " + col + "::numeric;");
                } else if ((column.typeName().equals("float4") || column.typeName().equals("float8"))
                        && moneyName.matcher(column.name().toLowerCase(Locale.ROOT)).find()) {
                    context.report(DbObject.column(table.name(), column.name()),
                            "column " + ref + " holds money as " + column.type() + " (binary floating point): "
                                    + "amounts like 0.10 are stored approximately and sums drift.",
                            alter + " TYPE numeric(12, 2) USING round(" + col + "::numeric, 2); -- or bigint minor "
                                    + "units (cents)");
                }
            }
        }
    }
}
