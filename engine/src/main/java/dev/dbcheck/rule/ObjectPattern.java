package dev.dbcheck.rule;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An include or exclude pattern on object paths {@code schema.table[.column]}: {@code *} matches any run of
 * characters, {@code ?} one character. A pattern without a dot is matched against the table name in any schema
 * ({@code legacy_*} is {@code *.legacy_*}). Matching ignores case.
 */
public final class ObjectPattern {

    private final String text;
    private final Pattern regex;

    private ObjectPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static ObjectPattern of(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        String full = p.contains(".") ? p : "*." + p;
        StringBuilder regex = new StringBuilder();
        for (char c : full.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new ObjectPattern(p, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** True when any of the object's paths matches. */
    public boolean matches(DbObject object) {
        for (String path : object.patternPaths()) {
            if (regex.matcher(path.toLowerCase(Locale.ROOT)).matches() || regex.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
