package dev.dbcheck.schemarules.security;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Policy;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.List;

/** Policies on a table whose row-level security is not enabled: they are written, and do nothing. */
public final class PolicyWithoutRls implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "policy-without-rls",
            Category.SECURITY,
            Severity.ERROR,
            "Row-level security policies on a table where row-level security is not enabled.",
            "CREATE POLICY does not enable row-level security: until ALTER TABLE ... ENABLE ROW LEVEL SECURITY, "
                    + "PostgreSQL ignores the table's policies and every role with a grant sees and changes every "
                    + "row. The policies look like protection in review and give none.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            if (!table.rowSecurity() && !table.policies().isEmpty()) {
                context.report(DbObject.table(table.name()), table.name() + " has "
                                + (table.policies().size() == 1 ? "policy " : "policies ")
                                + String.join(", ", table.policies().stream().map(Policy::name).toList())
                                + " but row-level security is not enabled: PostgreSQL ignores them, and every role "
                                + "with a grant sees every row.",
                        Fix.sql("ALTER TABLE " + table.name() + " ENABLE ROW LEVEL SECURITY;"));
            }
        }
    }
}
