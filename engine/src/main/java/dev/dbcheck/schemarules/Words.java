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

    /** {@code shippingCostInCents} → {@code shipping_cost_in_cents}; {@code HTTPStatus} → {@code http_status}. */
    public static String snake(String identifier) {
        String split = identifier
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_");
        return split.toLowerCase(Locale.ROOT).replaceAll("^_+|_+$", "");
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
        String snake = snake(identifier);
        return snake.isEmpty() ? List.of() : Arrays.asList(snake.split("_+"));
    }
}
