package dev.dbcheck.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the schema is built: which tool, from where, with what.
 *
 * @param tool             the migration tool
 * @param locations        where the scripts are (Flyway locations, or folders of plain SQL)
 * @param schemas          the schemas Flyway manages; the first holds its history table
 * @param placeholders     {@code ${name}} values
 * @param table            Flyway's history table
 * @param statementTimeout how long one statement may run before it is cancelled; null for no limit
 */
public record MigrationSettings(Tool tool, List<String> locations, List<String> schemas,
                                Map<String, String> placeholders, String table, Duration statementTimeout) {

    /** A migration tool: its constant here, its class, and its case in {@link Migrator#of}. */
    public enum Tool { FLYWAY, PLAIN }

    public MigrationSettings {
        locations = List.copyOf(locations);
        schemas = List.copyOf(schemas);
        placeholders = Map.copyOf(placeholders);
    }

    /** Flyway from these locations, everything else at its default (tests, tools). */
    public static MigrationSettings flyway(List<String> locations, List<String> schemas,
                                           Map<String, String> placeholders) {
        return new MigrationSettings(Tool.FLYWAY, locations, schemas, placeholders, FlywayMigrator.DEFAULT_TABLE, null);
    }
}
