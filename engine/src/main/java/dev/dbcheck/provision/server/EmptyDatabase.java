package dev.dbcheck.provision.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What "empty" means for a database dbcheck is given to use: no schema besides {@code public}, no extension
 * besides {@code plpgsql}, and nothing in {@code public}. After the run the same definition is restored, so the
 * next build finds it empty again.
 */
final class EmptyDatabase {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    private EmptyDatabase() {
    }

    /** What makes the database not empty, as {@code kind name}; empty when it is empty. */
    static List<String> objects(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        query(c, "SELECT 'schema ' || nspname FROM pg_namespace n WHERE " + USER_SCHEMAS + " AND nspname <> 'public'",
                found);
        query(c, "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'", found);
        query(c, "SELECT 'relation ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public'", found);
        query(c, "SELECT 'routine ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = 'public'", found);
        query(c, "SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm') OR (n.nspname = 'public' "
                + "AND t.typtype = 'c' AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid "
                + "AND c.relkind <> 'c'))", found);
        return found;
    }

    /** Removes everything a run created, leaving the database as {@link #objects} found it: empty. */
    static void clear(Connection c) throws SQLException {
        List<String> statements = new ArrayList<>();
        query(c, "SELECT 'DROP EXTENSION IF EXISTS ' || quote_ident(extname) || ' CASCADE' FROM pg_extension "
                + "WHERE extname <> 'plpgsql'", statements);
        query(c, "SELECT 'DROP SCHEMA IF EXISTS ' || quote_ident(nspname) || ' CASCADE' FROM pg_namespace n WHERE "
                + USER_SCHEMAS + " AND nspname <> 'public'", statements);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        // then public, object by object (the schema itself, its owner and its grants stay)
        statements.clear();
        query(c, "SELECT format('DROP %s IF EXISTS public.%I CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW' "
                + "WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' "
                + "ELSE 'TABLE' END, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition",
                statements);
        query(c, "SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) FROM pg_proc p "
                + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'", statements);
        query(c, "SELECT format('DROP %s IF EXISTS public.%I CASCADE', CASE t.typtype WHEN 'd' THEN 'DOMAIN' "
                + "ELSE 'TYPE' END, t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = 'public' AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND "
                + "EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))", statements);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static void query(Connection c, String sql, List<String> into) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
