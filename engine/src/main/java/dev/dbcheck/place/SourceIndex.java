package dev.dbcheck.place;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.SqlComment;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each schema object came from: the migration file and line that created it, or that last changed it
 * ({@code ALTER TABLE ... ALTER COLUMN ... TYPE}, {@code ADD CONSTRAINT} in a later version). Built by reading the
 * applied scripts in order, statement by statement: a PostgreSQL-aware scanner splits them and a token reader
 * ({@link DdlReader}) reads each one, the constructs JSqlParser cannot parse ({@code PARTITION OF}, {@code CREATE
 * INDEX CONCURRENTLY}, {@code INCLUDE}, {@code NOT VALID}, ...) included; renames and drops are followed. (A
 * JSqlParser reader beside it once built exactly the same index over the fixtures and the example, so it went.) A statement it does not understand is skipped, never an error: the database, not this index, is the
 * truth about the schema; the index only says where to look.
 */
public final class SourceIndex {

    private static final Pattern GENERATED_NUMBER = Pattern.compile("_idx(\\d{1,3})$");

    private final Map<Key, TableSource> tables = new LinkedHashMap<>();
    private final Map<Key, IndexSource> indexes = new LinkedHashMap<>();
    private final Map<Key, SourcePosition> routines = new LinkedHashMap<>();
    private final List<Suppression> suppressions = new ArrayList<>();

    private SourceIndex() {
    }

    /** An index that knows nothing, for runs without migration files. */
    public static SourceIndex empty() {
        return new SourceIndex();
    }

    public static SourceIndex build(List<MigrationScript> scripts) {
        SourceIndex index = new SourceIndex();
        for (MigrationScript script : scripts) {
            index.add(script.displayPath(), script.content());
        }
        return index;
    }

    /** Adds one script's statements. */
    public void add(String path, String sql) {
        for (SqlStatement statement : SqlScanner.statements(sql)) {
            collectSuppressions(path, statement);
            try {
                new DdlReader(this, path, statement).read();
            } catch (RuntimeException e) {
                // A construct neither reader knows: the statement simply gives no positions.
            }
        }
    }

    /** The {@code dbcheck:ignore} comments of the migrations, in file order. */
    public List<Suppression> suppressions() {
        return List.copyOf(suppressions);
    }

    /**
     * A comment before a statement or on its first line covers the whole statement; one inside it covers its
     * own line, or, alone on a line, the next line with code (a column definition, say).
     */
    private void collectSuppressions(String path, SqlStatement statement) {
        Set<Integer> codeLines = new HashSet<>();
        statement.tokens().forEach(t -> codeLines.add(t.line()));
        for (SqlComment comment : statement.comments()) {
            SuppressionSyntax.Parsed parsed = SuppressionSyntax.parse(comment.text());
            if (parsed == null) {
                continue;
            }
            Set<Integer> lines = new HashSet<>();
            if (comment.endLine() < statement.startLine() || comment.line() == statement.startLine()) {
                for (int l = statement.startLine(); l <= statement.endLine(); l++) {
                    lines.add(l);
                }
            } else if (codeLines.contains(comment.line())) {
                lines.add(comment.line());
            } else {
                codeLines.stream().filter(l -> l > comment.endLine()).min(Integer::compare).ifPresent(lines::add);
            }
            suppressions.add(new Suppression(parsed.ruleIds(), parsed.reason(), new SourcePosition(path, comment.line()),
                    lines, null));
        }
    }

    /** The line to show for a finding on this object, if it came from a migration. */
    public Optional<SourcePosition> positionOf(DbObject object) {
        return switch (object.kind()) {
            case TABLE, MATERIALIZED_VIEW -> table(object.relation().schema(), object.relation().name())
                    .map(t -> t.created);
            case COLUMN -> table(object.relation().schema(), object.relation().name()).flatMap(t -> {
                ColumnSource c = t.columns.get(object.name());
                return Optional.ofNullable(c != null ? c.lastChange() : t.created);
            });
            case CONSTRAINT -> table(object.relation().schema(), object.relation().name())
                    .map(t -> constraintPosition(t, object.name(), object.columns()));
            case INDEX -> indexPosition(object);
            case FUNCTION -> Optional.ofNullable(lookup(routines, object.relation().schema(), object.relation().name()));
            case SCHEMA, QUERY, FILE, DATABASE -> Optional.empty();
        };
    }

