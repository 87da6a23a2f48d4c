package dev.dbcheck.report;

import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.place.Baseline;
import dev.dbcheck.advice.IndexAdvice;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.place.SuppressedFinding;

import java.util.List;
import java.util.Map;

/**
 * What a run found.
 *
 * @param findings        the findings that count, most severe first: not suppressed, not in the baseline
 * @param suppressed      findings silenced by a dbcheck:ignore with a reason
 * @param baselined       findings the baseline accepts
 * @param staleBaseline   baseline entries that no longer occur
 * @param snapshot        the schema that was checked
 * @param timings         the time of each phase
 * @param database        the description of the database it ran on
 * @param failOn          the configured threshold
 * @param rules           the metadata of every rule that ran (built-in and custom, not configured off), by id
 * @param dashboards      the dashboard queries' plans and the index budget, or null when none were declared
 * @param advice          the measured index advice for the workload, or null when there was none to give
 * @param change          the trace of the change's migrations at volume, or null when none was traced
 */
public record RunResult(List<Finding> findings, List<SuppressedFinding> suppressed, List<Finding> baselined,
                        List<Baseline.Entry> staleBaseline, SchemaSnapshot snapshot, PhaseTimings timings,
                        String database, Severity failOn, Map<String, RuleMetadata> rules,
                        DashboardResults dashboards, IndexAdvice advice, ChangeTrace change) {

    /** A result without a traced change. */
    public RunResult(List<Finding> findings, List<SuppressedFinding> suppressed, List<Finding> baselined,
                     List<Baseline.Entry> staleBaseline, SchemaSnapshot snapshot, PhaseTimings timings,
                     String database, Severity failOn, Map<String, RuleMetadata> rules, DashboardResults dashboards,
                     IndexAdvice advice) {
        this(findings, suppressed, baselined, staleBaseline, snapshot, timings, database, failOn, rules, dashboards,
                advice, null);
    }

    /** A result without index advice. */
    public RunResult(List<Finding> findings, List<SuppressedFinding> suppressed, List<Finding> baselined,
                     List<Baseline.Entry> staleBaseline, SchemaSnapshot snapshot, PhaseTimings timings,
                     String database, Severity failOn, Map<String, RuleMetadata> rules, DashboardResults dashboards) {
        this(findings, suppressed, baselined, staleBaseline, snapshot, timings, database, failOn, rules, dashboards,
                null);
    }

    public RunResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        baselined = List.copyOf(baselined);
        staleBaseline = List.copyOf(staleBaseline);
        rules = Map.copyOf(rules);
        timings = timings.frozen();
    }

    /** The same result with one more phase timed (the reports, written from this result). */
    public RunResult withPhase(String name, java.time.Duration duration) {
        return new RunResult(findings, suppressed, baselined, staleBaseline, snapshot, timings.plus(name, duration),
                database, failOn, rules, dashboards, advice, change);
    }

    /** The findings that fail the build: at or above {@code failOn}. */
    public List<Finding> failures() {
        return findings.stream().filter(f -> f.severity().isAtLeast(failOn)).toList();
    }

    public boolean failed() {
        return !failures().isEmpty();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
