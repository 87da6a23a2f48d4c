package dev.dbcheck.provision.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What "empty" means for a database dbcheck is given to use: no schema besides {@code public}, no extension
 * besides {@code plpgsql}, nothing in {@code public} (relations, routines, types, collations, text search
 * objects, operators, conversions), and nothing that belongs to the database itself (large objects, publications,
 * event triggers, foreign servers, casts, {@code ALTER DATABASE ... SET} settings, default privileges). After the
 * run the same definition is restored, so the next build finds it empty again; what cannot be removed (default
 * privileges) is named, and the build fails.
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
        // what lives in public without being a relation, a routine or a type
        for (String[] kind : PUBLIC_OBJECTS) {
            query(c, "SELECT '" + kind[0] + " ' || o." + kind[2] + " FROM " + kind[1] + " o JOIN pg_namespace n "
                    + "ON n.oid = o." + kind[3] + " WHERE n.nspname = 'public'", found);
        }
        for (Kind kind : MORE_OBJECTS) {
            query(c, "SELECT " + kind.what() + " FROM " + kind.from(), found);
        }
        return found;
    }

    /**
     * A kind of object {@link #objects} reports and {@link #clear} removes.
     *
     * @param what how a message names one (an SQL expression)
     * @param drop the statement that removes one (an SQL expression), or null where nothing can
     * @param from the catalog and the condition that find them
     */
    private record Kind(String what, String drop, String from) {
    }

    /** The operators of public, and what belongs to the database itself, in no schema. */
    private static final List<Kind> MORE_OBJECTS = List.of(
            new Kind("'operator ' || o.oid::regoperator",
                    "format('DROP OPERATOR IF EXISTS %s CASCADE', o.oid::regoperator)",
                    "pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE n.nspname = 'public'"),
            new Kind("'operator family ' || f.opfname",
                    "format('DROP OPERATOR FAMILY IF EXISTS public.%I USING %I CASCADE', f.opfname, a.amname)",
                    "pg_opfamily f JOIN pg_am a ON a.oid = f.opfmethod JOIN pg_namespace n "
                            + "ON n.oid = f.opfnamespace WHERE n.nspname = 'public'"),
            new Kind("'large object ' || oid", "format('SELECT lo_unlink(%s)', oid)", "pg_largeobject_metadata"),
            new Kind("'publication ' || pubname", "format('DROP PUBLICATION IF EXISTS %I', pubname)",
                    "pg_publication"),
            new Kind("'event trigger ' || evtname", "format('DROP EVENT TRIGGER IF EXISTS %I', evtname)",
                    "pg_event_trigger"),
            new Kind("'foreign server ' || srvname", "format('DROP SERVER IF EXISTS %I CASCADE', srvname)",
                    "pg_foreign_server"),
            new Kind("format('cast (%s AS %s)', castsource::regtype, casttarget::regtype)",
                    "format('DROP CAST IF EXISTS (%s AS %s) CASCADE', castsource::regtype, casttarget::regtype)",
                    "pg_cast WHERE oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                            + "WHERE d.classid = 'pg_cast'::regclass AND d.objid = pg_cast.oid AND d.deptype = 'e')"),
            new Kind("'database setting ' || array_to_string(setconfig, ', ')",
                    "CASE WHEN setrole = 0 THEN format('ALTER DATABASE %I RESET ALL', current_database()) "
                            + "ELSE format('ALTER ROLE %I IN DATABASE %I RESET ALL', setrole::regrole, "
                            + "current_database()) END",
                    "pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database "
                            + "WHERE datname = current_database())"),
            // ALTER DEFAULT PRIVILEGES has no statement that restores the built-in defaults
            new Kind("'default privileges of ' || defaclrole::regrole", null, "pg_default_acl"));

    /** Kinds of object in a schema: what a message calls it, its catalog, its name column, its schema column. */
    private static final String[][] PUBLIC_OBJECTS = {
        {"collation", "pg_collation", "collname", "collnamespace", "COLLATION"},
        {"text search configuration", "pg_ts_config", "cfgname", "cfgnamespace", "TEXT SEARCH CONFIGURATION"},
        {"text search dictionary", "pg_ts_dict", "dictname", "dictnamespace", "TEXT SEARCH DICTIONARY"},
        {"text search template", "pg_ts_template", "tmplname", "tmplnamespace", "TEXT SEARCH TEMPLATE"},
        {"text search parser", "pg_ts_parser", "prsname", "prsnamespace", "TEXT SEARCH PARSER"},
        {"conversion", "pg_conversion", "conname", "connamespace", "CONVERSION"},
    };

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
        // the rest of public, and what belongs to the database itself
        statements.clear();
        for (String[] kind : PUBLIC_OBJECTS) {
            query(c, "SELECT format('DROP " + kind[4] + " IF EXISTS public.%I CASCADE', o." + kind[2] + ") FROM "
                    + kind[1] + " o JOIN pg_namespace n ON n.oid = o." + kind[3] + " WHERE n.nspname = 'public'",
                    statements);
        }
        for (Kind kind : MORE_OBJECTS) {
            if (kind.drop() != null) {
                query(c, "SELECT " + kind.drop() + " FROM " + kind.from(), statements);
            }
        }
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