    private Optional<SourcePosition> indexPosition(DbObject object) {
        IndexSource source = lookup(indexes, object.relation().schema(), object.name());
        if (source != null) {
            return Optional.of(source.position);
        }
        Optional<TableSource> table = table(object.relation().schema(), object.relation().name());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        // An index behind a constraint carries the constraint's name; an unnamed CREATE INDEX is found by columns.
        for (ConstraintSource c : table.get().constraints) {
            if (object.name().equals(c.name)) {
                return Optional.of(c.position);
            }
        }
        ConstraintType implied = impliedType(object.name());
        if (implied == ConstraintType.PRIMARY_KEY || implied == ConstraintType.UNIQUE
                || implied == ConstraintType.EXCLUSION) {
            return Optional.of(constraintPosition(table.get(), object.name(), object.columns()));
        }
        // PostgreSQL names the second unnamed index on the same columns ..._idx1, the third ..._idx2: the number
        // says which of the matching statements made it.
        int ordinal = generatedNameNumber(object.name());
        IndexSource first = null;
        int seen = 0;
        for (IndexSource i : indexes.values()) {
            if (i.name == null && i.table.equals(table.get()) && i.columns.equals(object.columns())) {
                if (seen++ == ordinal) {
                    return Optional.of(i.position);
                }
                first = first == null ? i : first;
            }
        }
        return Optional.of(first != null ? first.position : table.get().created);
    }

