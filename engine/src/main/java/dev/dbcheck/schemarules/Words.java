package dev.dbcheck.schemarules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of an identifier, whatever its style: {@code unit_price}, {@code listPrice} and
 * {@code ShippingCostInCents} all read as lower-case words, so that name patterns written for snake_case also match
 * the camelCase names Prisma, JPA and Rails-on-legacy schemas use.
 */
public final class Words {

    private Words() {
    }

    private static final java.util.regex.Pattern LOWER_UPPER = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^_+|_+$");

    /**
     * Every identifier's words, computed once: the normalization rules ask for the same table and column names
     * again and again (for every pair of tables and columns they compare), and the regular expressions are most
     * of their time on a large schema (docs/benchmarks.md). Identifiers are few; the cache is emptied if a run
     * ever fills it.
     */
    private static final java.util.Map<String, List<String>> WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> SNAKE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;

    /** {@code shippingCostInCents} → {@code shipping_cost_in_cents}; {@code HTTPStatus} → {@code http_status}. */
    public static String snake(String identifier) {
        String cached = SNAKE.get(identifier);
        if (cached != null) {
            return cached;
        }
        String split = LOWER_UPPER.matcher(identifier).replaceAll("$1_$2");
        split = ACRONYM.matcher(split).replaceAll("$1_$2");
        split = NOT_WORD.matcher(split).replaceAll("_");
        String snake = EDGES.matcher(split.toLowerCase(Locale.ROOT)).replaceAll("");
        if (SNAKE.size() > CACHE_LIMIT) {
            SNAKE.clear();
        }
        SNAKE.put(identifier, snake);
        return snake;
    }

    /** {@code customers} → {@code customer}, {@code categories} → {@code category}, {@code addresses} → {@code address}. */
    public static String singular(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("people")) {
            return "person";
        }
        if (n.endsWith("ies") && n.length() > 4) {
            return n.substring(0, n.length() - 3) + "y";
        }
        if (n.endsWith("sses") || n.endsWith("shes") || n.endsWith("ches") || n.endsWith("xes")
                || n.endsWith("uses") || n.endsWith("zzes")) {
            return n.substring(0, n.length() - 2);
        }
        if (n.endsWith("ss") || n.endsWith("us") || n.endsWith("is")) {
            return n;
        }
        if (n.endsWith("s") && n.length() > 2) {
            return n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** The words of {@link #snake}, in order. */
    public static List<String> of(String identifier) {
        List<String> cached = WORDS.get(identifier);
        if (cached != null) {
            return cached;
        }
        String snake = snake(identifier);
        List<String> words = snake.isEmpty() ? List.of() : List.copyOf(Arrays.asList(snake.split("_+")));
        if (WORDS.size() > CACHE_LIMIT) {
            WORDS.clear();
        }
        WORDS.put(identifier, words);
        return words;
    }
}
