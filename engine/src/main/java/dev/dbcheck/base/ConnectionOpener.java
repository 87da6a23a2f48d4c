package dev.dbcheck.base;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens another connection to the run's database (a snapshot's second session, the rows' reading). */
@FunctionalInterface
public interface ConnectionOpener {
    Connection open() throws SQLException;
}
