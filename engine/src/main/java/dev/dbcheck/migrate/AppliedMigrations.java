package dev.dbcheck.migrate;

import dev.dbcheck.sql.QualifiedName;

import java.util.List;
import java.util.Set;

/**
 * What the migration step did.
 *
 * @param scripts    the SQL scripts in the order they were applied
 * @param toolTables the migration tool's own bookkeeping tables (Flyway's history table, Liquibase's changelog
 *                   and its lock), left out of the snapshot: not the project's schema
 */
public record AppliedMigrations(List<MigrationScript> scripts, Set<QualifiedName> toolTables) {

    public AppliedMigrations {
        scripts = List.copyOf(scripts);
        toolTables = Set.copyOf(toolTables);
    }
}
