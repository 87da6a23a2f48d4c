package dev.dbcheck.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements and tokens, the way the server's lexer sees it: quoted
 * identifiers, standard and {@code E''} strings, dollar-quoted bodies, nested block comments, and
 * SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) whose semicolons do not end the statement.
 *
 * <p>It never fails: an unterminated string or comment simply runs to the end of the file, and PostgreSQL
 * reports the problem when the statement is executed.
 */
public final class SqlScanner {

    private final String sql;
    private int pos;
    private int line = 1;

    /** Where each statement goes once it is complete (its trailing comment included). */
    private final java.util.function.Consumer<SqlStatement> sink;
    /** The statement that ended last, held back until no comment on its last line can follow. */
    private SqlStatement pending;
    private final List<SqlToken> tokens = new ArrayList<>();
    private final List<SqlComment> comments = new ArrayList<>();
    /** Line on which the last statement ended, to attach a trailing comment on that line to it. */
    private int lastStatementEndLine = -1;
    private int atomicDepth;

    private SqlScanner(String sql, java.util.function.Consumer<SqlStatement> sink) {
        this.sql = sql;
        this.sink = sink;
    }

    /** Splits a whole script into its statements. Empty statements (a lone {@code ;}) are dropped. */
    public static List<SqlStatement> split(String sql) {
        List<SqlStatement> statements = new ArrayList<>();
        new SqlScanner(sql, statements::add).run();
        return List.copyOf(statements);
    }


    /** Tokenizes a single statement or expression, ignoring comments. */
    public static List<SqlToken> tokenize(String sql) {
        List<SqlToken> all = new ArrayList<>();
        for (SqlStatement statement : split(sql)) {
            all.addAll(statement.tokens());
        }
        return all;
    }

    /**
     * The statements of a script as they are read: the next is scanned only when asked for, and none is kept. For
     * scripts of any size (a data migration of 50 MB has millions of tokens, which {@link #split} holds at once).
     */
    public static Iterable<SqlStatement> statements(String sql) {
        return () -> new java.util.Iterator<>() {
            private final java.util.ArrayDeque<SqlStatement> ready = new java.util.ArrayDeque<>();
            private final SqlScanner scanner = new SqlScanner(sql, ready::add);
            private boolean done;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !done) {
                    done = !scanner.step();
                }
                return !ready.isEmpty();
            }

            @Override
            public SqlStatement next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private boolean finished;

    private void run() {
        while (step()) {
            // each step reads one token, comment, separator or blank
        }
    }

    /** Reads the next piece of the script; false once the end is reached and the last statement delivered. */
    private boolean step() {
        if (finished) {
            return false;
        }
        if (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == ';' && atomicDepth == 0) {
                endStatement();
                pos++;
            } else {
                token();
            }
            return true;
        }
        // A statement without a final semicolon still counts; comments after the last statement belong to none.
        endStatement();
        if (pending != null) {
            sink.accept(pending);
            pending = null;
        }
        finished = true;
        return false;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void lineComment() {
        int start = pos;
        int end = sql.indexOf('\n', pos);
        if (end < 0) {
            end = sql.length();
        }
        addComment(sql.substring(start + 2, end).trim(), line, line);
        pos = end;
    }

