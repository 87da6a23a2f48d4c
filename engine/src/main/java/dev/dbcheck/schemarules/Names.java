package dev.dbcheck.schemarules;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Names for objects that fixes propose, following PostgreSQL's own conventions. */
public final class Names {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private Names() {
    }

    /** The name PostgreSQL would give an index on these columns: {@code orders_customer_id_idx}. */
    public static String indexName(String table, List<String> columns) {
        return truncate(table + "_" + String.join("_", columns)) + "_idx";
    }

    private static String truncate(String base) {
        int limit = MAX_IDENTIFIER_BYTES - "_idx".length();
        byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return base;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : base.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > limit) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
        }
        return out.toString();
    }
}
