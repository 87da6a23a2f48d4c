package dev.dbcheck.migrate;

import dev.dbcheck.sql.QualifiedName;

import java.util.List;

/**
 * What the migration step did.
 *
 * @param scripts      the SQL scripts in the order they were applied
 * @param historyTable the migration tool's own bookkeeping table, left out of the snapshot; null if none
 */
public record AppliedMigrations(List<MigrationScript> scripts, QualifiedName historyTable) {

    public AppliedMigrations {
        scripts = List.copyOf(scripts);
    }
}
