package dev.dbcheck.engine;

import dev.dbcheck.changerules.BlockingIndexBuild;
import dev.dbcheck.changerules.ChangeRule;
import dev.dbcheck.changerules.DestructiveChange;
import dev.dbcheck.changerules.LockHeldAfterExclusive;
import dev.dbcheck.changerules.LockWithoutTimeout;
import dev.dbcheck.changerules.TableRewrite;
import dev.dbcheck.changerules.ValidatingConstraint;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.place.Suppressions;
import dev.dbcheck.planrules.ExpectedIndexNotUsed;
import dev.dbcheck.planrules.IndexBudgetExceeded;
import dev.dbcheck.planrules.NoUsableIndex;
import dev.dbcheck.planrules.PlanRule;
import dev.dbcheck.planrules.QueryTimeBudget;
import dev.dbcheck.planrules.SeqScanOnLargeTable;
import dev.dbcheck.planrules.TempSpill;
import dev.dbcheck.planrules.QueryMatchesNoRows;
import dev.dbcheck.planrules.UnusedIndex;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schemarules.indexes.ArrayBtreeIndex;
import dev.dbcheck.schemarules.indexes.DuplicateIndex;
import dev.dbcheck.schemarules.indexes.ForeignKeyWithoutIndex;
import dev.dbcheck.schemarules.indexes.InvalidIndex;
import dev.dbcheck.schemarules.indexes.LowSelectivityIndex;
import dev.dbcheck.schemarules.indexes.MaterializedViewWithoutUniqueIndex;
import dev.dbcheck.schemarules.indexes.PartitionMissingIndex;
import dev.dbcheck.schemarules.indexes.RedundantIndex;
import dev.dbcheck.schemarules.keys.ConstraintNotValidated;
import dev.dbcheck.schemarules.keys.ForeignKeyTypeMismatch;
import dev.dbcheck.schemarules.keys.IntegerKeyOverflow;
import dev.dbcheck.schemarules.keys.MissingPrimaryKey;
import dev.dbcheck.schemarules.keys.NullableForeignKeyColumn;
import dev.dbcheck.schemarules.keys.SerialPrimaryKey;
import dev.dbcheck.schemarules.normalization.CopiedAttribute;
import dev.dbcheck.schemarules.normalization.DuplicatedPersonalData;
import dev.dbcheck.schemarules.normalization.ListValuedColumn;
import dev.dbcheck.schemarules.normalization.RedundantColumn;
import dev.dbcheck.schemarules.normalization.PartialKeyDependency;
import dev.dbcheck.schemarules.normalization.RepeatingColumnGroup;
import dev.dbcheck.schemarules.normalization.TransitiveDependency;
import dev.dbcheck.schemarules.naming.IdentifierTooLong;
import dev.dbcheck.schemarules.naming.NamingConvention;
import dev.dbcheck.schemarules.security.PolicyWithoutRls;
import dev.dbcheck.schemarules.security.PublicGrant;
import dev.dbcheck.schemarules.security.RlsWithoutPolicy;
import dev.dbcheck.schemarules.security.SecurityDefinerSearchPath;
import dev.dbcheck.schemarules.types.CharColumn;
import dev.dbcheck.schemarules.types.FloatForMoney;
import dev.dbcheck.schemarules.types.InconsistentColumnType;
import dev.dbcheck.schemarules.types.JsonColumn;
import dev.dbcheck.schemarules.types.TimestampWithoutTimeZone;
import dev.dbcheck.schemarules.types.VarcharLength;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules that ship with dbcheck, and every rule id dbcheck knows with its metadata: these rules' and the ones
 * the engine reports itself (suppression problems). A new rule is added here, in one line; configuration is
 * validated, and the docs and {@code dbcheck:rules} are generated, from here.
 */
public final class RuleCatalog {

