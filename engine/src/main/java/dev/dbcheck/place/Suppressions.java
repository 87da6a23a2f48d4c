package dev.dbcheck.place;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.base.SourcePosition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies {@code dbcheck:ignore} suppressions to findings. A suppression must give a reason; one without, or one
 * that names an unknown rule, silences nothing and is reported ({@code invalid-suppression}). A suppression that
 * no longer matches a finding is reported too ({@code unused-suppression}), so that they do not rot.
 */
public final class Suppressions {

    public static final RuleMetadata INVALID = new RuleMetadata(
            "invalid-suppression",
            Category.SUPPRESSIONS,
            Severity.ERROR,
            "A dbcheck:ignore suppression without a reason, or naming a rule that does not exist.",
            "A suppression is a decision someone will have to revisit: the reason is what lets them. One without a "
                    + "reason silences nothing, and one naming an unknown rule (a typo) silences nothing either.",
            List.of());

    public static final RuleMetadata UNUSED = new RuleMetadata(
            "unused-suppression",
            Category.SUPPRESSIONS,
            Severity.WARNING,
            "A dbcheck:ignore suppression that no longer matches any finding.",
            "Once the problem it silenced is fixed (or the object is gone), a suppression only misleads readers "
                    + "and would silently hide the problem if it came back. Remove it.",
            List.of());

    public static final List<RuleMetadata> METADATA = List.of(INVALID, UNUSED);

    private Suppressions() {
    }

    /** The outcome: the findings that remain (with suppression problems added) and the silenced ones. */
    public record Outcome(List<Finding> findings, List<SuppressedFinding> suppressed) {
    }

    /** Suppressions written in database comments ({@code COMMENT ON ... IS '... dbcheck:ignore ...'}). */
    public static List<Suppression> fromCatalog(SchemaSnapshot schema) {
        List<Suppression> found = new ArrayList<>();
        for (Table table : schema.tables()) {
            add(found, table.comment(), table.isMaterializedView() ? DbObject.materializedView(table.name())
                    : DbObject.table(table.name()));
            for (Column column : table.columns()) {
                add(found, column.comment(), DbObject.column(table.name(), column.name()));
            }
            for (Index index : table.indexes()) {
                add(found, index.comment(), DbObject.index(table.name(), index.name(), List.of()));
            }
            for (Constraint constraint : table.constraints()) {
                add(found, constraint.comment(), DbObject.constraint(table.name(), constraint.name(), List.of()));
            }
        }
        return found;
    }

    private static void add(List<Suppression> found, String comment, DbObject object) {
        if (comment == null) {
            return;
        }
        SuppressionSyntax.Parsed parsed = SuppressionSyntax.parse(comment);
        if (parsed != null) {
            found.add(new Suppression(parsed.ruleIds(), parsed.reason(), null, Set.of(), object));
        }
    }

    /**
     * @param findings    findings with their positions already placed
     * @param suppressions every suppression found
     * @param knownIds    every rule id that exists
     * @param settings    rule settings, for the meta rules' severity and for which rules run
     * @param positions   finds the migration line of an object
     */
    public static Outcome apply(List<Finding> findings, List<Suppression> suppressions, Set<String> knownIds,
                                Map<String, RuleSettings> settings, Map<String, RuleMetadata> metadata,
                                Function<DbObject, Optional<SourcePosition>> positions) {
        List<Suppression> valid = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (Suppression s : suppressions) {
            List<String> unknown = s.ruleIds().stream().filter(id -> !knownIds.contains(id)).toList();
            if (s.ruleIds().isEmpty()) {
                problems.add(problem(INVALID, s, "suppression at " + s.where() + " names no rule: write "
                        + "dbcheck:ignore <rule-id>: <reason>", settings, positions));
            } else if (!unknown.isEmpty()) {
                problems.add(problem(INVALID, s, "suppression at " + s.where() + " names unknown rule(s) "
                        + String.join(", ", unknown) + ": it silences nothing", settings, positions));
            } else if (!s.hasReason()) {
                problems.add(problem(INVALID, s, "suppression of " + String.join(", ", s.ruleIds()) + " at "
                        + s.where() + " gives no reason, so it silences nothing: write dbcheck:ignore "
                        + String.join(", ", s.ruleIds()) + ": <why this is acceptable>", settings, positions));
            } else {
                valid.add(s);
            }
        }
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Finding finding : findings) {
            Suppression by = null;
            for (Suppression s : valid) {
                if (covers(s, finding)) {
                    by = s;
                    used.add(key(s, finding.ruleId()));
                }
            }
            if (by == null) {
                kept.add(finding);
            } else {
                suppressed.add(new SuppressedFinding(finding, by));
            }
        }
        for (Suppression s : valid) {
            List<String> unused = s.ruleIds().stream()
                    .filter(id -> isActive(id, settings, metadata) && !used.contains(key(s, id))).toList();
            if (!unused.isEmpty()) {
                problems.add(problem(UNUSED, s, "suppression of " + String.join(", ", unused) + " at " + s.where()
                        + " (\"" + s.reason() + "\") matches no finding any more: remove it", settings, positions));
            }
        }
        kept.addAll(problems.stream().filter(f -> f.severity() != Severity.OFF).toList());
        return new Outcome(kept, suppressed);
    }

    private static boolean isActive(String id, Map<String, RuleSettings> settings, Map<String, RuleMetadata> metadata) {
        RuleMetadata m = metadata.get(id);
        return m != null && settings.getOrDefault(id, RuleSettings.DEFAULTS).effectiveSeverity(m) != Severity.OFF;
    }

    private static String key(Suppression s, String ruleId) {
        return System.identityHashCode(s) + " " + ruleId;
    }

    static boolean covers(Suppression s, Finding finding) {
        if (!s.ruleIds().contains(finding.ruleId())) {
            return false;
        }
        if (s.object() != null) {
            DbObject target = s.object();
            DbObject object = finding.object();
            if (!target.relation().equals(object.relation())) {
                return false;
            }
            return switch (target.kind()) {
                case TABLE, MATERIALIZED_VIEW -> true; // a table's comment covers all its parts
                default -> target.kind() == object.kind() && target.name().equals(object.name());
            };
        }
        SourcePosition at = finding.position();
        return at != null && at.path().equals(s.declared().path()) && s.lines().contains(at.line());
    }

    private static Finding problem(RuleMetadata rule, Suppression s, String message, Map<String, RuleSettings> settings,
                                   Function<DbObject, Optional<SourcePosition>> positions) {
        Severity severity = settings.getOrDefault(rule.id(), RuleSettings.DEFAULTS).effectiveSeverity(rule);
        DbObject object = s.declared() != null ? DbObject.file(s.declared().path()) : s.object();
        SourcePosition position = s.declared() != null ? s.declared() : positions.apply(s.object()).orElse(null);
        String fix = rule == UNUSED ? "delete the dbcheck:ignore comment"
                : "dbcheck:ignore " + (s.ruleIds().isEmpty() ? "<rule-id>" : String.join(", ", s.ruleIds()))
                + ": <why this is acceptable>";
        return new Finding(rule.id(), severity, object, message, fix, position);
    }
}
