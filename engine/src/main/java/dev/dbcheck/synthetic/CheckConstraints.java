package dev.dbcheck.synthetic;

import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a table's check constraints say about the values of its columns, for the generator: bounds
 * ({@code price >= 0}), lists ({@code status = ANY (ARRAY[...])}), patterns ({@code code ~ '^[A-Z]{2}$'}), length
 * limits ({@code char_length(code) <= 3}) and order between two columns ({@code ends_at > starts_at}). A check it
 * does not understand is listed, so that a rejected row can be explained by naming it.
 */
final class CheckConstraints {

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "=");
    private static final Set<String> TYPE_WORDS = Set.of("precision", "with", "without", "time", "zone", "varying");

    /** Limits on one column. Null fields say nothing. */
    static final class Limits {
        String min;
        boolean minExclusive;
        String max;
        boolean maxExclusive;
        List<String> allowed;
        String pattern;
        Integer maxLength;
        Integer exactLength;
    }

    /** {@code later} must be greater than ({@code strict}) or equal to {@code earlier}. */
    record Order(String earlier, String later, boolean strict) {
    }

    final Map<String, Limits> limits = new HashMap<>();
    final List<Order> orders = new ArrayList<>();
    final List<Constraint> notUnderstood = new ArrayList<>();

    static CheckConstraints of(Table table) {
        CheckConstraints result = new CheckConstraints();
        for (Constraint check : table.constraints(ConstraintType.CHECK)) {
            if (!result.read(check.definition())) {
                result.notUnderstood.add(check);
            }
        }
        return result;
    }

    Limits limitsOf(String column) {
        return limits.computeIfAbsent(column, k -> new Limits());
    }

    /** Reads one CHECK definition; false when any part of it is not understood. */
    boolean read(String definition) {
        List<SqlToken> tokens = new ArrayList<>(SqlScanner.tokenize(definition));
        if (tokens.isEmpty() || !tokens.get(0).isWord("check")) {
            return false;
        }
        tokens = unwrap(tokens.subList(1, tokens.size()));
        boolean understood = true;
        for (List<SqlToken> conjunct : splitAnd(tokens)) {
            understood &= readConjunct(unwrap(conjunct));
        }
        return understood;
    }

    private boolean readConjunct(List<SqlToken> t) {
        if (t.size() == 4 && t.get(0).isIdentifier() && t.get(1).isWord("is") && t.get(2).isWord("not")
                && t.get(3).isWord("null")) {
            return true;
        }
        // length(col) OP n
        if (t.size() >= 6 && (t.get(0).isWord("char_length") || t.get(0).isWord("length")
                || t.get(0).isWord("character_length")) && t.get(1).isPunctuation("(") && t.get(2).isIdentifier()
                && t.get(3).isPunctuation(")")) {
            String op = t.get(4).text();
            Integer n = integer(t.subList(5, t.size()));
            if (n == null) {
                return false;
            }
            Limits l = limitsOf(t.get(2).value());
            switch (op) {
                case "<=" -> l.maxLength = n;
                case "<" -> l.maxLength = n - 1;
                case "=" -> l.exactLength = n;
                case ">", ">=" -> {
                    return true; // a minimum length: generated values are long enough
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (t.isEmpty() || !t.get(0).isIdentifier()) {
            return false;
        }
        String column = t.get(0).value();
        if (t.size() < 3) {
            return false;
        }
        String op = t.get(1).text();
        List<SqlToken> rest = t.subList(2, t.size());
        // col = ANY (ARRAY[...])
        if (op.equals("=") && rest.size() > 4 && rest.get(0).isWord("any")) {
            List<String> values = new ArrayList<>();
            for (SqlToken token : rest) {
                if (token.type() == SqlToken.Type.STRING) {
                    values.add(quote(token.value()));
                } else if (token.type() == SqlToken.Type.NUMBER) {
                    values.add(token.text());
                }
            }
            if (values.isEmpty()) {
                return false;
            }
            limitsOf(column).allowed = values;
            return true;
        }
        // col ~ 'pattern'
        if (op.equals("~") && rest.get(0).type() == SqlToken.Type.STRING) {
            if (RegexValues.parse(rest.get(0).value()) == null) {
                return false;
            }
            limitsOf(column).pattern = rest.get(0).value();
            return true;
        }
        if (!COMPARISONS.contains(op)) {
            return false;
        }
        // col OP other_col
        if (rest.size() == 1 && rest.get(0).isIdentifier()) {
            String other = rest.get(0).value();
            switch (op) {
                case ">" -> orders.add(new Order(other, column, true));
                case ">=" -> orders.add(new Order(other, column, false));
                case "<" -> orders.add(new Order(column, other, true));
                case "<=" -> orders.add(new Order(column, other, false));
                default -> {
                    return false;
                }
            }
            return true;
        }
        String literal = literal(rest);
        if (literal == null) {
            return false;
        }
        Limits l = limitsOf(column);
        switch (op) {
            case ">" -> {
                l.min = literal;
                l.minExclusive = true;
            }
            case ">=" -> l.min = literal;
            case "<" -> {
                l.max = literal;
                l.maxExclusive = true;
            }
            case "<=" -> l.max = literal;
            default -> l.allowed = List.of(literal);
        }
        return true;
    }

    /** A constant with optional sign and casts: {@code 0}, {@code '-90'::integer::numeric}, {@code 'x'::text}. */
    private static String literal(List<SqlToken> tokens) {
        int i = 0;
        String sign = "";
        if (i < tokens.size() && tokens.get(i).type() == SqlToken.Type.OPERATOR && tokens.get(i).text().equals("-")) {
            sign = "-";
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        SqlToken value = tokens.get(i++);
        String literal;
        if (value.type() == SqlToken.Type.NUMBER) {
            literal = sign + value.text();
        } else if (value.type() == SqlToken.Type.STRING && sign.isEmpty()) {
            literal = quote(value.value());
        } else {
            return null;
        }
        while (i + 1 < tokens.size() && tokens.get(i).isPunctuation("::") && tokens.get(i + 1).isIdentifier()) {
            i += 2;
            while (i < tokens.size() && TYPE_WORDS.contains(tokens.get(i).value())) {
                i++; // the rest of a multi-word type name: double precision, timestamp with time zone
            }
        }
        return i == tokens.size() ? literal : null;
    }

    private static Integer integer(List<SqlToken> tokens) {
        String literal = literal(tokens);
        if (literal == null) {
            return null;
        }
        try {
            return Integer.parseInt(literal.replace("'", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String quote(String value) {
        return dev.dbcheck.sql.Identifiers.literal(value);
    }

    /** Drops parentheses around the whole expression. */
    private static List<SqlToken> unwrap(List<SqlToken> tokens) {
        List<SqlToken> t = tokens;
        while (t.size() >= 2 && t.get(0).isPunctuation("(") && closes(t)) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    /** True when the opening parenthesis at 0 closes at the last token. */
    private static boolean closes(List<SqlToken> t) {
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isPunctuation("(")) {
                depth++;
            } else if (t.get(i).isPunctuation(")")) {
                depth--;
                if (depth == 0) {
                    return i == t.size() - 1;
                }
            }
        }
        return false;
    }

    private static List<List<SqlToken>> splitAnd(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int start = 0;
        for (int i : SqlToken.topLevel(tokens, t -> t.isWord("and"))) {
            parts.add(tokens.subList(start, i));
            start = i + 1;
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }
}