    private static final List<SchemaRule> SCHEMA_RULES = List.of(
            // keys and constraints
            new MissingPrimaryKey(),
            new SerialPrimaryKey(),
            new ForeignKeyTypeMismatch(),
            new ConstraintNotValidated(),
            new IntegerKeyOverflow(),
            new NullableForeignKeyColumn(),
            // indexes
            new ForeignKeyWithoutIndex(),
            new DuplicateIndex(),
            new RedundantIndex(),
            new InvalidIndex(),
            new PartitionMissingIndex(),
            new MaterializedViewWithoutUniqueIndex(),
            new LowSelectivityIndex(),
            new ArrayBtreeIndex(),
            // types
            new JsonColumn(),
            new TimestampWithoutTimeZone(),
            new FloatForMoney(),
            new CharColumn(),
            new VarcharLength(),
            new InconsistentColumnType(),
            // normalization
            new RepeatingColumnGroup(),
            new ListValuedColumn(),
            new RedundantColumn(),
            new PartialKeyDependency(),
            new CopiedAttribute(),
            new TransitiveDependency(),
            new DuplicatedPersonalData(),
            // security
            new SecurityDefinerSearchPath(),
            new RlsWithoutPolicy(),
            new PolicyWithoutRls(),
            new PublicGrant(),
            // naming
            new IdentifierTooLong(),
            new NamingConvention());

    private static final List<PlanRule> PLAN_RULES = List.of(
            new SeqScanOnLargeTable(),
            new TempSpill(),
            new QueryTimeBudget(),
            new NoUsableIndex(),
            new ExpectedIndexNotUsed(),
            new IndexBudgetExceeded(),
            new UnusedIndex(),
            new QueryMatchesNoRows());

    private static final List<ChangeRule> CHANGE_RULES = List.of(
            new BlockingIndexBuild(),
            new TableRewrite(),
            new ValidatingConstraint(),
            new LockWithoutTimeout(),
            new LockHeldAfterExclusive(),
            new DestructiveChange());

    private RuleCatalog() {
    }

    /** Every built-in rule, sorted by id. */
    public static List<Rule> rules() {
        return Stream.of(SCHEMA_RULES.stream(), PLAN_RULES.stream(), CHANGE_RULES.stream()).flatMap(r -> r)
                .sorted(Comparator.comparing(r -> r.metadata().id())).map(Rule.class::cast).toList();
    }

    /** The built-in rules over the schema snapshot (and real rows), sorted by id. */
    public static List<SchemaRule> schemaRules() {
        return SCHEMA_RULES.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
    }

    /** The built-in rules over dashboard query plans and index sizes. */
    public static List<PlanRule> planRules() {
        return PLAN_RULES;
    }

    /** The built-in rules over the change's trace (migration safety). */
    public static List<ChangeRule> changeRules() {
        return CHANGE_RULES;
    }

    public static Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.metadata().id().equals(id)).findFirst();
    }

    /** The metadata of every rule id, sorted by id. */
    public static List<RuleMetadata> all() {
        List<RuleMetadata> all = new ArrayList<>();
        rules().forEach(r -> all.add(r.metadata()));
        all.addAll(Suppressions.METADATA);
        all.sort(Comparator.comparing(RuleMetadata::id));
        return all;
    }

    public static Optional<RuleMetadata> byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return all().stream().map(RuleMetadata::id).toList();
    }

    /** The schema rules over a snapshot, findings in reading order (tools and tests that lint a schema alone). */
    public static List<Finding> checkSchema(SchemaSnapshot schema, Map<String, RuleSettings> settings) {
        return check(schemaRules(), Evidence.of(schema), settings);
    }

    /** The plan rules over dashboard results, findings in reading order. */
    public static List<Finding> checkPlans(DashboardResults results, Map<String, RuleSettings> settings) {
        return check(planRules(), Evidence.of(results.schema()).with(DashboardResults.PLANS, results), settings);
    }

    private static List<Finding> check(List<? extends Rule> rules, Evidence evidence,
                                       Map<String, RuleSettings> settings) {
        try {
            List<Finding> findings = new ArrayList<>(new RuleRunner(rules, settings, List.of()).run(evidence));
            RuleRunner.sort(findings);
            return findings;
        } catch (DbcheckException e) {
            throw new IllegalStateException("a built-in rule failed", e); // built-in rules never throw
        }
    }
}
