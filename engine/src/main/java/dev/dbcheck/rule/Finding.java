package dev.dbcheck.rule;

import dev.dbcheck.base.SourcePosition;

/**
 * One thing a rule found.
 *
 * @param ruleId   the rule that found it
 * @param severity its severity after configuration
 * @param object   the database object it is about
 * @param message  what is wrong, with the evidence
 * @param fix      how to fix it, SQL where possible; null when there is nothing to say
 * @param position the migration line that created or last changed the object; null when unknown
 */
public record Finding(String ruleId, Severity severity, DbObject object, String message, Fix fix,
                      SourcePosition position) {

    /** A finding whose fix is advice in words (or none, when {@code fix} is null or blank). */
    public Finding(String ruleId, Severity severity, DbObject object, String message, String fix,
                   SourcePosition position) {
        this(ruleId, severity, object, message, fix == null || fix.isBlank() ? null : Fix.advice(fix), position);
    }

    /** The fix as reports print it, or null. */
    public String fixText() {
        return fix == null ? null : fix.text();
    }

    public Finding withPosition(SourcePosition newPosition) {
        return new Finding(ruleId, severity, object, message, fix, newPosition);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, object, message, fix, position);
    }

    /** The stable identity used by baselines: rule id and object, no line numbers. */
    public String baselineKey() {
        return ruleId + " " + object.identity();
    }
}
