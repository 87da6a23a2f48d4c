package dev.dbcheck.migration;

import dev.dbcheck.engine.DbcheckException;
import dev.dbcheck.engine.EngineLog;
import dev.dbcheck.postgres.ProvisionedDatabase;

/** Brings a fresh database to the project's schema. */
public interface Migrator {

    /**
     * Checks what can be checked without a database (the folders exist, there are scripts), so that a wrong
     * location fails the build before a server is started for nothing.
     */
    void check() throws DbcheckException;

    AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException;
}
