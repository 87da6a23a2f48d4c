package dev.dbcheck.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code <rule>} in the pom:
 * <pre>{@code
 * <rule>
 *   <id>serial-primary-key</id>
 *   <severity>warning</severity>
 *   <options><preferredKey>identity</preferredKey></options>
 *   <excludes><exclude>legacy.*</exclude></excludes>
 * </rule>
 * }</pre>
 */
public class RuleConfiguration {

    /** The rule id. */
    String id;
    /** error, warning, info or off; the rule's default when absent. */
    String severity;
    /** Rule options by name. */
    Map<String, String> options = new LinkedHashMap<>();
    /** Only objects matching one of these patterns ({@code schema.table[.column]}, * and ?) are reported. */
    List<String> includes = new ArrayList<>();
    /** Objects matching one of these patterns are not reported. */
    List<String> excludes = new ArrayList<>();

    public RuleConfiguration() {
    }

    RuleConfiguration(String id, String severity) {
        this.id = id;
        this.severity = severity;
    }
}
