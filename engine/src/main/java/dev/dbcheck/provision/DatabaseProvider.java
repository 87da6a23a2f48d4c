package dev.dbcheck.provision;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;

/** Gives dbcheck a throwaway database: an embedded server, a container, or a fresh database on a server. */
public interface DatabaseProvider {

    /** Starts or creates the database; the caller closes it, which removes everything that was created. */
    ProvisionedDatabase provision(EngineLog log) throws DbcheckException;
}
