package dev.dbcheck.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows in COPY's text format, as the server writes them in UTF-8: one line per row, values separated by tabs,
 * {@code \N} for NULL, and a backslash before the characters that would break the format. Read byte by byte (the
 * tab, newline and backslash are never part of a multi-byte character), each value decoded once.
 */
final class CopyText {

    private CopyText() {
    }

    /** One row as COPY sends it (a line, its newline included or not), with {@code width} values; null for NULL. */
    static String[] row(byte[] line, int width) {
        String[] row = new String[width];
        int at = 0;
        int length = line.length;
        ByteArrayOutputStream unescaped = null; // made at the first backslash: most rows have none
        for (int c = 0; c < width; c++) {
            int start = at;
            boolean escaped = false;
            while (at < length && line[at] != '\t' && line[at] != '\n') {
                if (line[at] == '\\' && at + 1 < length) {
                    if (!escaped) {
                        escaped = true;
                        if (unescaped == null) {
                            unescaped = new ByteArrayOutputStream();
                        }
                        unescaped.reset();
                        unescaped.write(line, start, at - start);
                    }
                    at = unescape(line, at + 1, unescaped);
                } else {
                    if (escaped) {
                        unescaped.write(line[at]);
                    }
                    at++;
                }
            }
            if (!escaped) {
                row[c] = new String(line, start, at - start, StandardCharsets.UTF_8);
            } else if (at - start == 2 && line[start + 1] == 'N') {
                row[c] = null; // \N alone; a text \N is written \\N
            } else {
                row[c] = unescaped.toString(StandardCharsets.UTF_8);
            }
            if (at < length && line[at] == '\t') {
                at++;
            }
        }
        return row;
    }

    /** The byte after a backslash at {@code at - 1}, decoded into {@code out}; where reading goes on. */
    private static int unescape(byte[] data, int at, ByteArrayOutputStream out) {
        byte b = data[at++];
        switch (b) {
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(0x0B);
            case 'x' -> {
                int value = 0;
                int end = at;
                while (end < data.length && end < at + 2 && Character.digit(data[end], 16) >= 0) {
                    value = value * 16 + Character.digit(data[end++], 16);
                }
                if (end == at) {
                    out.write('x');
                } else {
                    out.write(value);
                    at = end;
                }
            }
            default -> {
                if (b >= '0' && b <= '7') {
                    int value = b - '0';
                    while (at < data.length && data[at] >= '0' && data[at] <= '7' && value < 32) {
                        value = value * 8 + data[at++] - '0';
                    }
                    out.write(value);
                } else {
                    out.write(b); // \\ and an escaped delimiter: the byte itself
                }
            }
        }
        return at;
    }
}
