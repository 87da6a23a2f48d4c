package dev.dbcheck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One lexical token of a SQL statement, with its position in the file it came from.
 *
 * @param type   what kind of token it is
 * @param text   the token exactly as written
 * @param value  the normalised value: unquoted identifiers folded to lower case (as PostgreSQL does),
 *               quoted identifiers and string literals with their quotes removed and escapes resolved
 * @param line   1-based line in the file
 * @param offset 0-based character offset in the file
 */
public record SqlToken(Type type, String text, String value, int line, int offset) {

    public enum Type {
        /** An unquoted identifier or key word. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A string constant ('...', E'...', U&'...', B'...', X'...'). */
        STRING,
        /** A dollar-quoted string ($$...$$, $body$...$body$). */
        DOLLAR_STRING,
        NUMBER,
        /** A positional parameter ($1). */
        PARAMETER,
        /** One of ( ) [ ] , ; . or :: */
        PUNCTUATION,
        OPERATOR
    }

    /** True for an unquoted word equal (case-insensitively) to {@code word}. */
    public boolean isWord(String word) {
        return type == Type.WORD && value.equals(word);
    }

    /** True for an identifier, quoted or not. */
    public boolean isIdentifier() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    public boolean isPunctuation(String punctuation) {
        return type == Type.PUNCTUATION && text.equals(punctuation);
    }

    /**
     * The positions of the tokens that match outside every pair of parentheses and brackets: the commas that
     * separate list items, the ANDs of a condition, the key words of a clause.
     */
    public static List<Integer> topLevel(List<SqlToken> tokens, Predicate<SqlToken> match) {
        List<Integer> positions = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isPunctuation("(") || t.isPunctuation("[")) {
                depth++;
            } else if (t.isPunctuation(")") || t.isPunctuation("]")) {
                depth--;
            } else if (depth == 0 && match.test(t)) {
                positions.add(i);
            }
        }
        return positions;
    }
}
