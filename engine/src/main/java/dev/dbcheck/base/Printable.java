package dev.dbcheck.base;

/**
 * Text made safe to print as one line. Names, comments and error messages come from the project's SQL, and a
 * name may hold any character: a table called {@code "evil\n::error file=x.sql,line=1::injected"} printed raw
 * starts a line of its own, and CI systems read commands from the start of a line (GitHub Actions turns that one
 * into a forged annotation). Every control character is shown as an escape instead; nothing else changes.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with line breaks as {@code \n}, {@code \r} and other control characters as {@code \u001b}. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        if (c == '\t') {
            return null; // starts no line, and indents what dbcheck prints
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        // C0, DEL, C1 (U+0085 is a line break to some readers) and the Unicode line and paragraph separators
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
