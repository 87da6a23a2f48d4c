package dev.dbcheck.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Values matching a simple anchored regular expression ({@code ^[A-Z]{2}$}, {@code ^SKU-\d{6}$}), produced from
 * an index: each element is a literal or a character class repeated a fixed number of times, so the values form a
 * mixed-radix counter and distinct indexes give distinct values (up to the pattern's capacity).
 */
final class RegexValues {

    /** One element: the characters it may be, repeated {@code count} times. */
    record Element(String characters, int count) {
    }

    private final List<Element> elements;

    private RegexValues(List<Element> elements) {
        this.elements = elements;
    }

    /** Parses the pattern, or returns null when it is not of the simple kind this generator supports. */
    static RegexValues parse(String pattern) {
        if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
            return null;
        }
        String p = pattern.substring(1, pattern.length() - 1);
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            String chars;
            char c = p.charAt(i);
            if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                chars = expand(p.substring(i + 1, end));
                if (chars == null) {
                    return null;
                }
                i = end + 1;
            } else if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                chars = switch (e) {
                    case 'd' -> "0123456789";
                    case 'w' -> "abcdefghijklmnopqrstuvwxyz0123456789_";
                    default -> Character.isLetterOrDigit(e) ? null : String.valueOf(e);
                };
                if (chars == null) {
                    return null;
                }
                i += 2;
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' || c == ':' || c == '@') {
                chars = String.valueOf(c);
                i++;
            } else {
                return null; // alternation, groups, wildcards: not generated
            }
            int count = 1;
            if (i < p.length() && p.charAt(i) == '{') {
                int end = p.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                String[] range = p.substring(i + 1, end).split(",");
                try {
                    count = Integer.parseInt(range[range.length - 1].isBlank() ? range[0] : range[range.length - 1]);
                    count = Math.max(count, Integer.parseInt(range[0]));
                } catch (NumberFormatException e) {
                    return null;
                }
                i = end + 1;
            } else if (i < p.length() && (p.charAt(i) == '+' || p.charAt(i) == '*' || p.charAt(i) == '?')) {
                count = p.charAt(i) == '?' ? 0 : p.charAt(i) == '*' ? 1 : 3;
                i++;
            }
            if (count > 0) {
                elements.add(new Element(chars, count));
            }
        }
        return elements.isEmpty() ? null : new RegexValues(elements);
    }

    private static String expand(String body) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '^') {
                return null; // negated classes
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char x = c; x <= body.charAt(i + 2); x++) {
                    chars.append(x);
                }
                i += 2;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                chars.append(e == 'd' ? "0123456789" : String.valueOf(e));
            } else {
                chars.append(c);
            }
        }
        return chars.isEmpty() ? null : chars.toString();
    }

    /** How many different values the pattern can produce (saturating). */
    long capacity() {
        long total = 1;
        for (Element e : elements) {
            for (int k = 0; k < e.count(); k++) {
                total = Math.multiplyExact(total, (long) e.characters().length());
                if (total > Long.MAX_VALUE / 64) {
                    return Long.MAX_VALUE / 64;
                }
            }
        }
        return total;
    }

    /** SQL text of the value for index {@code index} (a bigint expression), as digits of a mixed-radix counter. */
    String sql(String index) {
        List<String> parts = new ArrayList<>();
        long radix = 1;
        for (int e = elements.size() - 1; e >= 0; e--) {
            Element element = elements.get(e);
            int n = element.characters().length();
            List<String> chars = new ArrayList<>();
            for (int k = 0; k < element.count(); k++) {
                if (n == 1) {
                    chars.add(0, CheckConstraints.quote(element.characters()));
                } else {
                    chars.add(0, "substr(" + CheckConstraints.quote(element.characters()) + ", 1 + ((" + index + ") / "
                            + radix + " % " + n + ")::int, 1)");
                    radix = radix > Long.MAX_VALUE / n ? radix : radix * n;
                }
            }
            parts.addAll(0, chars);
        }
        return "(" + String.join(" || ", parts) + ")";
    }
}
