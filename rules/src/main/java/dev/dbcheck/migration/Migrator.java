package dev.dbcheck.migration;

import dev.dbcheck.engine.DbcheckException;
import dev.dbcheck.engine.EngineLog;
import dev.dbcheck.postgres.ProvisionedDatabase;

/** Brings a fresh database to the project's schema. */
public interface Migrator {

    AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException;
}