    private void blockComment() {
        int startLine = line;
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                pos++;
            }
        }
        String body = sql.substring(start + 2, Math.max(start + 2, pos - (depth == 0 ? 2 : 0)));
        addComment(body.trim(), startLine, line);
    }

    private void addComment(String text, int startLine, int endLine) {
        SqlComment comment = new SqlComment(text, startLine, endLine);
        if (tokens.isEmpty() && startLine == lastStatementEndLine && pending != null) {
            // "CREATE TABLE t (...); -- note" : the note belongs to the statement that just ended.
            SqlStatement last = pending;
            List<SqlComment> withNote = new ArrayList<>(last.comments());
            withNote.add(comment);
            pending = new SqlStatement(last.text(), last.startLine(), last.startOffset(), last.endLine(),
                    last.tokens(), withNote);
        } else {
            comments.add(comment);
        }
    }

    private void endStatement() {
        if (tokens.isEmpty()) {
            return;
        }
        SqlToken first = tokens.get(0);
        SqlToken last = tokens.get(tokens.size() - 1);
        int end = last.offset() + last.text().length();
        if (pending != null) {
            sink.accept(pending);
        }
        pending = new SqlStatement(sql.substring(first.offset(), end), first.line(), first.offset(),
                endLineOf(last), tokens, comments);
        lastStatementEndLine = line;
        tokens.clear();
        comments.clear();
        atomicDepth = 0;
    }

    private static int endLineOf(SqlToken token) {
        int l = token.line();
        String text = token.text();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                l++;
            }
        }
        return l;
    }

    private void token() {
        char c = sql.charAt(pos);
        int start = pos;
        int startLine = line;
        if ((c == 'E' || c == 'e') && peek(1) == '\'') {
            pos++;
            String value = quoted('\'', true);
            add(SqlToken.Type.STRING, start, startLine, value);
        } else if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            pos += 2;
            char q = sql.charAt(pos);
            String value = quoted(q, false);
            add(q == '"' ? SqlToken.Type.QUOTED_IDENTIFIER : SqlToken.Type.STRING, start, startLine, value);
        } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && peek(1) == '\'') {
            pos++;
            String value = quoted('\'', false);
            add(SqlToken.Type.STRING, start, startLine, value);
        } else if (c == '\'') {
            String value = quoted('\'', false);
            add(SqlToken.Type.STRING, start, startLine, value);
        } else if (c == '"') {
            String value = quoted('"', false);
            add(SqlToken.Type.QUOTED_IDENTIFIER, start, startLine, value);
        } else if (c == '$' && Character.isDigit(peek(1))) {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            add(SqlToken.Type.PARAMETER, start, startLine, sql.substring(start, pos));
        } else if (c == '$' && dollarTagEnd() > 0) {
            dollarString(start, startLine);
        } else if (isIdentifierStart(c)) {
            while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
            String word = sql.substring(start, pos);
            add(SqlToken.Type.WORD, start, startLine, word.toLowerCase(java.util.Locale.ROOT));
            trackAtomicBody();
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            number();
            add(SqlToken.Type.NUMBER, start, startLine, sql.substring(start, pos));
        } else if (c == ':' && peek(1) == ':') {
            pos += 2;
            add(SqlToken.Type.PUNCTUATION, start, startLine, "::");
        } else if ("()[],;.".indexOf(c) >= 0) {
            pos++;
            add(SqlToken.Type.PUNCTUATION, start, startLine, String.valueOf(c));
        } else {
            operator();
            add(SqlToken.Type.OPERATOR, start, startLine, sql.substring(start, pos));
        }
    }

    private void add(SqlToken.Type type, int start, int startLine, String value) {
        tokens.add(new SqlToken(type, sql.substring(start, pos), value, startLine, start));
    }

    /** Reads a quoted run starting at the opening quote; a doubled quote stands for itself. */
    private String quoted(char quote, boolean backslashEscapes) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (backslashEscapes && c == '\\' && pos + 1 < sql.length()) {
                char next = sql.charAt(pos + 1);
                if (next == '\n') {
                    line++;
                }
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> next;
                });
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (peek(1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            value.append(c);
            pos++;
        }
        return value.toString();
    }

    /** If a dollar-quote tag starts at pos, returns the index just past its closing {@code $}; else -1. */
    private int dollarTagEnd() {
        int i = pos + 1;
        if (i < sql.length() && sql.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= sql.length() || !isIdentifierStart(sql.charAt(i))) {
            return -1;
        }
        while (i < sql.length() && isTagPart(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private void dollarString(int start, int startLine) {
        int tagEnd = dollarTagEnd();
        String tag = sql.substring(start, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        int end = close < 0 ? sql.length() : close + tag.length();
        String body = sql.substring(tagEnd, close < 0 ? sql.length() : close);
        for (int i = start; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        pos = end;
        add(SqlToken.Type.DOLLAR_STRING, start, startLine, body);
    }

    private void number() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                if ((c == 'e' || c == 'E') && (peek(1) == '+' || peek(1) == '-')) {
                    pos++;
                }
                if (c == '.' && peek(1) == '.') {
                    return; // a range "1..5" in PL/pgSQL
                }
                pos++;
            } else {
                return;
            }
        }
    }

    private void operator() {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if ("+-*/<>=~!@#%^&|`?:".indexOf(c) < 0) {
                return;
            }
            if ((c == '-' && peek(1) == '-') || (c == '/' && peek(1) == '*')) {
                return;
            }
            pos++;
        }
    }

    /**
     * Tracks a SQL-standard function body, {@code CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END}, whose inner
     * semicolons belong to the statement. CASE ... END pairs inside it are counted so that their END does not
     * close the body.
     */
    private void trackAtomicBody() {
        SqlToken word = tokens.get(tokens.size() - 1);
        if (atomicDepth == 0) {
            if (word.isWord("atomic") && tokens.size() >= 2 && tokens.get(tokens.size() - 2).isWord("begin")
                    && isRoutineDefinition()) {
                atomicDepth = 1;
            }
        } else if (word.isWord("case")) {
            atomicDepth++;
        } else if (word.isWord("end")) {
            atomicDepth--;
        }
    }

    private boolean isRoutineDefinition() {
        for (int i = 0; i < Math.min(tokens.size(), 6); i++) {
            SqlToken t = tokens.get(i);
            if (t.isWord("function") || t.isWord("procedure")) {
                return tokens.get(0).isWord("create");
            }
        }
        return false;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isTagPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }
}
