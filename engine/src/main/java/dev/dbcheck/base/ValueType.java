package dev.dbcheck.base;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the text of a setting becomes a value, and which values it allows: the constraint lives with the type, so
 * every setting of that type is checked the same way, when the configuration is read, with its key in the message.
 *
 * @param description what docs say the value is ({@code a duration}, {@code one of error, warning, info})
 * @param parser      text (trimmed, not blank) to value; throws with the key
 */
public record ValueType<T>(String description, Parser<T> parser) {

    /** Text to value, or a {@link ConfigException} naming the key. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String key, String text) throws ConfigException;
    }

    public T parse(String key, String text) throws ConfigException {
        return parser.parse(key, text.trim());
    }

    public static ValueType<String> text() {
        return new ValueType<>("text", (key, t) -> t);
    }

    public static ValueType<Boolean> bool() {
        return new ValueType<>("true or false", (key, t) -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "'" + t + "' is not true or false");
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>(max == Integer.MAX_VALUE ? "a whole number ≥ " + min
                : "a whole number from " + min + " to " + max, (key, t) -> {
            long n;
            try {
                n = Long.parseLong(t.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + t + "' is not a whole number");
            }
            if (n < min || n > max) {
                throw new ConfigException(key, "'" + t + "' is not " + (max == Integer.MAX_VALUE ? "at least " + min
                        : "from " + min + " to " + max));
            }
            return (int) n;
        });
    }

    /** A finite decimal number within {@code [min, max]}; {@code minExclusive} leaves {@code min} itself out. */
    public static ValueType<Double> number(double min, boolean minExclusive, double max) {
        String range = minExclusive ? "above " + trim(min) + " and at most " + trim(max)
                : "between " + trim(min) + " and " + trim(max);
        return new ValueType<>("a number " + range, (key, t) -> {
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + t + "' is not a number");
            }
            if (!Double.isFinite(d) || d < min || (minExclusive && d == min) || d > max) {
                throw new ConfigException(key, "'" + t + "' is not " + range);
            }
            return d;
        });
    }

    /** A row count: {@code 1000000}, {@code 1_000_000}, {@code 1M}, {@code 50k}. */
    public static ValueType<Long> rows() {
        return new ValueType<>("a row count (1000000, 1M, 50k)", (key, t) -> {
            String s = t.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
            long factor = 1;
            if (s.endsWith("k")) {
                factor = 1_000;
                s = s.substring(0, s.length() - 1);
            } else if (s.endsWith("m")) {
                factor = 1_000_000;
                s = s.substring(0, s.length() - 1);
            }
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d) || d < 0 || d * factor > Long.MAX_VALUE / 2) {
                    throw new NumberFormatException();
                }
                return Math.round(d * factor);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + t + "' is not a row count (e.g. 1000000, 1M, 50k)");
            }
        });
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}: greater than zero. */
    public static ValueType<Duration> duration() {
        return new ValueType<>("a duration (500ms, 30s, 2m)", ConfigValues::duration);
    }

    /** {@code 512kB}, {@code 64MB}, {@code 2GB}: a size as PostgreSQL writes it. */
    public static ValueType<String> size() {
        return new ValueType<>("a size (512kB, 64MB, 2GB)", (key, t) -> {
            ConfigValues.size(key, t);
            return t.replace(" ", "");
        });
    }

    /** One of the given words, case ignored; the value is the word as declared. */
    public static ValueType<String> oneOf(String... choices) {
        return oneOf(List.of(choices), Function.identity());
    }

    /** One of the given words, case ignored, mapped to a value. */
    public static <T> ValueType<T> oneOf(List<String> choices, Function<String, T> value) {
        String all = String.join(", ", choices);
        return new ValueType<>("one of " + all, (key, t) -> {
            for (String c : choices) {
                if (c.equalsIgnoreCase(t)) {
                    return value.apply(c);
                }
            }
            throw new ConfigException(key, "'" + t + "' is not one of " + all);
        });
    }

    /** A Java regular expression that compiles. */
    public static ValueType<Pattern> regex() {
        return new ValueType<>("a regular expression", (key, t) -> {
            try {
                return Pattern.compile(t);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(key, "'" + t + "' is not a regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        });
    }

    /** A file or folder; relative paths are resolved by whoever reads the setting. */
    public static ValueType<Path> path() {
        return new ValueType<>("a path", (key, t) -> {
            try {
                return Path.of(t);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigException(key, "'" + t + "' is not a path: " + e.getReason());
            }
        });
    }

    /** Anything a stage parses itself ({@code 54320-54339}, {@code 17.6.0}), described for the docs. */
    public static <T> ValueType<T> custom(String description, Parser<T> parser) {
        return new ValueType<>(description, parser);
    }

    /** Comma-separated parts of one text, blank parts dropped: {@code sarif,junit}. */
    public static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
