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

    public enum Type { CHOICE, INTEGER, BOOLEAN, TEXT, LIST, SIZE, DURATION, NUMBER, REGEX }

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

    /** A size such as {@code 2GB} or {@code 512MB}; empty for no limit. */
    public static RuleOption size(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.SIZE);
    }

    /** A duration such as {@code 2s} or {@code 500ms}. */
    public static RuleOption duration(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.DURATION);
    }

    /** A decimal number; 0 for no limit. */
    public static RuleOption number(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.NUMBER);
    }

    /** A Java regular expression; checked to compile when the configuration is read. */
    public static RuleOption regex(String name, String description, String defaultValue) {
        return new RuleOption(name, description, defaultValue, List.of(), Type.REGEX);
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
                    yield Integer.parseInt(v) < 0 ? "'" + value + "' is negative; a count or limit is 0 or more" : null;
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a whole number";
                }
            }
            case REGEX -> {
                try {
                    java.util.regex.Pattern.compile(v);
                    yield null;
                } catch (java.util.regex.PatternSyntaxException e) {
                    yield "'" + value + "' is not a regular expression: " + e.getDescription() + " near index "
                            + e.getIndex();
                }
            }
            case SIZE -> {
                if (v.isEmpty()) {
                    yield null;
                }
                try {
                    dev.dbcheck.base.ConfigValues.size(name, v);
                    yield null;
                } catch (dev.dbcheck.base.ConfigException e) {
                    yield "'" + value + "' is not a size; use a number with B, kB, MB, GB or TB (e.g. 512MB, 2GB)";
                }
            }
            case DURATION -> {
                try {
                    dev.dbcheck.base.ConfigValues.duration(name, v);
                    yield null;
                } catch (dev.dbcheck.base.ConfigException e) {
                    yield "'" + value + "' is not a duration; use a number with ms, s, m or h (e.g. 500ms, 2s)";
                }
            }
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(v);
                    yield !Double.isFinite(d) || d < 0 ? "'" + value + "' is not a number of 0 or more" : null;
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a number";
                }
            }
            case TEXT, LIST -> null;
        };
    }
}
