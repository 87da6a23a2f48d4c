package dev.dbcheck.rule;

import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.QualifiedName;

import java.util.List;

/**
 * The database object a finding is about. Its {@link #identity()} is stable across runs (no line numbers, no
 * oids), so that baselines and fingerprints survive unrelated changes.
 *
 * @param kind     what kind of object
 * @param relation the table or materialized view (for a function: its qualified name)
 * @param name     the constraint, index or column name; null for a table, materialized view or function
 * @param columns  the columns involved, for display (a foreign key's columns, an index's keys)
 */
public record DbObject(Kind kind, QualifiedName relation, String name, List<String> columns) {

    public enum Kind { TABLE, MATERIALIZED_VIEW, COLUMN, CONSTRAINT, INDEX, FUNCTION, SCHEMA, QUERY, FILE, DATABASE }

    public DbObject {
        columns = List.copyOf(columns);
    }

    public static DbObject table(QualifiedName table) {
        return new DbObject(Kind.TABLE, table, null, List.of());
    }

    public static DbObject materializedView(QualifiedName view) {
        return new DbObject(Kind.MATERIALIZED_VIEW, view, null, List.of());
    }

    public static DbObject column(QualifiedName table, String column) {
        return new DbObject(Kind.COLUMN, table, column, List.of(column));
    }

    public static DbObject constraint(QualifiedName table, String constraint, List<String> columns) {
        return new DbObject(Kind.CONSTRAINT, table, constraint, columns);
    }

    public static DbObject index(QualifiedName table, String index, List<String> columns) {
        return new DbObject(Kind.INDEX, table, index, columns);
    }

    public static DbObject function(QualifiedName function) {
        return new DbObject(Kind.FUNCTION, function, null, List.of());
    }

    /** A dashboard query; {@code detail} names what in it (a table it scans), or is null. */
    public static DbObject query(String queryName, String detail) {
        return new DbObject(Kind.QUERY, new QualifiedName("query", queryName), detail, List.of());
    }

    /** The database as a whole (its total index size, say). */
    public static DbObject database() {
        return new DbObject(Kind.DATABASE, new QualifiedName("", "database"), null, List.of());
    }

    /** A migration file itself, for findings about the file's text (a suppression comment, say). */
    /** A schema, as a whole (its privileges). */
    public static DbObject schema(String schema) {
        return new DbObject(Kind.SCHEMA, new QualifiedName(schema, ""), null, List.of());
    }

    public static DbObject file(String path) {
        return new DbObject(Kind.FILE, new QualifiedName("", path), null, List.of());
    }

    /** A name as a migration file writes it (before PostgreSQL truncates it). */
    public static DbObject nameInFile(String path, String name) {
        return new DbObject(Kind.FILE, new QualifiedName("", path), name, List.of());
    }

    /** How the object reads in a report: {@code public.orders(customer_id)}, {@code public.orders.total}. */
    public String display() {
        return switch (kind) {
            case TABLE, MATERIALIZED_VIEW, FUNCTION -> relation.toString();
            case QUERY -> "query " + relation.name() + (name == null ? "" : " → " + name);
            case FILE -> relation.name() + (name == null ? "" : ": " + Identifiers.quote(name));
            case SCHEMA -> "schema " + Identifiers.quote(relation.schema());
            case DATABASE -> "all indexes";
            case COLUMN -> relation + "." + Identifiers.quote(name);
            case CONSTRAINT -> relation + "(" + Identifiers.columnList(columns) + ")";
            case INDEX -> Identifiers.qualified(relation.schema(), name) + " on " + relation
                    + "(" + String.join(", ", columns) + ")";
        };
    }

    /** A stable identity for baselines and fingerprints: {@code constraint:public.orders.orders_user_id_fkey}. */
    public String identity() {
        if (kind == Kind.FILE) {
            return "file:" + relation.name() + (name == null ? "" : "/" + name);
        }
        if (kind == Kind.QUERY) {
            return "query:" + relation.name() + (name == null ? "" : "/" + name);
        }
        if (kind == Kind.DATABASE) {
            return "database";
        }
        if (kind == Kind.SCHEMA) {
            return "schema:" + relation.schema();
        }
        String base = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + relation.schema()
                + "." + relation.name();
        return name == null ? base : base + "." + name;
    }

    /** The paths include and exclude patterns are matched against: the table, and the column when there is one. */
    public List<String> patternPaths() {
        if (kind == Kind.QUERY) {
            return List.of("query." + relation.name());
        }
        if (kind == Kind.DATABASE || kind == Kind.FILE) {
            return List.of(relation.name());
        }
        if (kind == Kind.SCHEMA) {
            return List.of(relation.schema());
        }
        String tablePath = relation.schema() + "." + relation.name();
        if (kind == Kind.COLUMN) {
            return List.of(tablePath, tablePath + "." + name);
        }
        if (kind == Kind.CONSTRAINT || kind == Kind.INDEX) {
            List<String> paths = new java.util.ArrayList<>();
            paths.add(tablePath);
            paths.add(tablePath + "." + name);
            for (String c : columns) {
                paths.add(tablePath + "." + c);
            }
            return paths;
        }
        return List.of(tablePath);
    }
}
