package dev.dbcheck.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows in COPY's text format, as the server writes them: one line per row, values separated by tabs, {@code \N}
 * for NULL, and a backslash before the characters that would break the format.
 */
final class CopyText {

    private CopyText() {
    }

    /** The rows of {@code text}, each with {@code width} values; null for NULL. */
    static List<String[]> rows(String text, int width) {
        List<String[]> rows = new ArrayList<>();
        int at = 0;
        int length = text.length();
        StringBuilder value = new StringBuilder();
        while (at < length) {
            String[] row = new String[width];
            for (int c = 0; c < width; c++) {
                int start = at;
                boolean escaped = false;
                value.setLength(0);
                while (at < length && text.charAt(at) != '\t' && text.charAt(at) != '\n') {
                    char ch = text.charAt(at++);
                    if (ch != '\\' || at == length) {
                        value.append(ch);
                        continue;
                    }
                    escaped = true;
                    at = unescape(text, at, value);
                }
                if (escaped && at - start == 2 && text.charAt(start + 1) == 'N') {
                    row[c] = null; // \N alone; a text \N is written \\N
                } else {
                    row[c] = escaped ? value.toString() : text.substring(start, at);
                }
                if (at < length && text.charAt(at) == '\t') {
                    at++;
                }
            }
            if (at < length && text.charAt(at) == '\n') {
                at++;
            }
            rows.add(row);
        }
        return rows;
    }

    /** The character after a backslash at {@code at}, decoded into {@code value}; where reading goes on. */
    private static int unescape(String text, int at, StringBuilder value) {
        char ch = text.charAt(at++);
        switch (ch) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000B');
            case 'x' -> {
                int end = at;
                while (end < text.length() && end < at + 2 && Character.digit(text.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == at) {
                    value.append('x');
                } else {
                    value.append((char) Integer.parseInt(text, at, end, 16));
                    at = end;
                }
            }
            default -> {
                if (ch >= '0' && ch <= '7') {
                    int end = at;
                    while (end < text.length() && end < at + 2 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    value.append((char) Integer.parseInt(text, at - 1, end, 8));
                    at = end;
                } else {
                    value.append(ch); // \\ and an escaped delimiter: the character itself
                }
            }
        }
        return at;
    }
}
