package dev.dbcheck.rule;

import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.base.SourcePosition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What a rule sees while it runs: its options, and where to report. */
public final class RuleContext {

    private final RuleMetadata metadata;
    private final Severity severity;
    private final Map<String, String> options;
    private final SchemaSnapshot schema;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param options configured option values; options not given take their default from the metadata
     */
    public RuleContext(RuleMetadata metadata, Severity severity, Map<String, String> options, SchemaSnapshot schema) {
        this(metadata, severity, false, options, schema);
    }

    /**
     * @param severityConfigured whether the user set the rule's severity: then it holds for every finding, and a
     *                           rule does not raise it for an urgent one ({@link #reportUrgent})
     */
    public RuleContext(RuleMetadata metadata, Severity severity, boolean severityConfigured, Map<String, String> options,
                       SchemaSnapshot schema) {
        this.metadata = metadata;
        this.severity = severity;
        this.severityConfigured = severityConfigured;
        this.options = Map.copyOf(options);
        this.schema = schema;
    }

    private final boolean severityConfigured;

    /**
     * A finding that is worse than the rule's usual one (a key that runs out within the year): reported as an
     * error, unless the user set the rule's severity, which then holds.
     */
    public void reportUrgent(DbObject object, String message, Fix fix) {
        findings.add(new Finding(metadata.id(), severityConfigured ? severity : Severity.ERROR, object, message, fix,
                null));
    }

    /**
     * A finding milder than the rule's usual one (a style question where a real but smaller risk remains): reported
     * as a warning when the rule reports errors, unless the user set the rule's severity, which then holds.
     */
    public void reportMild(DbObject object, String message, Fix fix) {
        Severity mild = severityConfigured || severity != Severity.ERROR ? severity : Severity.WARNING;
        findings.add(new Finding(metadata.id(), mild, object, message, fix, null));
    }

    /** A milder finding ({@link #reportMild}) whose position the rule knows itself. */
    public void reportMild(DbObject object, String message, Fix fix, SourcePosition position) {
        Severity mild = severityConfigured || severity != Severity.ERROR ? severity : Severity.WARNING;
        findings.add(new Finding(metadata.id(), mild, object, message, fix, position));
    }

    /** The server's major version, for fixes that differ between majors (uuidv7() exists from 18). */
    public int serverMajorVersion() {
        return schema.majorVersion();
    }

    public String option(String name) {
        String value = options.get(name);
        if (value != null) {
            return value.trim();
        }
        return metadata.option(name)
                .orElseThrow(() -> new IllegalArgumentException(metadata.id() + " has no option " + name))
                .defaultValue();
    }

    public int intOption(String name) {
        return Integer.parseInt(option(name));
    }

    public boolean booleanOption(String name) {
        return Boolean.parseBoolean(option(name));
    }

    public List<String> listOption(String name) {
        String value = option(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A finding whose fix is SQL, runnable as given (the rule fixtures run it). */
    public void report(DbObject object, String message, String sqlFix) {
        report(object, message, Fix.sql(sqlFix));
    }

    public void report(DbObject object, String message, Fix fix) {
        findings.add(new Finding(metadata.id(), severity, object, message, fix, null));
    }

    /** A finding whose position the rule knows itself (a line of a dashboard query file). */
    public void report(DbObject object, String message, Fix fix, SourcePosition position) {
        findings.add(new Finding(metadata.id(), severity, object, message, fix, position));
    }

    /** The severity this rule reports at in this run. */
    public Severity severity() {
        return severity;
    }

    /** A finding made whole elsewhere (a custom SQL rule's row). */
    void add(Finding finding) {
        findings.add(finding);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
