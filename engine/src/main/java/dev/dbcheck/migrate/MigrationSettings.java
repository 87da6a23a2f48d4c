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
 * @param changelog        Liquibase's master changelog, relative to the project; null to look in the usual places
 * @param contexts         Liquibase contexts to run ({@code dev, test}); null for all
 * @param labels           a Liquibase label expression; null for all
 * @param mixed            Flyway's {@code mixed}: a script may mix transactional and non-transactional statements
 */
public record MigrationSettings(Tool tool, List<String> locations, List<String> schemas,
                                Map<String, String> placeholders, String table, Duration statementTimeout,
                                String changelog, String contexts, String labels, boolean mixed) {

    /** A migration tool: its constant here, its class, and its case in {@link Migrator#of}. */
    public enum Tool { FLYWAY, PLAIN, LIQUIBASE }

    /** Flyway or plain SQL settings (no Liquibase changelog). */
    public MigrationSettings(Tool tool, List<String> locations, List<String> schemas,
                             Map<String, String> placeholders, String table, Duration statementTimeout) {
        this(tool, locations, schemas, placeholders, table, statementTimeout, null, null, null, false);
    }

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
