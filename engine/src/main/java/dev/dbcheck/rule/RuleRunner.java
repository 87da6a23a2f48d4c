package dev.dbcheck.rule;

import dev.dbcheck.base.DbcheckException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one loop that runs rules — built-in schema and plan rules and the custom SQL ones alike — with their
 * configured severities, options and object patterns. A run calls {@link #run} after each stage that adds
 * evidence; each rule runs once, as soon as the evidence holds everything it {@linkplain Rule#reads() reads}.
 */
public final class RuleRunner {

    private final List<Rule> rules;
    private final Map<String, RuleSettings> settings;
    private final List<ObjectPattern> globalExcludes;
    private final Set<String> done = new HashSet<>();

    public RuleRunner(List<? extends Rule> rules, Map<String, RuleSettings> settings,
                      List<ObjectPattern> globalExcludes) {
        this.rules = List.copyOf(rules);
        this.settings = Map.copyOf(settings);
        this.globalExcludes = List.copyOf(globalExcludes);
    }

    /**
     * Runs the rules that have not run yet, whose evidence is now there and that wait for nothing still
     * {@linkplain Evidence#coming coming}; their findings, unsorted.
     */
    public List<Finding> run(Evidence evidence) throws DbcheckException {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            if (done.contains(metadata.id()) || !evidence.hasAll(rule.reads())
                    || rule.uses().stream().anyMatch(evidence::isComing)) {
                continue;
            }
            done.add(metadata.id());
            RuleSettings s = settings.getOrDefault(metadata.id(), RuleSettings.DEFAULTS);
            Severity severity = s.effectiveSeverity(metadata);
            if (severity == Severity.OFF) {
                continue;
            }
            RuleContext context = new RuleContext(metadata, severity, s.severity() != null, s.options(),
                    evidence.schema());
            rule.check(evidence, context);
            for (Finding f : context.findings()) {
                if (selected(f.object(), s)) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }

    /**
     * Whether a rule still to run, and not switched off, reads or uses this evidence: what no such rule looks at
     * need not be gathered (the real rows are not read when every rule that judges them is off).
     */
    public boolean wants(Input<?> input) {
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            if (!done.contains(metadata.id()) && (rule.reads().contains(input) || rule.uses().contains(input))
                    && settings.getOrDefault(metadata.id(), RuleSettings.DEFAULTS).effectiveSeverity(metadata)
                    != Severity.OFF) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rule's includes and excludes, and the global excludes, let a finding on this object through. */
    private boolean selected(DbObject object, RuleSettings s) {
        if (!s.includes().isEmpty() && s.includes().stream().noneMatch(p -> p.matches(object))) {
            return false;
        }
        return s.excludes().stream().noneMatch(p -> p.matches(object))
                && globalExcludes.stream().noneMatch(p -> p.matches(object));
    }

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
}
