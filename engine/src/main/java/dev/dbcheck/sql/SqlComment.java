package dev.dbcheck.sql;

/**
 * A comment in a SQL file.
 *
 * @param text    the comment's content without the {@code --} or {@code /* *&#47;} markers, trimmed
 * @param line    1-based line where it starts
 * @param endLine 1-based line where it ends
 */
public record SqlComment(String text, int line, int endLine) {
}
