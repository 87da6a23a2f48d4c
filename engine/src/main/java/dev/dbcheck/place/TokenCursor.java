package dev.dbcheck.place;

import dev.dbcheck.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;

/** A forward-only reader over a statement's tokens, with the few look-ahead helpers DDL parsing needs. */
final class TokenCursor {

    private final List<SqlToken> tokens;
    private int index;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    SqlToken peek() {
        return atEnd() ? null : tokens.get(index);
    }

    SqlToken peek(int ahead) {
        int i = index + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    SqlToken next() {
        return atEnd() ? null : tokens.get(index++);
    }

    /** Consumes the word if it is next. */
    boolean word(String word) {
        SqlToken t = peek();
        if (t != null && t.isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes these words if they are all next, in order; else consumes nothing. */
    boolean words(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean peekWord(String word) {
        SqlToken t = peek();
        return t != null && t.isWord(word);
    }

    boolean peekAnyWord(String... words) {
        for (String w : words) {
            if (peekWord(w)) {
                return true;
            }
        }
        return false;
    }

    boolean punctuation(String p) {
        SqlToken t = peek();
        if (t != null && t.isPunctuation(p)) {
            index++;
            return true;
        }
        return false;
    }

    /** An identifier (quoted or not), or null when the next token is not one. */
    SqlToken identifier() {
        SqlToken t = peek();
        if (t != null && t.isIdentifier()) {
            index++;
            return t;
        }
        return null;
    }

    /** {@code name}, {@code schema.name} or {@code db.schema.name}; null when there is none. */
    NameRef qualifiedName() {
        SqlToken first = identifier();
        if (first == null) {
            return null;
        }
        List<SqlToken> parts = new ArrayList<>(List.of(first));
        while (peek() != null && peek().isPunctuation(".") && peek(1) != null && peek(1).isIdentifier()) {
            index++;
            parts.add(next());
        }
        SqlToken last = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2).value() : null;
        return new NameRef(schema, last.value(), first.line());
    }

    /** The tokens inside the parenthesised group that starts here, consuming it; null if no group starts here. */
    List<SqlToken> group() {
        if (!punctuation("(")) {
            return null;
        }
        int depth = 1;
        int start = index;
        while (!atEnd()) {
            SqlToken t = next();
            if (t.isPunctuation("(") || t.isPunctuation("[")) {
                depth++;
            } else if (t.isPunctuation(")") || t.isPunctuation("]")) {
                depth--;
                if (depth == 0) {
                    return tokens.subList(start, index - 1);
                }
            }
        }
        return tokens.subList(start, index);
    }

    /** The rest of the tokens, consuming them. */
    List<SqlToken> rest() {
        List<SqlToken> rest = tokens.subList(index, tokens.size());
        index = tokens.size();
        return rest;
    }

    /** Splits tokens at commas outside parentheses and brackets. */
    static List<List<SqlToken>> splitTopLevel(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int start = 0;
        for (int i : SqlToken.topLevel(tokens, t -> t.isPunctuation(","))) {
            if (i > start) {
                parts.add(tokens.subList(start, i));
            }
            start = i + 1;
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }

    /** Identifier values of a column list such as {@code (a, "B", c DESC)}: the first identifier of each item. */
    static List<String> columnNames(List<SqlToken> group) {
        List<String> names = new ArrayList<>();
        if (group == null) {
            return names;
        }
        for (List<SqlToken> item : splitTopLevel(group)) {
            if (!item.isEmpty() && item.get(0).isIdentifier()) {
                names.add(item.get(0).value());
            }
        }
        return names;
    }

    /** A name as written: schema may be null when unqualified. */
    record NameRef(String schema, String name, int line) {
    }
}
