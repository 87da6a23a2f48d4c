package dev.dbcheck.rule;

import dev.dbcheck.data.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs the enabled rules over a snapshot with their configured severities, options and object patterns. */
public final class RuleEngine {

    /**
     * Sorts findings for reading: most severe first, then by rule and object. Each object's display text is made
     * once, not twice per comparison: with tens of thousands of findings the comparisons' strings were a visible
     * part of the rules phase (docs/benchmarks.md).
     */
    public static void sort(List<Finding> findings) {
        record Keyed(Finding finding, String display) {
        }
        List<Keyed> keyed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            keyed.add(new Keyed(f, f.object().display()));
        }
        keyed.sort(Comparator.comparing((Keyed k) -> k.finding().severity().ordinal())
                .thenComparing(k -> k.finding().ruleId()).thenComparing(Keyed::display));
        findings.clear();
        keyed.forEach(k -> findings.add(k.finding()));
    }

    private final List<Rule> rules;
    private final Map<String, RuleSettings> settings;
    private final List<ObjectPattern> globalExcludes;

    public RuleEngine(List<Rule> rules, Map<String, RuleSettings> settings, List<ObjectPattern> globalExcludes) {
        this.rules = List.copyOf(rules);
        this.settings = Map.copyOf(settings);
        this.globalExcludes = List.copyOf(globalExcludes);
    }

    public List<Finding> run(SchemaSnapshot snapshot) {
        return run(snapshot, SampledData.NONE);
    }

    /** Runs the rules over the schema and, for rules that read data, over the sampled rows. */
    public List<Finding> run(SchemaSnapshot snapshot, SampledData data) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            RuleSettings s = settings.getOrDefault(metadata.id(), RuleSettings.DEFAULTS);
            Severity severity = s.effectiveSeverity(metadata);
            if (severity == Severity.OFF) {
                continue;
            }
            RuleContext context = new RuleContext(metadata, severity, s.options(), snapshot);
            rule.check(snapshot, context);
            if (!data.isEmpty()) {
                rule.checkData(snapshot, data, context);
            }
            findings.addAll(select(context.findings(), s, globalExcludes));
        }
        sort(findings);
        return findings;
    }

    /** Runs the plan rules over the dashboard results, with the same settings and patterns as schema rules. */
    public List<Finding> runPlans(dev.dbcheck.dashboard.DashboardResults results,
                                  List<PlanRule> planRules) {
        List<Finding> findings = new ArrayList<>();
        for (PlanRule rule : planRules) {
            RuleMetadata metadata = rule.metadata();
            RuleSettings s = settings.getOrDefault(metadata.id(), RuleSettings.DEFAULTS);
            Severity severity = s.effectiveSeverity(metadata);
            if (severity == Severity.OFF) {
                continue;
            }
            RuleContext context = new RuleContext(metadata, severity, s.options(), results.schema());
            rule.check(results, context);
            findings.addAll(select(context.findings(), s, globalExcludes));
        }
        sort(findings);
        return findings;
    }

    /** The findings a rule's includes and excludes, and the global excludes, let through. */
    public static List<Finding> select(List<Finding> findings, RuleSettings s, List<ObjectPattern> globalExcludes) {
        return findings.stream().filter(f -> selected(f.object(), s, globalExcludes)).toList();
    }

    private static boolean selected(DbObject object, RuleSettings s, List<ObjectPattern> globalExcludes) {
        if (!s.includes().isEmpty() && s.includes().stream().noneMatch(p -> p.matches(object))) {
            return false;
        }
        return s.excludes().stream().noneMatch(p -> p.matches(object))
                && globalExcludes.stream().noneMatch(p -> p.matches(object));
    }
}
