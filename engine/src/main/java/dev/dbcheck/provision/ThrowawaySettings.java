package dev.dbcheck.provision;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * One SCRAM iteration for the passwords this session sets next (PostgreSQL 16 and later; older servers keep
     * 4096). A throwaway server's passwords are random, 128 bits or more, so stretching them protects nothing, and
     * every connection dbcheck opens paid for it: 10–15 ms each in a new JVM, where a run opens half a dozen.
     */
    public static void fastPasswordHashing(Connection connection, Statement statement) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 16) {
            statement.execute("SET scram_iterations = 1");
        }
    }
}
