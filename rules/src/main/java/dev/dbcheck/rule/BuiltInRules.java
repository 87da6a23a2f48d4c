package dev.dbcheck.rule;

import dev.dbcheck.rules.indexes.DuplicateIndex;
import dev.dbcheck.rules.indexes.ForeignKeyWithoutIndex;
import dev.dbcheck.rules.indexes.InvalidIndex;
import dev.dbcheck.rules.indexes.MaterializedViewWithoutUniqueIndex;
import dev.dbcheck.rules.indexes.PartitionMissingIndex;
import dev.dbcheck.rules.indexes.RedundantIndex;
import dev.dbcheck.rules.keys.ConstraintNotValidated;
import dev.dbcheck.rules.keys.ForeignKeyTypeMismatch;
import dev.dbcheck.rules.keys.MissingPrimaryKey;
import dev.dbcheck.rules.keys.SerialPrimaryKey;
import dev.dbcheck.rules.normalization.CopiedAttribute;
import dev.dbcheck.rules.normalization.DuplicatedPersonalData;
import dev.dbcheck.rules.normalization.ListValuedColumn;
import dev.dbcheck.rules.normalization.PartialKeyDependency;
import dev.dbcheck.rules.normalization.RepeatingColumnGroup;
import dev.dbcheck.rules.normalization.TransitiveDependency;
import dev.dbcheck.rules.types.CharColumn;
import dev.dbcheck.rules.types.FloatForMoney;
import dev.dbcheck.rules.types.InconsistentColumnType;
import dev.dbcheck.rules.types.JsonColumn;
import dev.dbcheck.rules.types.TimestampWithoutTimeZone;
import dev.dbcheck.rules.types.VarcharLength;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules that ship with dbcheck. A new rule is added here, in one line. */
public final class BuiltInRules {

    private static final List<Rule> ALL = List.of(
            // keys and constraints
            new MissingPrimaryKey(),
            new SerialPrimaryKey(),
            new ForeignKeyTypeMismatch(),
            new ConstraintNotValidated(),
            // indexes
            new ForeignKeyWithoutIndex(),
            new DuplicateIndex(),
            new RedundantIndex(),
            new InvalidIndex(),
            new PartitionMissingIndex(),
            new MaterializedViewWithoutUniqueIndex(),
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
            new PartialKeyDependency(),
            new CopiedAttribute(),
            new TransitiveDependency(),
            new DuplicatedPersonalData());

    private static final List<PlanRule> PLAN_RULES = List.of(
            new dev.dbcheck.rules.plans.SeqScanOnLargeTable(),
            new dev.dbcheck.rules.plans.TempSpill(),
            new dev.dbcheck.rules.plans.QueryTimeBudget(),
            new dev.dbcheck.rules.plans.NoUsableIndex(),
            new dev.dbcheck.rules.plans.ExpectedIndexNotUsed(),
            new dev.dbcheck.rules.plans.IndexBudgetExceeded(),
            new dev.dbcheck.rules.plans.UnusedIndex());

    private BuiltInRules() {
    }

    /** The rules over dashboard query plans and index sizes. */
    public static List<PlanRule> planRules() {
        return PLAN_RULES;
    }

    /** All built-in schema rules, sorted by id. */
    public static List<Rule> all() {
        return ALL.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return all().stream().map(r -> r.metadata().id()).toList();
    }
}
