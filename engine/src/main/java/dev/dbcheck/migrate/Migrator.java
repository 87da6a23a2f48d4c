package dev.dbcheck.migrate;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;

import java.util.List;

/** Brings a fresh database to the project's schema. */
public interface Migrator {

    /**
     * Checks what can be checked without a database (the folders exist, there are scripts), so that a wrong
     * location fails the build before a server is started for nothing.
     */
    void check() throws DbcheckException;

    AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException;

    /**
     * The SQL scripts on disk, in the order they are applied, placeholders replaced: what the migrations will
     * send to the server, for checks that must come before any of it runs.
     */
    List<MigrationScript> scripts() throws DbcheckException;

    /**
     * The steps the tool applies one by one, in order, each as the SQL it sends: what migration safety replays
     * statement by statement. A file each for Flyway and plain SQL; for Liquibase a changeSet each (the ones the
     * configured contexts and labels select), since a pull request often appends changeSets to a file that
     * production already ran.
     */
    default List<MigrationScript> steps() throws DbcheckException {
        return scripts();
    }

    /** The migrator of the configured tool. */
    static Migrator of(MigrationSettings settings, Project project) {
        return switch (settings.tool()) {
            case FLYWAY -> new FlywayMigrator(settings, project);
            case PLAIN -> new PlainSqlMigrator(settings, project);
            case LIQUIBASE -> new LiquibaseMigrator(settings, project);
        };
    }
}
