package dev.dbcheck.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters. {@link #OFF} only appears in configuration: it switches a rule off. */
public enum Severity {
    ERROR, WARNING, INFO, OFF;

    /** The lower-case name used in configuration and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold} (OFF is below everything). */
    public boolean isAtLeast(Severity threshold) {
        return this != OFF && threshold != OFF && ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error}, {@code warning}, {@code info} or {@code off}, in any case; null if it is none. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("WARN")) {
            return WARNING;
        }
        for (Severity s : values()) {
            if (s.name().equals(normalized)) {
                return s;
            }
        }
        return null;
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", "));
    }
}
