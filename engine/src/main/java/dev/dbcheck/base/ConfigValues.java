package dev.dbcheck.base;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of configuration values that are written as text in a pom: durations and sizes. */
public final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|kB|KB|MB|GB|TB)?");

    private ConfigValues() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public static Duration duration(String key, String text) throws ConfigException {
        if (text == null || text.isBlank()) {
            throw new ConfigException(key, "a duration is required (e.g. 30s, 2m, 500ms)");
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(key, "'" + text + "' is not a duration; use a number with ms, s, m or h "
                    + "(e.g. 30s, 2m, 500ms)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m", "min" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        if (millis <= 0) {
            throw new ConfigException(key, "'" + text + "' must be greater than zero");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** PostgreSQL-style sizes: {@code 512kB}, {@code 64MB}, {@code 2GB}, {@code 1TB}; a bare number is bytes. */
    public static long size(String key, String text) throws ConfigException {
        if (text == null || text.isBlank()) {
            throw new ConfigException(key, "a size is required (e.g. 512MB, 2GB)");
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(key, "'" + text + "' is not a size; use a number with B, kB, MB, GB or TB "
                    + "(e.g. 512MB, 2GB)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            case "TB" -> 1024L * 1024 * 1024 * 1024;
            default -> 1L;
        };
        return Math.round(amount * factor);
    }

    /** Sizes for people: {@code 8.0 kB}, {@code 1.5 GB}. */
    /** A duration as it would be configured: {@code 300ms}, {@code 90s}, {@code 2m}, {@code 1.5s}. */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms < 1000 ? ms + "ms" : BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }

    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
