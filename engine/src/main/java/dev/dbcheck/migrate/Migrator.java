package dev.dbcheck.migrate;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;

/** Brings a fresh database to the project's schema. */
public interface Migrator {

    /**
     * Checks what can be checked without a database (the folders exist, there are scripts), so that a wrong
     * location fails the build before a server is started for nothing.
     */
    void check() throws DbcheckException;

    AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException;
}
