package dev.dbcheck.rule;

import java.util.List;

/**
 * An option a rule accepts in the pom ({@code <options><preferredKey>identity</preferredKey></options>}).
 *
 * @param name          the key
 * @param description   what it changes, one sentence
 * @param defaultValue  the value when not configured
 * @param allowedValues the values it accepts, or empty for {@link Type#INTEGER}/{@link Type#TEXT}/{@link Type#LIST}
 * @param type          how the value is read
 */
public record RuleOption(String name, String description, String defaultValue, List<String> allowedValues, Type type) {

    public enum Type { CHOICE, INTEGER, BOOLEAN, TEXT, LIST }

    public RuleOption {
        allowedValues = List.copyOf(allowedValues);
    }

    public static RuleOption choice(String name, String description, String defaultValue, String... allowed) {
        return new RuleOption(name, description, defaultValue, List.of(allowed), Type.CHOICE);
    }

    public static RuleOption integer(String name, String description, int defaultValue) {
        return new RuleOption(name, description, Integer.toString(defaultValue), List.of(), Type.INTEGER);
    }

    public static RuleOption bool(String name, String description, boolean defaultValue) {
        return new RuleOption(name, description, Boolean.toString(defaultValue), List.of("true", "false"),
                Type.BOOLEAN);
    }

    public static RuleOption text(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.TEXT);
    }

    /** A comma-separated list of values. */
    public static RuleOption list(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.LIST);
    }

    /** Checks a configured value; returns an explanation of what is wrong, or null when it is fine. */
    public String validate(String value) {
        String v = value == null ? "" : value.trim();
        return switch (type) {
            case CHOICE -> allowedValues.contains(v) ? null
                    : "'" + value + "' is not one of " + String.join(", ", allowedValues);
            case BOOLEAN -> allowedValues.contains(v) ? null : "'" + value + "' is not true or false";
            case INTEGER -> {
                try {
                    Integer.parseInt(v);
                    yield null;
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a whole number";
                }
            }
            case TEXT, LIST -> null;
        };
    }
}
