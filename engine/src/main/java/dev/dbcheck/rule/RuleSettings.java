package dev.dbcheck.rule;

import java.util.List;
import java.util.Map;

/**
 * How the pom configures one rule.
 *
 * @param severity the severity, or null for the rule's default; {@link Severity#OFF} switches it off
 * @param options  option values by name
 * @param includes when not empty, only objects matching one of these are reported
 * @param excludes objects matching one of these are not reported
 */
public record RuleSettings(Severity severity, Map<String, String> options, List<ObjectPattern> includes,
                           List<ObjectPattern> excludes) {

    public static final RuleSettings DEFAULTS = new RuleSettings(null, Map.of(), List.of(), List.of());

    public RuleSettings {
        options = Map.copyOf(options);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    public Severity effectiveSeverity(RuleMetadata metadata) {
        return severity != null ? severity : metadata.defaultSeverity();
    }
}
