package dev.dbcheck.provision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings that make a throwaway cluster fast, for every provider that starts its own server (embedded,
 * docker): its data is recreated on every run, so durability buys nothing, and a checkpoint or autovacuum in the
 * middle of a measured query would only add noise. The user's {@code serverSettings} override them.
 */
public final class ThrowawaySettings {

    private ThrowawaySettings() {
    }

    /** A new mutable map, in the order they are passed to the server. */
    public static Map<String, String> defaults() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("max_connections", "50");
        settings.put("max_wal_size", "1GB");
        settings.put("checkpoint_timeout", "30min");
        settings.put("autovacuum", "off");
        settings.put("jit", "off");
        return settings;
    }
}
