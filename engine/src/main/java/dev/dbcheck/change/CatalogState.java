package dev.dbcheck.change;

import dev.dbcheck.change.ChangeTrace.AddedColumn;
import dev.dbcheck.change.ChangeTrace.AddedConstraint;
import dev.dbcheck.change.ChangeTrace.CreatedIndex;
import dev.dbcheck.change.ChangeTrace.Destruction;
import dev.dbcheck.change.ChangeTrace.NotNullSet;
import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the catalog a migration statement can change that the migration safety rules judge, read in the
 * statement's own session before and after it (so inside its transaction): relations and their files
 * ({@code relfilenode}), columns, constraints. Three catalog queries of the user schemas.
 */
final class CatalogState {

    /** A relation: its name, kind ({@code pg_class.relkind}), file, and for an index its table. */
    record Relation(long oid, QualifiedName name, String kind, long fileNode, long table, List<String> columns) {
    }

    record Column(long table, int number, String name, boolean notNull, String type, String defaultExpression) {
    }

    record Constraint(long oid, long table, String name, String type, boolean validated, long index, String definition,
                      List<String> columns) {
    }

    final Map<Long, Relation> relations;
    final Map<String, Column> columns;
    final Map<Long, Constraint> constraints;

    private CatalogState(Map<Long, Relation> relations, Map<String, Column> columns, Map<Long, Constraint> constraints) {
        this.relations = relations;
        this.columns = columns;
        this.constraints = constraints;
    }

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    static CatalogState read(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new LinkedHashMap<>();
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<Long, Constraint> constraints = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relfilenode, "
                    + "coalesce(i.indrelid, 0), CASE WHEN i.indrelid IS NOT NULL THEN ARRAY(SELECT a.attname::text "
                    + "FROM unnest(i.indkey) WITH ORDINALITY AS k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid "
                    + "AND a.attnum = k.n ORDER BY k.o) END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND "
                    + USER_SCHEMAS)) {
                while (r.next()) {
                    relations.put(r.getLong(1), new Relation(r.getLong(1), new QualifiedName(r.getString(2),
                            r.getString(3)), r.getString(4), r.getLong(5), r.getLong(6), names(r.getArray(7))));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT a.attrelid, a.attnum, a.attname, a.attnotnull, "
                    + "format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a "
                    + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMAS)) {
                while (r.next()) {
                    Column c = new Column(r.getLong(1), r.getInt(2), r.getString(3), r.getBoolean(4), r.getString(5),
                            r.getString(6));
                    columns.put(c.table() + ":" + c.number(), c);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT k.oid, k.conrelid, k.conname, k.contype::text, k.convalidated, "
                    + "k.conindid, pg_get_constraintdef(k.oid), ARRAY(SELECT a.attname::text FROM unnest(k.conkey) "
                    + "WITH ORDINALITY AS c(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.n "
                    + "ORDER BY c.o) FROM pg_constraint k "
                    + "JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.conrelid <> 0 AND " + USER_SCHEMAS)) {
                while (r.next()) {
                    constraints.put(r.getLong(1), new Constraint(r.getLong(1), r.getLong(2), r.getString(3),
                            r.getString(4), r.getBoolean(5), r.getLong(6), r.getString(7), names(r.getArray(8))));
                }
            }
        }
        return new CatalogState(relations, columns, constraints);
    }

    /** What a statement changed, between the state before it and the state after it. */
    record Changes(List<QualifiedName> rewritten, List<AddedConstraint> constraints, List<NotNullSet> notNull,
                   List<AddedColumn> columns, List<CreatedIndex> indexes, List<Destruction> destructions) {
    }

    /**
     * @param before   the state before the statement
     * @param existing the relations that existed before the change: only their changes count
     */
    Changes since(CatalogState before, Set<Long> existing, Connection connection) throws SQLException {
        List<QualifiedName> rewritten = new ArrayList<>();
        List<Destruction> destructions = new ArrayList<>();
        for (Relation old : before.relations.values()) {
            if (!existing.contains(old.oid())) {
                continue;
            }
            Relation now = relations.get(old.oid());
            boolean table = old.kind().equals("r") || old.kind().equals("p");
            if (now == null) {
                // ALTER COLUMN TYPE drops an index on the column and builds it again: another oid, the same name
                boolean rebuilt = (old.kind().equals("i") || old.kind().equals("I")) && relations.values().stream()
                        .anyMatch(r -> r.name().equals(old.name()) && !before.relations.containsKey(r.oid()));
                if (rebuilt) {
                    rewritten.add(old.name());
                }
                if (table) {
                    destructions.add(new Destruction(Destruction.Kind.DROP_TABLE, old.name(), null, null, null));
                }
                continue;
            }
            if (old.fileNode() != 0 && now.fileNode() != old.fileNode()) {
                rewritten.add(now.name());
            }
            if (table && !now.name().equals(old.name())) {
                destructions.add(new Destruction(Destruction.Kind.RENAME_TABLE, now.name(), null,
                        old.name().toString(), now.name().toString()));
            }
        }
        List<NotNullSet> notNull = new ArrayList<>();
        List<AddedColumn> added = new ArrayList<>();
        for (Column old : before.columns.values()) {
            if (!existing.contains(old.table()) || !relations.containsKey(old.table())) {
                continue;
            }
            QualifiedName table = relations.get(old.table()).name();
            Column now = columns.get(old.table() + ":" + old.number());
            if (now == null) {
                destructions.add(new Destruction(Destruction.Kind.DROP_COLUMN, table, old.name(), old.type(), null));
                continue;
            }
            if (!now.name().equals(old.name())) {
                destructions.add(new Destruction(Destruction.Kind.RENAME_COLUMN, table, now.name(), old.name(),
                        now.name()));
            }
            if (!now.type().equals(old.type()) && narrows(old.type(), now.type())) {
                destructions.add(new Destruction(Destruction.Kind.NARROW_TYPE, table, now.name(), old.type(),
                        now.type()));
            }
            if (now.notNull() && !old.notNull()) {
                notNull.add(new NotNullSet(table, now.name(), before.provenNotNull(old.table(), old.name())));
            }
        }
        for (Column now : columns.values()) {
            if (existing.contains(now.table()) && !before.columns.containsKey(now.table() + ":" + now.number())) {
                added.add(new AddedColumn(relations.get(now.table()).name(), now.name(), now.type(),
                        now.defaultExpression()));
            }
        }
        List<AddedConstraint> constraints = new ArrayList<>();
        for (Constraint c : this.constraints.values()) {
            if (before.constraints.containsKey(c.oid()) || !existing.contains(c.table())
                    || !relations.containsKey(c.table())) {
                continue;
            }
            // ALTER COLUMN TYPE drops and re-creates the constraints on the column: the same name, not a new one
            if (before.constraints.values().stream().anyMatch(b -> b.table() == c.table() && b.name().equals(c.name()))) {
                continue;
            }
            boolean builtIndex = c.index() != 0 && !before.relations.containsKey(c.index())
                    && List.of("u", "p", "x").contains(c.type());
            constraints.add(new AddedConstraint(relations.get(c.table()).name(), c.name(), c.type(), c.definition(),
                    c.columns(), c.validated(), builtIndex));
        }
        List<CreatedIndex> indexes = new ArrayList<>();
        List<Long> newIndexes = new ArrayList<>();
        for (Relation r : relations.values()) {
            if ((r.kind().equals("i") || r.kind().equals("I")) && !before.relations.containsKey(r.oid())
                    && existing.contains(r.table())) {
                newIndexes.add(r.oid());
            }
        }
        if (!newIndexes.isEmpty()) {
            try (PreparedStatement p = connection.prepareStatement("SELECT pg_get_indexdef(?::oid)")) {
                for (long oid : newIndexes) {
                    p.setLong(1, oid);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        Relation index = relations.get(oid);
                        indexes.add(new CreatedIndex(relations.get(index.table()).name(), index.name().name(),
                                index.columns(), r.getString(1)));
                    }
                }
            }
        }
        return new Changes(rewritten, constraints, notNull, added, indexes, destructions);
    }

    private static List<String> names(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} of the table proves the column has no NULL. */
    private boolean provenNotNull(long table, String column) {
        Pattern proof = Pattern.compile("CHECK \\(\\(\"?" + Pattern.quote(column) + "\"? IS NOT NULL\\)\\)");
        return constraints.values().stream().anyMatch(c -> c.table() == table && c.type().equals("c") && c.validated()
                && proof.matcher(c.definition()).matches());
    }

    private static final Map<String, Integer> INTEGER_BYTES = Map.of("smallint", 2, "integer", 4, "bigint", 8);
    private static final Pattern LENGTH = Pattern.compile("(character varying|character|bit varying|bit)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    /**
     * Whether a column's new type holds fewer values than its old one: a smaller integer, a shorter length, fewer
     * digits, or a length where there was none. Values the running application writes may no longer fit.
     */
    static boolean narrows(String before, String after) {
        Integer b = INTEGER_BYTES.get(before);
        Integer a = INTEGER_BYTES.get(after);
        if (b != null && a != null) {
            return a < b;
        }
        if (before.equals("double precision") && after.equals("real")) {
            return true;
        }
        Matcher la = LENGTH.matcher(after);
        if (la.matches()) {
            Matcher lb = LENGTH.matcher(before);
            if (lb.matches()) {
                return Integer.parseInt(la.group(2)) < Integer.parseInt(lb.group(2));
            }
            return before.equals("text") || before.equals("character varying");
        }
        Matcher na = NUMERIC.matcher(after);
        if (na.matches()) {
            Matcher nb = NUMERIC.matcher(before);
            if (nb.matches()) {
                int intDigitsBefore = Integer.parseInt(nb.group(1)) - Integer.parseInt(nb.group(2));
                int intDigitsAfter = Integer.parseInt(na.group(1)) - Integer.parseInt(na.group(2));
                return intDigitsAfter < intDigitsBefore || Integer.parseInt(na.group(2)) < Integer.parseInt(nb.group(2));
            }
            return before.equals("numeric") || INTEGER_BYTES.containsKey(before);
        }
        return false;
    }

    /** Relation names by oid, for the locks a statement holds (a dropped relation is named by the earlier state). */
    static Map<Long, Relation> union(CatalogState before, CatalogState after) {
        Map<Long, Relation> all = new HashMap<>(before.relations);
        all.putAll(after.relations);
        return all;
    }
}
