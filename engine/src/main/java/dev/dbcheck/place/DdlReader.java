package dev.dbcheck.place;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;

import java.util.List;
import java.util.Set;

/**
 * Reads one DDL statement into the {@link SourceIndex}: CREATE/ALTER/DROP of tables, partitions, materialized
 * views, views, indexes and routines, with the line of each column and constraint inside a CREATE TABLE or
 * ALTER TABLE. Everything else is ignored.
 */
final class DdlReader {

    private static final Set<String> TABLE_CONSTRAINT_STARTS = Set.of(
            "constraint", "primary", "unique", "foreign", "check", "exclude");

    private final SourceIndex index;
    private final String path;
    private final SqlStatement statement;
    private final TokenCursor c;

    DdlReader(SourceIndex index, String path, SqlStatement statement) {
        this.index = index;
        this.path = path;
        this.statement = statement;
        this.c = new TokenCursor(statement.tokens());
    }

    private SourcePosition at(int line) {
        return new SourcePosition(path, line);
    }

    void read() {
        if (c.word("create")) {
            create();
        } else if (c.word("alter")) {
            alter();
        } else if (c.word("drop")) {
            drop();
        }
    }

    private void create() {
        c.words("or", "replace");
        if (!c.word("global")) {
            c.word("local");
        }
        if (!c.word("temporary") && !c.word("temp")) {
            c.word("unlogged");
        }
        if (c.word("table")) {
            createTable();
        } else if (c.word("unique") || c.peekWord("index")) {
            if (c.word("index")) {
                createIndex();
            }
        } else if (c.words("materialized", "view")) {
            createView();
        } else if (c.word("recursive") || c.peekWord("view")) {
            if (c.word("view")) {
                createView();
            }
        } else if (c.word("function") || c.word("procedure")) {
            TokenCursor.NameRef name = c.qualifiedName();
            if (name != null) {
                index.addRoutine(name.schema(), name.name(), at(statement.startLine()));
            }
        }
    }

    private void createTable() {
        c.words("if", "not", "exists");
        TokenCursor.NameRef name = c.qualifiedName();
        if (name == null) {
            return;
        }
        SourceIndex.TableSource table = index.createTable(name.schema(), name.name(), at(statement.startLine()));
        if (c.words("partition", "of")) {
            c.qualifiedName();
        } else if (c.word("of")) {
            c.qualifiedName();
        }
        List<SqlToken> elements = c.group();
        if (elements == null) {
            return;
        }
        for (List<SqlToken> element : TokenCursor.splitTopLevel(elements)) {
            tableElement(table, element);
        }
    }

    private void tableElement(SourceIndex.TableSource table, List<SqlToken> element) {
        SqlToken first = element.get(0);
        if (first.type() == SqlToken.Type.WORD && TABLE_CONSTRAINT_STARTS.contains(first.value())) {
            tableConstraint(table, element);
        } else if (first.isWord("like")) {
            return;
        } else if (first.isIdentifier()) {
            columnDefinition(table, element);
        }
    }

    /** {@code name type [DEFAULT ...] [CONSTRAINT n] [PRIMARY KEY | UNIQUE | REFERENCES t | CHECK (...)] ...} */
    private void columnDefinition(SourceIndex.TableSource table, List<SqlToken> element) {
        SqlToken nameToken = element.get(0);
        String column = nameToken.value();
        table.addColumn(column, at(nameToken.line()));
        String pendingName = null;
        int depth = 0;
        for (int i = 1; i < element.size(); i++) {
            SqlToken t = element.get(i);
            if (t.isPunctuation("(") || t.isPunctuation("[")) {
                depth++;
                continue;
            }
            if (t.isPunctuation(")") || t.isPunctuation("]")) {
                depth--;
                continue;
            }
            if (depth > 0 || t.type() != SqlToken.Type.WORD) {
                continue;
            }
            switch (t.value()) {
                case "constraint" -> {
                    if (i + 1 < element.size()) {
                        pendingName = element.get(i + 1).value();
                        i++;
                    }
                }
                case "primary" -> {
                    table.addConstraint(pendingName, ConstraintType.PRIMARY_KEY, List.of(column), at(t.line()));
                    pendingName = null;
                }
                case "unique" -> {
                    table.addConstraint(pendingName, ConstraintType.UNIQUE, List.of(column), at(t.line()));
                    pendingName = null;
                }
                case "references" -> {
                    table.addConstraint(pendingName, ConstraintType.FOREIGN_KEY, List.of(column), at(t.line()));
                    pendingName = null;
                }
                case "check" -> {
                    table.addConstraint(pendingName, ConstraintType.CHECK, List.of(column), at(t.line()));
                    pendingName = null;
                }
                default -> {
                    // type names, DEFAULT, NOT NULL, GENERATED ...: nothing to index
                }
            }
        }
    }

    /** {@code [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) | FOREIGN KEY (...) REFERENCES ... | CHECK (...)} */
    private void tableConstraint(SourceIndex.TableSource table, List<SqlToken> element) {
        TokenCursor e = new TokenCursor(element);
        int line = element.get(0).line();
        String name = null;
        if (e.word("constraint")) {
            SqlToken n = e.identifier();
            name = n == null ? null : n.value();
        }
        if (e.words("primary", "key")) {
            table.addConstraint(name, ConstraintType.PRIMARY_KEY, TokenCursor.columnNames(e.group()), at(line));
        } else if (e.word("unique")) {
            e.words("nulls", "not", "distinct");
            e.words("nulls", "distinct");
            table.addConstraint(name, ConstraintType.UNIQUE, TokenCursor.columnNames(e.group()), at(line));
        } else if (e.words("foreign", "key")) {
            table.addConstraint(name, ConstraintType.FOREIGN_KEY, TokenCursor.columnNames(e.group()), at(line));
        } else if (e.word("check")) {
            table.addConstraint(name, ConstraintType.CHECK, List.of(), at(line));
        } else if (e.word("exclude")) {
            table.addConstraint(name, ConstraintType.EXCLUSION, List.of(), at(line));
        }
    }