    /** The n of a generated index name {@code ..._idx<n>}, 0 when it has none. */
    private static int generatedNameNumber(String name) {
        Matcher m = GENERATED_NUMBER.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private SourcePosition constraintPosition(TableSource table, String name, List<String> columns) {
        for (ConstraintSource c : table.constraints) {
            if (name != null && name.equals(c.name)) {
                return c.position;
            }
        }
        ConstraintType impliedType = impliedType(name);
        for (ConstraintSource c : table.constraints) {
            if (c.name == null && c.columns.equals(columns) && (impliedType == null || impliedType == c.type)) {
                return c.position;
            }
        }
        for (ConstraintSource c : table.constraints) {
            if (c.name == null && new HashSet<>(c.columns).equals(new HashSet<>(columns))) {
                return c.position;
            }
        }
        if (!columns.isEmpty() && table.columns.containsKey(columns.get(0))) {
            return table.columns.get(columns.get(0)).defined;
        }
        return table.created;
    }

    /** The type PostgreSQL's generated constraint names imply ({@code orders_user_id_fkey} is a foreign key). */
    private static ConstraintType impliedType(String name) {
        if (name == null) {
            return null;
        }
        if (name.endsWith("_fkey")) {
            return ConstraintType.FOREIGN_KEY;
        }
        if (name.endsWith("_pkey")) {
            return ConstraintType.PRIMARY_KEY;
        }
        if (name.endsWith("_key")) {
            return ConstraintType.UNIQUE;
        }
        if (name.endsWith("_check")) {
            return ConstraintType.CHECK;
        }
        if (name.endsWith("_excl")) {
            return ConstraintType.EXCLUSION;
        }
        return null;
    }

    Optional<TableSource> table(String schema, String name) {
        return Optional.ofNullable(lookup(tables, schema, name));
    }

    /** Exact schema first; then the unqualified name, as written in a migration relying on search_path. */
    private static <V> V lookup(Map<Key, V> map, String schema, String name) {
        if (schema != null) {
            V exact = map.get(new Key(schema, name));
            if (exact != null) {
                return exact;
            }
        }
        V unqualified = map.get(new Key(null, name));
        if (unqualified != null || schema != null) {
            return unqualified;
        }
        V found = null;
        for (Map.Entry<Key, V> e : map.entrySet()) {
            if (e.getKey().name.equals(name)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = e.getValue();
            }
        }
        return found;
    }

    // ---- mutation, used by DdlReader ----

    TableSource createTable(String schema, String name, SourcePosition position) {
        TableSource table = new TableSource(position);
        tables.put(new Key(schema, name), table);
        return table;
    }

    TableSource existingTable(String schema, String name) {
        return lookup(tables, schema, name);
    }

    void renameTable(String schema, String name, String newSchema, String newName) {
        Key old = keyOf(tables, schema, name);
        if (old != null) {
            TableSource table = tables.remove(old);
            tables.put(new Key(newSchema != null ? newSchema : old.schema, newName), table);
        }
    }

    void dropTable(String schema, String name) {
        Key key = keyOf(tables, schema, name);
        if (key != null) {
            TableSource table = tables.remove(key);
            indexes.values().removeIf(i -> i.table == table);
        }
    }

    void addIndex(String schema, String name, TableSource table, List<String> columns, SourcePosition position) {
        indexes.put(new Key(schema, name == null ? "\0unnamed" + indexes.size() : name),
                new IndexSource(name, table, columns, position));
    }

    void renameIndex(String schema, String name, String newName) {
        Key key = keyOf(indexes, schema, name);
        if (key != null) {
            IndexSource source = indexes.remove(key);
            indexes.put(new Key(key.schema, newName), new IndexSource(newName, source.table, source.columns,
                    source.position));
        }
    }

    void dropIndex(String schema, String name) {
        Key key = keyOf(indexes, schema, name);
        if (key != null) {
            indexes.remove(key);
        }
    }

    void addRoutine(String schema, String name, SourcePosition position) {
        routines.put(new Key(schema, name), position);
    }

    void dropRoutine(String schema, String name) {
        Key key = keyOf(routines, schema, name);
        if (key != null) {
            routines.remove(key);
        }
    }

    private static <V> Key keyOf(Map<Key, V> map, String schema, String name) {
        V value = lookup(map, schema, name);
        if (value == null) {
            return null;
        }
        for (Map.Entry<Key, V> e : map.entrySet()) {
            if (e.getValue() == value) {
                return e.getKey();
            }
        }
        return null;
    }

    private record Key(String schema, String name) {
    }

    /** A table, view or materialized view and its parts. */
    static final class TableSource {
        final SourcePosition created;
        final Map<String, ColumnSource> columns = new LinkedHashMap<>();
        final List<ConstraintSource> constraints = new ArrayList<>();

        TableSource(SourcePosition created) {
            this.created = created;
        }

        void addColumn(String name, SourcePosition position) {
            columns.put(name, new ColumnSource(position));
        }

        void changeColumn(String name, SourcePosition position) {
            ColumnSource c = columns.get(name);
            if (c != null) {
                c.changed = position;
            }
        }

        void renameColumn(String name, String newName) {
            ColumnSource c = columns.remove(name);
            if (c != null) {
                columns.put(newName, c);
            }
            for (int i = 0; i < constraints.size(); i++) {
                ConstraintSource k = constraints.get(i);
                if (k.columns.contains(name)) {
                    List<String> renamed = k.columns.stream().map(x -> x.equals(name) ? newName : x).toList();
                    constraints.set(i, new ConstraintSource(k.name, k.type, renamed, k.position));
                }
            }
        }

        void addConstraint(String name, ConstraintType type, List<String> columns, SourcePosition position) {
            constraints.add(new ConstraintSource(name, type, List.copyOf(columns), position));
        }

        void renameConstraint(String name, String newName) {
            for (int i = 0; i < constraints.size(); i++) {
                ConstraintSource k = constraints.get(i);
                if (name.equals(k.name)) {
                    constraints.set(i, new ConstraintSource(newName, k.type, k.columns, k.position));
                }
            }
        }

        void dropConstraint(String name) {
            constraints.removeIf(k -> name.equals(k.name));
        }

        void dropColumn(String name) {
            columns.remove(name);
        }
    }

    static final class ColumnSource {
        final SourcePosition defined;
        SourcePosition changed;

        ColumnSource(SourcePosition defined) {
            this.defined = defined;
        }

        SourcePosition lastChange() {
            return changed != null ? changed : defined;
        }
    }

    record ConstraintSource(String name, ConstraintType type, List<String> columns, SourcePosition position) {
    }

    record IndexSource(String name, TableSource table, List<String> columns, SourcePosition position) {
        IndexSource {
            Objects.requireNonNull(position);
            columns = List.copyOf(columns);
        }
    }

    /** Every entry with its position, sorted: for comparing two indexes in tests and for diagnostics. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        tables.forEach((key, table) -> {
            String t = (key.schema == null ? "" : key.schema + ".") + key.name;
            lines.add("table " + t + " @" + table.created);
            table.columns.forEach((c, source) -> lines.add("column " + t + "." + c + " @" + source.defined
                    + (source.changed == null ? "" : " changed @" + source.changed)));
            table.constraints.forEach(c -> lines.add("constraint " + t + " " + c.name() + " " + c.type() + " "
                    + c.columns() + " @" + c.position()));
        });
        indexes.forEach((key, index) -> lines.add("index " + key.schema + "." + index.name() + " " + index.columns()
                + " @" + index.position()));
        routines.forEach((key, position) -> lines.add("routine " + key.schema + "." + key.name + " @" + position));
        lines.sort(null);
        return lines;
    }

    /** Names of the tables known, for diagnostics. */
    public Set<String> tableNames() {
        Set<String> names = new java.util.TreeSet<>();
        tables.keySet().forEach(k -> names.add((k.schema == null ? "" : k.schema + ".") + k.name));
        return names;
    }
}
