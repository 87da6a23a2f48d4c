package dev.dbcheck.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Quoting of PostgreSQL identifiers, for messages and for the SQL that dbcheck generates. */
public final class Identifiers {

    /** Reserved key words that must be quoted even when lower case (PostgreSQL's "reserved" category). */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            // type-function names and others that cannot be bare column names
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

    private Identifiers() {
    }

    /** Quotes an identifier when PostgreSQL would need it quoted: {@code orders}, {@code "Order Items"}. */
    public static String quote(String identifier) {
        if (needsQuotes(identifier)) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
        return identifier;
    }

    /** Quotes an identifier unconditionally; for generated SQL where being explicit costs nothing. */
    public static String alwaysQuote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A string literal (standard_conforming_strings, on since PostgreSQL 9.1): {@code 'it''s'}. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    public static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    static boolean needsQuotes(String identifier) {
        if (identifier.isEmpty() || RESERVED.contains(identifier)) {
            return true;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return true;
            }
        }
        return false; // only lower-case letters, digits, _ and $ remain
    }
}
