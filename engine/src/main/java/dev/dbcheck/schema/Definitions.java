package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index and constraint definitions as {@code pg_get_indexdef(oid)} and {@code pg_get_constraintdef(oid, true)} print
 * them, written here where the text follows from what the snapshot reads anyway (deparsing on the server is per row
 * and, in a new session, loads each relation it names into the catalog caches first). Constraints: primary keys,
 * unique constraints and foreign keys. Indexes: keys that are columns, no predicate, no storage options, an index of
 * a plain table, B-tree or hash, default operator classes and collations (deparsing was two thirds of the index
 * query: 17 of 26 ms at 500 generated tables). Anything less certain is still left to the server, and
 * {@code SnapshotReaderTest} compares both texts on every index and constraint of the real-schema corpus.
 */
final class Definitions {

    private static final long TEXT = 25;
    private static final long VARCHAR = 1043;

    /** An operator class: whether it is the default of its access method for {@code inputType}. */
    record OperatorClass(String name, boolean isDefault, long inputType) {
    }

    /** A table column's type and collation, what decides whether the index names its operator class and collation. */
    record KeyColumn(String name, long type, long collation) {
    }

    private final Set<String> quotedWords;
    private final Map<Long, OperatorClass> operatorClasses;

    private Definitions(Set<String> quotedWords, Map<Long, OperatorClass> operatorClasses) {
        this.quotedWords = quotedWords;
        this.operatorClasses = operatorClasses;
    }

    /** The server's key words that quote_ident quotes (all but the unreserved ones) and its operator classes. */
    static Definitions read(Connection connection) throws SQLException {
        Set<String> words = new HashSet<>();
        Map<Long, OperatorClass> classes = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'")) {
                while (rs.next()) {
                    words.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT oid, opcname, opcdefault, opcintype FROM pg_opclass")) {
                while (rs.next()) {
                    classes.put(rs.getLong(1), new OperatorClass(rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
                }
            }
        }
        return new Definitions(words, classes);
    }

    String operatorClassName(long oid) {
        OperatorClass opclass = operatorClasses.get(oid);
        return opclass == null ? null : opclass.name();
    }

    /**
     * The statement, or null when the server must deparse it (an operator class or collation other than the
     * column's default, ordering options on an access method that has none, a key that is no column).
     */
    String compose(String name, QualifiedName table, String method, boolean unique, List<KeyColumn> columns,
                   int keyCount, long[] opclasses, long[] collations, Short[] options) {
        if (!method.equals("btree") && !method.equals("hash")) {
            return null; // other methods' operator classes may carry options (a GiST siglen) kept where we do not read
        }
        StringBuilder sql = new StringBuilder(96).append("CREATE ").append(unique ? "UNIQUE " : "").append("INDEX ")
                .append(quote(name)).append(" ON ").append(quote(table.schema())).append('.')
                .append(quote(table.name())).append(" USING ").append(quote(method)).append(" (");
        for (int k = 0; k < columns.size(); k++) {
            KeyColumn column = columns.get(k);
            if (column == null) {
                return null;
            }
            if (k == keyCount) {
                sql.append(") INCLUDE (");
            } else if (k > 0) {
                sql.append(", ");
            }
            sql.append(quote(column.name()));
            if (k >= keyCount) {
                continue; // included columns have neither operator class nor collation nor order
            }
            OperatorClass opclass = k < opclasses.length ? operatorClasses.get(opclasses[k]) : null;
            if (opclass == null || !opclass.isDefault() || !(opclass.inputType() == column.type()
                    || column.type() == VARCHAR && opclass.inputType() == TEXT)) {
                return null; // named by the server when it is not the type's default (varchar takes text's)
            }
            long collation = k < collations.length ? collations[k] : 0;
            if (collation != 0 && collation != column.collation()) {
                return null;
            }
            int option = k < options.length ? options[k] : 0;
            if (option != 0) {
                if (!method.equals("btree")) {
                    return null;
                }
                boolean descending = (option & 1) != 0;
                boolean nullsFirst = (option & 2) != 0;
                sql.append(descending ? nullsFirst ? " DESC" : " DESC NULLS LAST" : nullsFirst ? " NULLS FIRST" : "");
            }
        }
        return sql.append(')').toString();
    }

    /** quote_ident: bare only for lower-case letters, digits and underscores, not first a digit, and no key word. */
    String quote(String identifier) {
        boolean safe = !identifier.isEmpty() && (identifier.charAt(0) >= 'a' && identifier.charAt(0) <= 'z'
                || identifier.charAt(0) == '_');
        for (int i = 1; safe && i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            safe = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        if (safe && !quotedWords.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A foreign key's action as pg_constraint codes it ({@code a}, or nothing, is NO ACTION). */
    static String action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    /**
     * A primary key's, unique constraint's or foreign key's text, or null when the server must write it (see the
     * query's condition for what it keeps: INCLUDE, NULLS NOT DISTINCT, MATCH PARTIAL, SET NULL (columns), periods,
     * NOT ENFORCED, checks and exclusions). {@code referenced} is already written as the server would: bare when the
     * search path finds it.
     */
    String constraint(ConstraintType type, List<String> columns, String referenced, List<String> referencedColumns,
                      String matchType, String onUpdate, String onDelete, boolean deferrable, boolean deferred,
                      boolean validated) {
        StringBuilder sql = new StringBuilder(64);
        switch (type) {
            case PRIMARY_KEY -> sql.append("PRIMARY KEY (").append(columnList(columns)).append(')');
            case UNIQUE -> sql.append("UNIQUE (").append(columnList(columns)).append(')');
            case FOREIGN_KEY -> {
                sql.append("FOREIGN KEY (").append(columnList(columns)).append(") REFERENCES ").append(referenced)
                        .append('(').append(columnList(referencedColumns)).append(')');
                if ("f".equals(matchType)) {
                    sql.append(" MATCH FULL");
                }
                // the server prints an action only when it is not the default
                String update = action(onUpdate);
                if (!update.equals("NO ACTION")) {
                    sql.append(" ON UPDATE ").append(update);
                }
                String delete = action(onDelete);
                if (!delete.equals("NO ACTION")) {
                    sql.append(" ON DELETE ").append(delete);
                }
            }
            default -> {
                return null;
            }
        }
        if (deferrable) {
            sql.append(" DEFERRABLE");
        }
        if (deferred) {
            sql.append(" INITIALLY DEFERRED");
        }
        if (!validated) {
            sql.append(" NOT VALID");
        }
        return sql.toString();
    }

    private String columnList(List<String> columns) {
        StringBuilder list = new StringBuilder();
        for (String column : columns) {
            if (list.length() > 0) {
                list.append(", ");
            }
            list.append(quote(column));
        }
        return list.toString();
    }

    /**
     * The server's text for the objects this class leaves to it, in one query.
     *
     * @param deparse the function call that writes one, of the oid {@code o}: {@code pg_get_indexdef(o)}
     */
    static Map<Long, String> deparsed(Connection connection, Set<Long> oids, String deparse) throws SQLException {
        Map<Long, String> definitions = new HashMap<>();
        if (oids.isEmpty()) {
            return definitions;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT o, " + deparse + " FROM unnest(?::oid[]) o")) {
            ps.setArray(1, connection.createArrayOf("oid", oids.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return definitions;
    }
}
