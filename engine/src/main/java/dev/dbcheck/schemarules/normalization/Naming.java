package dev.dbcheck.schemarules.normalization;

import dev.dbcheck.schema.Column;

import java.util.Locale;
import java.util.Set;

/** How names relate in schema design: plural table names, key column stems, type families. */
final class Naming {

    private Naming() {
    }

    /** {@code customers} → {@code customer}, {@code categories} → {@code category}, {@code addresses} → {@code address}. */
    static String singular(String name) {
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

    /** The entity a key column names: {@code customer_id} → {@code customer}; null when it names none. */
    static String keyStem(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        if (c.endsWith("_id") && c.length() > 3) {
            return c.substring(0, c.length() - 3);
        }
        if (c.endsWith("id") && c.length() > 2 && !c.equals("id")) {
            return c.substring(0, c.length() - 2);
        }
        return null;
    }

    /**
     * The family a type belongs to, so that a copy in {@code varchar(255)} of a {@code text} attribute still
     * matches: string, integer, number, or the type itself.
     */
    static String family(Column column) {
        String t = column.typeName();
        String base = switch (t) {
            case "text", "varchar", "bpchar", "citext", "name" -> "string";
            case "int2", "int4", "int8" -> "integer";
            case "numeric", "float4", "float8", "money" -> "number";
            case "timestamp", "timestamptz" -> "timestamp";
            default -> t;
        };
        return column.array() ? base + "[]" : base;
    }

    /** Names that say what something is rather than what it is called: a copy of one of these is telling. */
    static final Set<String> DISTINCTIVE_ATTRIBUTES = Set.of(
            "email", "email_address", "phone", "phone_number", "mobile", "address", "street", "city", "postal_code",
            "zip", "zip_code", "sku", "ean", "isbn", "gtin", "upc", "iban", "vat_number", "username", "login",
            "handle", "slug", "first_name", "last_name", "full_name", "birth_date", "date_of_birth");
}
