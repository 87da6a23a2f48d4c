package dev.dbcheck.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.EnumType;
import dev.dbcheck.sql.Identifiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL expressions for synthetic values, built from a row variable {@code r} (the permuted row number) and a seed
 * per column, so that each column is an independent deterministic function of the row. Everything is plain
 * arithmetic and hashing on the server: no value travels through the JVM.
 */
final class ValueExpressions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCALE = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    /** The row variable of the generating SELECT. */
    static final String ROW = "r";

    private ValueExpressions() {
    }

    /** A uniform double in [0, 1) for this seed and row. */
    static String uniform(long seed) {
        return uniform(ROW, seed);
    }

    static String uniform(String row, long seed) {
        return "((hashint8extended(" + row + ", " + seed + ") & 4503599627370495)::float8 / 4503599627370496.0)";
    }

    /** A non-negative bigint hash for this seed and row. */
    static String hash(String row, long seed) {
        return "(hashint8extended(" + row + ", " + seed + ") & 9223372036854775807)";
    }

    /** An index in [0, size) for this seed, uniform or skewed towards small indexes. */
    static String pick(long size, ColumnSpec.Skew skew, long seed) {
        if (size <= 1) {
            return "0::bigint";
        }
        if (skew == ColumnSpec.Skew.ZIPF) {
            return "floor(" + size + " * power(" + uniform(seed) + ", 3))::bigint";
        }
        return "(" + hash(ROW, seed) + " % " + size + ")";
    }

    /**
     * A value of the column's type that is different for every index (for keys and unique columns): the index itself,
     * shaped to the type. {@code index} is a bigint SQL expression.
     */
    static String distinctValue(Column column, String index, CheckConstraints.Limits limits, long seed,
                                boolean timeOrdered) throws ConfigException {
        String type = column.typeName();
        if (limits != null && limits.pattern != null) {
            RegexValues regex = RegexValues.parse(limits.pattern);
            if (regex != null) {
                return regex.sql(index);
            }
        }
        return switch (type) {
            case "int2", "int4", "int8", "numeric", "float4", "float8" -> "(" + lowerBound(column, limits, "1") + " + "
                    + index + ")";
            case "text", "varchar", "bpchar", "citext", "name" -> fitLength(column, limits,
                    "'" + prefix(column) + "' || (" + index + ")");
            case "uuid" -> timeOrdered ? timeOrderedUuid(index, seed) : randomUuid(index, seed);
            case "date" -> "((" + (limits != null && limits.min != null ? limits.min : "'2020-01-01'") + ")::date + ("
                    + index + ")::int)";
            case "timestamp", "timestamptz" -> "((" + (limits != null && limits.min != null ? limits.min
                    : "'2020-01-01'") + ")::timestamptz + (" + index + ") * interval '1 second')";
            case "inet", "cidr" -> "('10.0.0.0'::inet + (" + index + "))";
            case "bytea" -> "decode(md5((" + index + ")::text || '" + seed + "'), 'hex')";
            default -> throw new ConfigException("dashboards.columns", "cannot generate distinct values of type "
                    + column.type() + " for key column " + Identifiers.quote(column.name()));
        };
    }

    /** A value drawn from the column's distribution (not necessarily distinct). */
    static String value(Column column, ColumnSpec spec, CheckConstraints.Limits limits, Map<String, EnumType> enums,
                        long rows, long seed, String today) throws ConfigException {
        ColumnSpec.Skew skew = spec != null && spec.skew() != null ? spec.skew() : ColumnSpec.Skew.UNIFORM;
        if (spec != null && !spec.values().isEmpty()) {
            return weighted(spec.values(), seed, true);
        }
        if (limits != null && limits.allowed != null) {
            return choose(limits.allowed, skew, seed);
        }
        String type = column.typeName();
        long distinct = spec != null && spec.distinct() != null ? spec.distinct() : defaultDistinct(column, rows);
        if (column.array()) {
            return arrayValue(column, distinct, seed);
        }
        if (column.typeKind() == Column.TypeKind.ENUM) {
            EnumType e = enums.get(type);
            if (e == null || e.labels().isEmpty()) {
                throw new ConfigException("dashboards.columns", "enum type " + column.type() + " has no labels");
            }
            return choose(e.labels().stream().map(CheckConstraints::quote).toList(), skew, seed);
        }
        if (limits != null && limits.pattern != null) {
            RegexValues regex = RegexValues.parse(limits.pattern);
            if (regex != null) {
                return regex.sql(pick(Math.min(distinct, regex.capacity()), skew, seed));
            }
        }
        String min = spec != null && spec.min() != null ? spec.min() : null;
        String max = spec != null && spec.max() != null ? spec.max() : null;
        if (Set.of("date", "timestamp", "timestamptz").contains(type)) {
            min = quoteDate(min);
            max = quoteDate(max);
        }
        return switch (type) {
            case "bool" -> "(" + uniform(seed) + " < 0.5)";
            case "int2", "int4", "int8" -> {
                String lo = min != null ? min : lowerBound(column, limits, "0");
                String hi = max != null ? max : upperBound(limits, "(" + lo + ") + " + Math.max(0, distinct - 1));
                yield "((" + lo + ")::bigint + " + scaled(skew, seed, "((" + hi + ")::bigint - (" + lo + ")::bigint + 1)")
                        + ")";
            }
            case "numeric", "float4", "float8", "money" -> {
                String lo = min != null ? min : lowerBound(column, limits, "0");
                String hi = max != null ? max : upperBound(limits, "(" + lo + ") + 1000");
                String raw = "((" + lo + ")::float8 + " + unit(skew, seed) + " * ((" + hi + ")::float8 - (" + lo
                        + ")::float8))";
                Matcher scale = SCALE.matcher(column.type());
                boolean exclusiveMin = limits != null && limits.min != null && limits.minExclusive;
                if (scale.find()) {
                    int s = Integer.parseInt(scale.group(2));
                    String step = "power(10, -" + s + ")";
                    yield "greatest(round(" + raw + "::numeric, " + s + ")" + (exclusiveMin ? ", (" + lo + ")::numeric + "
                            + step : ", (" + lo + ")::numeric") + ")";
                }
                yield exclusiveMin ? "greatest(" + raw + ", (" + lo + ")::float8 + 0.01)" : raw;
            }
            case "text", "varchar", "bpchar", "citext", "name" ->
                    fitLength(column, limits, "'" + prefix(column) + "' || " + pick(distinct, skew, seed));
            case "date" -> {
                String lo = min != null ? "(" + min + ")::date" : "(date '" + today + "' - 730)";
                String hi = max != null ? "(" + max + ")::date" : "date '" + today + "'";
                yield "(" + lo + " + floor(" + unit(skew, seed) + " * (" + hi + " - " + lo + "))::int)";
            }
            case "timestamp", "timestamptz" -> {
                String lo = min != null ? "(" + min + ")::timestamptz" : boundTimestamp(limits, true,
                        "(timestamptz '" + today + "' - interval '730 days')");
                String hi = max != null ? "(" + max + ")::timestamptz" : boundTimestamp(limits, false,
                        "timestamptz '" + today + "'");
                yield "(" + lo + " + " + unit(skew, seed) + " * (" + hi + " - " + lo + "))";
            }
            case "time", "timetz" -> "(time '00:00' + " + uniform(seed) + " * interval '24 hours')";
            case "interval" -> "(" + uniform(seed) + " * interval '30 days')";
            case "uuid" -> distinct >= rows ? randomUuid(ROW, seed) : randomUuid(pick(distinct, skew, seed), seed);
            case "json", "jsonb" -> json(spec, seed);
            case "inet", "cidr" -> "('10.0.0.0'::inet + " + pick(distinct, skew, seed) + ")";
            case "bytea" -> "decode(md5(" + pick(distinct, skew, seed) + "::text || '" + seed + "'), 'hex')";
            default -> null; // not generated: NULL if the column allows it
        };
    }

    private static String scaled(ColumnSpec.Skew skew, long seed, String size) {
        return "floor(" + unit(skew, seed) + " * " + size + ")::bigint";
    }

    /** A double in [0, 1), skewed towards 0 for zipf. */
    private static String unit(ColumnSpec.Skew skew, long seed) {
        return skew == ColumnSpec.Skew.ZIPF ? "power(" + uniform(seed) + ", 3)" : uniform(seed);
    }

    private static long defaultDistinct(Column column, long rows) {
        return switch (column.typeName()) {
            case "int2", "int4", "int8" -> 100;
            default -> Math.max(1, Math.min(rows, 1000));
        };
    }

    private static String lowerBound(Column column, CheckConstraints.Limits limits, String fallback) {
        if (limits == null || limits.min == null) {
            return fallback;
        }
        boolean integer = column.typeName().startsWith("int");
        return limits.minExclusive && integer ? "(" + limits.min + ") + 1" : limits.min;
    }

    private static String upperBound(CheckConstraints.Limits limits, String fallback) {
        if (limits == null || limits.max == null) {
            return fallback;
        }
        return limits.maxExclusive ? "(" + limits.max + ") - 1" : limits.max;
    }

    private static String boundTimestamp(CheckConstraints.Limits limits, boolean lower, String fallback) {
        if (limits == null) {
            return fallback;
        }
        String bound = lower ? limits.min : limits.max;
        if (bound == null) {
            return fallback;
        }
        return lower ? "(" + bound + ")::timestamptz" : "((" + bound + ")::timestamptz - interval '1 second')";
    }

    private static String fitLength(Column column, CheckConstraints.Limits limits, String text) {
        Integer max = limits != null ? limits.maxLength : null;
        Matcher length = LENGTH.matcher(column.type());
        if (length.find() && !column.typeName().equals("numeric")) {
            int declared = Integer.parseInt(length.group(1));
            max = max == null ? declared : Math.min(max, declared);
        }
        if (limits != null && limits.exactLength != null) {
            return "rpad(left(" + text + ", " + limits.exactLength + "), " + limits.exactLength + ", 'x')";
        }
        return max == null ? "(" + text + ")" : "right(" + text + ", " + max + ")";
    }

    /** A short prefix that keeps generated strings readable: {@code customer_email} → {@code ce}. */
    private static String prefix(Column column) {
        StringBuilder p = new StringBuilder();
        for (String part : column.name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                p.append(part.charAt(0));
            }
        }
        return p.isEmpty() ? "v" : p.toString();
    }

    /**
     * A UUIDv7 in row order: 48 bits of milliseconds since 2025-01-01 (7 ms per row), version 7, 12 bits of the row
     * number, the variant and 62 hashed bits. Built from two bigints and one hash: md5 and string surgery per row
     * cost several times more than the insert itself.
     */
    static String timeOrderedUuid(String index, long seed) {
        String high = "(((1735689600000 + (" + index + ") * 7) << 16) | 28672 | ((" + index + ") & 4095))";
        return "(lpad(to_hex(" + high + "), 16, '0') || " + lowHalf("hashint8extended(" + index + ", " + seed + ")")
                + ")::uuid";
    }

    /** A version 4 style UUID from two hashes of the index. */
    static String randomUuid(String index, long seed) {
        String high = "((hashint8extended(" + index + ", " + seed + ") & -61441) | 16384)";
        return "(lpad(to_hex(" + high + "), 16, '0') || " + lowHalf("hashint8extended(" + index + ", " + (seed ^ 1)
                + ")") + ")::uuid";
    }

    /** The low 64 bits of a UUID: variant 10 and 62 bits of the hash; the top bit set makes to_hex print all 16. */
    private static String lowHalf(String hash) {
        return "to_hex((" + hash + " & 4611686018427387903) | (-9223372036854775807 - 1))";
    }

    private static String choose(List<String> literals, ColumnSpec.Skew skew, long seed) {
        return "(ARRAY[" + String.join(", ", literals) + "])[1 + " + pick(literals.size(), skew, seed) + "]";
    }

    /**
     * A value by weight: one uniform draw placed among the cumulative weights with width_bucket (a CASE would
     * compute the draw once per branch).
     */
    static String weighted(List<ColumnSpec.Weighted> values, long seed, boolean sqlLiterals) {
        List<String> literals = new ArrayList<>();
        for (ColumnSpec.Weighted v : values) {
            literals.add(sqlLiterals ? literal(v.value()) : CheckConstraints.quote(v.value()));
        }
        if (literals.size() == 1) {
            return literals.get(0);
        }
        double total = values.stream().mapToDouble(ColumnSpec.Weighted::weight).sum();
        List<String> bounds = new ArrayList<>();
        double cumulative = 0;
        for (int i = 0; i < values.size() - 1; i++) {
            cumulative += values.get(i).weight() / total;
            bounds.add(String.format(Locale.ROOT, "%.9f", cumulative));
        }
        return "(ARRAY[" + String.join(", ", literals) + "])[1 + width_bucket(" + uniform(seed) + ", ARRAY["
                + String.join(", ", bounds) + "]::float8[])]";
    }

    /** A value from the pom: a number or true/false/null stays as written, anything else becomes a string. */
    static String literal(String value) {
        String v = value.trim();
        if (v.matches("-?\\d+(\\.\\d+)?") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                || v.equalsIgnoreCase("null")) {
            return v;
        }
        return CheckConstraints.quote(v);
    }

    private static String arrayValue(Column column, long distinct, long seed) {
        String element = switch (column.typeName()) {
            case "int2", "int4", "int8", "numeric" -> "%s";
            case "uuid" -> "md5(%s::text)::uuid";
            default -> "'" + prefix(column) + "' || %s";
        };
        List<String> items = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            items.add(String.format(element, "(" + hash(ROW, seed + k) + " % " + Math.max(1, distinct) + ")"));
        }
        return "ARRAY[" + String.join(", ", items) + "]";
    }

    /** jsonb_build_object from the shape in the pom; an empty object without one. */
    private static String json(ColumnSpec spec, long seed) throws ConfigException {
        if (spec == null || spec.json() == null || spec.json().isBlank()) {
            return "'{}'";
        }
        JsonNode shape;
        try {
            shape = JSON.readTree(spec.json());
        } catch (Exception e) {
            throw new ConfigException("dashboards.columns[" + spec.table() + "." + spec.column() + "].json",
                    "not JSON: " + e.getMessage());
        }
        if (shape == null || !shape.isObject()) {
            throw new ConfigException("dashboards.columns[" + spec.table() + "." + spec.column() + "].json",
                    "a JSON object is required, like {\"material\": [\"organic cotton:5\", \"polyester:95\"]}");
        }
        List<String> parts = new ArrayList<>();
        long k = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.properties().iterator(); it.hasNext(); k++) {
            Map.Entry<String, JsonNode> field = it.next();
            parts.add(CheckConstraints.quote(field.getKey()));
            JsonNode v = field.getValue();
            if (v.isArray()) {
                List<ColumnSpec.Weighted> weighted = new ArrayList<>();
                v.forEach(item -> weighted.add(parseWeighted(item.asText())));
                parts.add(weighted(weighted, seed * 31 + k, false));
            } else {
                parts.add("(" + CheckConstraints.quote(v.toString()) + ")::jsonb");
            }
        }
        return "jsonb_build_object(" + String.join(", ", parts) + ")";
    }

    /** {@code "organic cotton:5"} → value and weight; a value without a weight weighs 1. */
    static ColumnSpec.Weighted parseWeighted(String text) {
        int colon = text.lastIndexOf(':');
        if (colon > 0) {
            try {
                return new ColumnSpec.Weighted(text.substring(0, colon).trim(),
                        Double.parseDouble(text.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                // a colon that is part of the value
            }
        }
        return new ColumnSpec.Weighted(text.trim(), 1);
    }

    /** {@code 2025-01-01} (or with a time) as written in the pom becomes a literal; SQL expressions stay as they are. */
    static String quoteDate(String bound) {
        if (bound != null && bound.trim().matches("\\d{4}-\\d{2}-\\d{2}([ T][0-9:.+\\-Z]*)?")) {
            return CheckConstraints.quote(bound.trim());
        }
        return bound;
    }

    static String today() {
        return LocalDate.now().toString();
    }
}
