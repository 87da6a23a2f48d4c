package dev.dbcheck.engine;

import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;

import java.util.List;

/**
 * What a run found.
 *
 * @param findings  every finding, most severe first
 * @param snapshot  the schema that was checked
 * @param timings   the time of each phase
 * @param database  the description of the database it ran on
 * @param failOn    the configured threshold
 */
public record RunResult(List<Finding> findings, SchemaSnapshot snapshot, PhaseTimings timings, String database,
                        Severity failOn) {

    public RunResult {
        findings = List.copyOf(findings);
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
