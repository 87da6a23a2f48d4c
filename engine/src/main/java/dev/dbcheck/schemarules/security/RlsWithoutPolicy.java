package dev.dbcheck.schemarules.security;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;

import java.util.List;

/** Row-level security enabled on a table that has no policy: every row is hidden from everyone but its owner. */
public final class RlsWithoutPolicy implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "rls-without-policy",
            Category.SECURITY,
            Severity.WARNING,
            "Row-level security enabled on a table without any policy.",
            "With RLS enabled and no policy, PostgreSQL applies a default-deny: every role but the table's owner "
                    + "and superusers (and roles with BYPASSRLS) sees no row and can change none. That is rarely "
                    + "what was meant — usually the policies were forgotten or are in a later migration that "
                    + "never came. Write the policies, or say the deny-all is intended with an explicit one.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            if (table.rowSecurity() && table.policies().isEmpty() && !table.isPartition()) {
                context.report(DbObject.table(table.name()), "row-level security is enabled on " + table.name()
                                + " but it has no policy: every role except its owner sees no row and changes none.",
                        Fix.sql("CREATE POLICY " + Identifiers.quote(table.name().name() + "_deny_all") + " ON "
                                + table.name() + " USING (false); -- replace with who may see which rows"));
            }
        }
    }
}