    private void createIndex() {
        c.word("concurrently");
        c.words("if", "not", "exists");
        String name = null;
        if (!c.peekWord("on")) {
            TokenCursor.NameRef n = c.qualifiedName();
            name = n == null ? null : n.name();
        }
        if (!c.word("on")) {
            return;
        }
        c.word("only");
        TokenCursor.NameRef table = c.qualifiedName();
        if (table == null) {
            return;
        }
        if (c.word("using")) {
            c.next();
        }
        List<String> columns = TokenCursor.columnNames(c.group());
        SourceIndex.TableSource owner = index.existingTable(table.schema(), table.name());
        index.addIndex(table.schema(), name, owner, columns, at(statement.startLine()));
    }

    private void createView() {
        c.words("if", "not", "exists");
        TokenCursor.NameRef name = c.qualifiedName();
        if (name != null) {
            index.createTable(name.schema(), name.name(), at(statement.startLine()));
        }
    }

    private void alter() {
        if (c.word("table") || (c.words("materialized", "view")) || c.word("view")) {
            alterTable();
        } else if (c.word("index")) {
            c.words("if", "exists");
            TokenCursor.NameRef name = c.qualifiedName();
            if (name != null && c.words("rename", "to")) {
                SqlToken newName = c.identifier();
                if (newName != null) {
                    index.renameIndex(name.schema(), name.name(), newName.value());
                }
            }
        }
    }

    private void alterTable() {
        c.words("if", "exists");
        c.word("only");
        TokenCursor.NameRef name = c.qualifiedName();
        if (name == null) {
            return;
        }
        SourceIndex.TableSource table = index.existingTable(name.schema(), name.name());
        if (table == null) {
            return;
        }
        for (List<SqlToken> action : TokenCursor.splitTopLevel(c.rest())) {
            if (!alterAction(name, table, action)) {
                return; // the table was renamed or moved: stop, later actions are not legal anyway
            }
        }
    }

    /** Returns false when the action renamed or moved the table. */
    private boolean alterAction(TokenCursor.NameRef name, SourceIndex.TableSource table, List<SqlToken> action) {
        TokenCursor a = new TokenCursor(action);
        int line = action.get(0).line();
        if (a.word("add")) {
            if (a.peekAnyWord("constraint", "primary", "unique", "foreign", "check", "exclude")) {
                tableConstraint(table, a.rest());
            } else {
                a.word("column");
                a.words("if", "not", "exists");
                List<SqlToken> definition = a.rest();
                if (!definition.isEmpty() && definition.get(0).isIdentifier()) {
                    columnDefinition(table, definition);
                }
            }
        } else if (a.word("alter")) {
            a.word("column");
            SqlToken column = a.identifier();
            if (column != null && changesDefinition(a)) {
                table.changeColumn(column.value(), at(line));
            }
        } else if (a.word("drop")) {
            if (a.word("constraint")) {
                a.words("if", "exists");
                SqlToken constraint = a.identifier();
                if (constraint != null) {
                    table.dropConstraint(constraint.value());
                }
            } else {
                a.word("column");
                a.words("if", "exists");
                SqlToken column = a.identifier();
                if (column != null) {
                    table.dropColumn(column.value());
                }
            }
        } else if (a.word("rename")) {
            if (a.word("to")) {
                SqlToken newName = a.identifier();
                if (newName != null) {
                    index.renameTable(name.schema(), name.name(), null, newName.value());
                }
                return false;
            }
            if (a.word("constraint")) {
                SqlToken old = a.identifier();
                SqlToken newName = a.word("to") ? a.identifier() : null;
                if (old != null && newName != null) {
                    table.renameConstraint(old.value(), newName.value());
                }
            } else {
                a.word("column");
                SqlToken old = a.identifier();
                SqlToken newName = a.word("to") ? a.identifier() : null;
                if (old != null && newName != null) {
                    table.renameColumn(old.value(), newName.value());
                }
            }
        } else if (a.words("set", "schema")) {
            SqlToken schema = a.identifier();
            if (schema != null) {
                index.renameTable(name.schema(), name.name(), schema.value(), name.name());
            }
            return false;
        }
        return true;
    }

    /** ALTER COLUMN actions that change what the column is (type, default, generation), not its storage. */
    private static boolean changesDefinition(TokenCursor a) {
        return a.peekWord("type") || a.words("set", "data", "type") || a.words("set", "default")
                || a.words("drop", "default") || a.words("add", "generated") || a.words("set", "generated")
                || a.words("drop", "identity") || a.words("drop", "expression") || a.words("set", "expression");
    }

    private void drop() {
        boolean isTable = c.word("table") || c.words("materialized", "view") || c.word("view");
        boolean isIndex = !isTable && c.word("index");
        boolean isRoutine = !isTable && !isIndex && (c.word("function") || c.word("procedure"));
        if (!isTable && !isIndex && !isRoutine) {
            return;
        }
        c.word("concurrently");
        c.words("if", "exists");
        for (List<SqlToken> item : TokenCursor.splitTopLevel(c.rest())) {
            TokenCursor.NameRef name = new TokenCursor(item).qualifiedName();
            if (name == null) {
                continue;
            }
            if (isTable) {
                index.dropTable(name.schema(), name.name());
            } else if (isIndex) {
                index.dropIndex(name.schema(), name.name());
            } else {
                index.dropRoutine(name.schema(), name.name());
            }
        }
    }
}
