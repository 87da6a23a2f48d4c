package dev.dbcheck.schemarules.types;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
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

import java.util.List;
import java.util.regex.Pattern;

/** {@code real}/{@code double precision} on a money-like column, and the {@code money} type anywhere. */
public final class FloatForMoney implements SchemaRule {

    static final String NAME_PATTERN = "namePattern";
    static final String NOT_MONEY_PATTERN = "notMoneyPattern";
    // "total", "charge", "spent", "budget" and "margin" alone name times, counts, batteries and layouts as often as
    // money; they count when a money word comes with them (total_price, budget_amount)
    static final String DEFAULT_PATTERN = "(^|_)(price|prices|amount|amounts|subtotal|cost|costs|balance|balances|fee"
            + "|fees|tax|taxes|vat|salary|salaries|wage|wages|revenue|payment|payments|discount|refund|refunds"
            + "|income|profit|payout|payouts|credit|debit|cents|money|dollars|euros|usd|eur)(_|$)";
    // a rate is a ratio of money, not money: tax_rate 0.19 is exact enough in a double, and so are shares,
    // weights and durations that sit next to a money word (price_weight, payment_timeout_seconds)
    static final String DEFAULT_NOT_MONEY = "(^|_)(rate|rates|ratio|ratios|percent|percentage|pct|factor|multiplier"
            + "|coefficient|fraction|proportion|share|weight|score|probability|time|duration|seconds|secs|ms|millis"
            + "|minutes|hours|days|count|size|bytes|tokens)(_|$)";

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
                    "Regular expression for column names that hold money, matched against the name as lower-case words joined "
                            + "by _ (listPrice reads as list_price).", DEFAULT_PATTERN),
                    RuleOption.regex(NOT_MONEY_PATTERN,
                            "Regular expression for words that make a money-like name a ratio, a duration or a count "
                                    + "(tax_rate, discount_percent, payment_timeout_seconds); matched the same way.",
                            DEFAULT_NOT_MONEY)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /**
     * A money word, and no word that makes it a ratio or a duration — except after "per": a price per unit
     * ({@code cents_per_ms}, {@code price_per_hour}) is money however small the unit.
     */
    static boolean isMoney(String snakeName, Pattern moneyName, Pattern notMoney) {
        int per = snakeName.indexOf("_per_");
        String measured = per > 0 ? snakeName.substring(0, per) : snakeName;
        return moneyName.matcher(measured).find() && !notMoney.matcher(measured).find();
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        Pattern moneyName = Pattern.compile(context.option(NAME_PATTERN), Pattern.CASE_INSENSITIVE);
        Pattern notMoney = Pattern.compile(context.option(NOT_MONEY_PATTERN), Pattern.CASE_INSENSITIVE);
        for (Table table : Scope.designedTables(schema)) {
            for (Column column : table.columns()) {
                boolean money = column.typeName().equals("money");
                if (!money && !((column.typeName().equals("float4") || column.typeName().equals("float8"))
                        && isMoney(Words.snake(column.name()), moneyName, notMoney))) {
                    continue; // the message's strings only for a finding: every column of the schema passes here
                }
                String col = Identifiers.quote(column.name());
                String ref = table.name() + "." + col;
                String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + col;
                if (money) {
                    context.report(DbObject.column(table.name(), column.name()),
                            "column " + ref + " uses the money type: its output and input depend on the server's "
                                    + "lc_monetary, its precision is fixed and it carries no currency.",
                            alter + " TYPE numeric(12, 2) USING " + col + "::numeric;");
                } else {
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
