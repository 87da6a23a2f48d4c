package dev.dbcheck.sql;

import java.util.List;

/**
 * One statement of a SQL file, as PostgreSQL would receive it.
 *
 * @param text        the statement text without its terminating semicolon
 * @param startLine   1-based line of the statement's first token
 * @param startOffset 0-based offset of the statement's first token in the file
 * @param endLine     1-based line of the statement's last token
 * @param tokens      the statement's tokens, comments excluded
 * @param comments    the comments that belong to the statement: those since the previous statement ended,
 *                    those inside it, and one that follows its semicolon on the same line
 */
public record SqlStatement(String text, int startLine, int startOffset, int endLine,
                           List<SqlToken> tokens, List<SqlComment> comments) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
    }

    /**
     * The file line of a 1-based character position inside {@link #text()}, as PostgreSQL reports it in an
     * error's {@code Position} field.
     */
    public int lineOfPosition(int position) {
        int line = startLine;
        int end = Math.min(Math.max(position - 1, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** True when the first tokens are these words, in order. */
    public boolean startsWith(String... words) {
        if (tokens.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }
}
