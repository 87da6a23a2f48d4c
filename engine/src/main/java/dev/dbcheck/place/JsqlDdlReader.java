package dev.dbcheck.place;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a DDL statement with JSqlParser: the parser says what the statement creates or changes (tables, columns,
 * constraints, indexes, views, renames, drops), and the statement's tokens say on which line each part is.
 * Statements JSqlParser 5.3 cannot parse ({@code PARTITION BY}, {@code INCLUDE}, {@code CONCURRENTLY}, {@code DO},
 * ...) or that it parses into something unexpected are left to {@link DdlReader}.
 */
final class JsqlDdlReader {

    /** One parsing thread for all statements: JSqlParser's time limit runs the parser on an executor. */
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dbcheck-sql-parser");
        t.setDaemon(true);
        return t;
    });
    private static final long PARSE_TIMEOUT_MILLIS = 2000;
    private static final Set<String> CONSTRAINT_STARTS = Set.of(
            "constraint", "primary", "unique", "foreign", "check", "exclude");

    private final SourceIndex index;
    private final String path;
    private final SqlStatement statement;

    private JsqlDdlReader(SourceIndex index, String path, SqlStatement statement) {
        this.index = index;
        this.path = path;
        this.statement = statement;
    }

    /** Reads the statement if JSqlParser understands it; false leaves it to the token reader. */
    static boolean read(SourceIndex index, String path, SqlStatement statement) {
        if (!isDdl(statement)) {
            return false;
        }
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(statement.text(), PARSER, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
        } catch (Exception | StackOverflowError e) {
            return false;
        }
        JsqlDdlReader reader = new JsqlDdlReader(index, path, statement);
        if (parsed instanceof CreateTable table && table.getColumnDefinitions() != null) {
            return reader.createTable(table);
        }
        if (parsed instanceof CreateIndex createIndex) {
            return reader.createIndex(createIndex);
        }
        if (parsed instanceof CreateView view) {
            Name name = name(view.getView());
            index.createTable(name.schema(), name.name(), reader.at(statement.startLine()));
            return true;
        }
        if (parsed instanceof Alter alter) {
            return reader.alter(alter);
        }
        return false;
    }

    /**
     * Only the kinds this reader models go to JSqlParser: a failed attempt on a long function body costs far more
     * than the token reader does.
     */
    private static boolean isDdl(SqlStatement statement) {
        if (statement.startsWith("alter", "table")) {
            return true;
        }
        if (!statement.startsWith("create")) {
            return false;
        }
        TokenCursor c = new TokenCursor(statement.tokens());
        c.word("create");
        c.words("or", "replace");
        if (!c.word("unlogged") && !c.word("temporary")) {
            c.word("temp");
        }
        return c.peekWord("table") || c.peekWord("index") || c.peekWord("unique") || c.peekWord("view")
                || c.peekWord("materialized");
    }

    private SourcePosition at(int line) {
        return new SourcePosition(path, line);
    }

    /** A name as PostgreSQL resolves it: quoted parts exact, unquoted ones folded to lower case. */
    record Name(String schema, String name) {
    }

    static Name name(Table table) {
        return new Name(table.getSchemaName() == null ? null : identifier(table.getSchemaName()),
                identifier(table.getName()));
    }

    static String identifier(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private boolean createTable(CreateTable create) {
        Name name = name(create.getTable());
        List<List<SqlToken>> elements = tableElements();
        if (elements == null) {
            return false;
        }
        SourceIndex.TableSource table = index.createTable(name.schema(), name.name(), at(statement.startLine()));
        for (ColumnDefinition column : create.getColumnDefinitions()) {
            String columnName = identifier(column.getColumnName());
            List<SqlToken> element = elements.stream()
                    .filter(e -> e.get(0).isIdentifier() && e.get(0).value().equals(columnName)).findFirst()
                    .orElse(null);
            if (element == null) {
                continue;
            }
            table.addColumn(columnName, at(element.get(0).line()));
            inlineConstraints(table, columnName, column.getColumnSpecs(), element);
        }
        List<List<SqlToken>> constraintElements = elements.stream()
                .filter(e -> e.get(0).type() == SqlToken.Type.WORD && CONSTRAINT_STARTS.contains(e.get(0).value()))
                .toList();
        List<Index> constraints = create.getIndexes() == null ? List.of() : create.getIndexes();
        // Matched to the constraint elements in order of appearance; one JSqlParser did not list (EXCLUDE, say)
        // is taken from the tokens.
        int next = 0;
        for (Index constraint : constraints) {
            ConstraintType type = typeOf(constraint);
            while (next < constraintElements.size() && !startsAs(constraintElements.get(next), type)) {
                addTokenConstraint(table, constraintElements.get(next++));
            }
            if (next >= constraintElements.size()) {
                break;
            }
            List<SqlToken> element = constraintElements.get(next++);
            table.addConstraint(identifier(constraint.getName()), type, columns(constraint), at(element.get(0).line()));
        }
        while (next < constraintElements.size()) {
            addTokenConstraint(table, constraintElements.get(next++));
        }
        return true;
    }

    /** A CHECK or EXCLUDE table constraint, which JSqlParser does not list: name and kind from the tokens. */
    private void addTokenConstraint(SourceIndex.TableSource table, List<SqlToken> element) {
        TokenCursor c = new TokenCursor(element);
        String name = null;
        if (c.word("constraint")) {
            SqlToken n = c.identifier();
            name = n == null ? null : n.value();
        }
        ConstraintType type = c.peekWord("exclude") ? ConstraintType.EXCLUSION : ConstraintType.CHECK;
        table.addConstraint(name, type, List.of(), at(element.get(0).line()));
    }

    private static boolean startsAs(List<SqlToken> element, ConstraintType type) {
        TokenCursor c = new TokenCursor(element);
        if (c.word("constraint")) {
            c.identifier();
        }
        return switch (type) {
            case PRIMARY_KEY -> c.peekWord("primary");
            case UNIQUE -> c.peekWord("unique");
            case FOREIGN_KEY -> c.peekWord("foreign");
            case CHECK -> c.peekWord("check");
            case EXCLUSION -> c.peekWord("exclude");
        };
    }

    private static ConstraintType typeOf(Index constraint) {
        return constraint instanceof CheckConstraint ? ConstraintType.CHECK : typeOf(constraint.getType());
    }

    private static ConstraintType typeOf(String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        if (t.startsWith("PRIMARY")) {
            return ConstraintType.PRIMARY_KEY;
        }
        if (t.startsWith("FOREIGN")) {
            return ConstraintType.FOREIGN_KEY;
        }
        if (t.startsWith("UNIQUE")) {
            return ConstraintType.UNIQUE;
        }
        if (t.startsWith("EXCLUDE")) {
            return ConstraintType.EXCLUSION;
        }
        return ConstraintType.CHECK;
    }

    private static List<String> columns(Index constraint) {
        if (constraint instanceof CheckConstraint) {
            return List.of(); // its column list is not modelled (and throws)
        }
        List<String> names = constraint.getColumnsNames();
        return names == null ? List.of() : names.stream().map(JsqlDdlReader::identifier).toList();
    }

    /**
     * The constraints written on a column ({@code CONSTRAINT n REFERENCES t}, {@code PRIMARY KEY}, ...), from the
     * column's specs, each on the line of its key word.
     */
    private void inlineConstraints(SourceIndex.TableSource table, String column, List<String> specs,
                                   List<SqlToken> element) {
        if (specs == null) {
            return;
        }
        String pendingName = null;
        int searchFrom = 1;
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i).toUpperCase(Locale.ROOT);
            ConstraintType type = switch (spec) {
                case "PRIMARY" -> ConstraintType.PRIMARY_KEY;
                case "UNIQUE" -> ConstraintType.UNIQUE;
                case "REFERENCES" -> ConstraintType.FOREIGN_KEY;
                case "CHECK" -> ConstraintType.CHECK;
                default -> null;
            };
            if (spec.equals("CONSTRAINT") && i + 1 < specs.size()) {
                pendingName = identifier(specs.get(++i));
                continue;
            }
            if (type == null) {
                continue;
            }
            int at = findWord(element, spec.toLowerCase(Locale.ROOT), searchFrom);
            if (at < 0) {
                continue;
            }
            searchFrom = at + 1;
            table.addConstraint(pendingName, type, List.of(column), at(element.get(at).line()));
            pendingName = null;
        }
    }

    /** The index of the first key word at parenthesis depth 0 at or after {@code from}, or -1. */
    private static int findWord(List<SqlToken> tokens, String word, int from) {
        for (int i : SqlToken.topLevel(tokens, t -> t.isWord(word))) {
            if (i >= from) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated elements inside CREATE TABLE's parentheses, or null when there are none. */
    private List<List<SqlToken>> tableElements() {
        TokenCursor c = new TokenCursor(statement.tokens());
        while (!c.atEnd() && !c.peek().isPunctuation("(")) {
            c.next();
        }
        List<SqlToken> group = c.group();
        return group == null || group.isEmpty() ? null : TokenCursor.splitTopLevel(group);
    }

    private boolean createIndex(CreateIndex create) {
        Name table = name(create.getTable());
        String indexName = create.getIndex().getName() == null ? null : identifier(create.getIndex().getName());
        TokenCursor c = new TokenCursor(statement.tokens());
        while (!c.atEnd() && !c.peek().isPunctuation("(")) {
            c.next();
        }
        List<String> columns = TokenCursor.columnNames(c.group());
        index.addIndex(table.schema(), indexName, index.existingTable(table.schema(), table.name()), columns,
                at(statement.startLine()));
        return true;
    }

    private boolean alter(Alter alter) {
        Name name = name(alter.getTable());
        SourceIndex.TableSource table = index.existingTable(name.schema(), name.name());
        if (table == null) {
            return true; // a table no migration created here: nothing to place
        }
        List<List<SqlToken>> actions = alterActions();
        List<AlterExpression> expressions = alter.getAlterExpressions();
        if (actions.size() != expressions.size()) {
            return false; // the two readings disagree: let the token reader decide
        }
        // Plan every action first: one this reader does not model leaves the whole statement to the token reader,
        // which must then not find half of it applied already.
        List<Runnable> plan = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            Runnable step = plan(name, table, expressions.get(i), actions.get(i));
            if (step == null) {
                return false;
            }
            plan.add(step);
        }
        plan.forEach(Runnable::run);
        return true;
    }

    /** What one ALTER TABLE action does to the index, or null when this reader does not model it. */
    private Runnable plan(Name name, SourceIndex.TableSource table, AlterExpression e, List<SqlToken> action) {
        int line = action.get(0).line();
        AlterOperation op = e.getOperation();
        if (op == AlterOperation.ADD && e.getColDataTypeList() != null) {
            return () -> {
                for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                    String columnName = identifier(column.getColumnName());
                    int at = Math.max(0, findIdentifier(action, columnName));
                    table.addColumn(columnName, at(action.get(at).line()));
                    inlineConstraints(table, columnName, column.getColumnSpecs(), action.subList(at, action.size()));
                }
            };
        }
        if (op == AlterOperation.ADD && e.getIndex() != null) {
            String constraintName = identifier(e.getIndex().getName());
            ConstraintType type = typeOf(e.getIndex());
            List<String> columns = columns(e.getIndex());
            return () -> table.addConstraint(constraintName, type, columns, at(line));
        }
        if (op == AlterOperation.ADD && e.getPkColumns() != null) {
            List<String> columns = e.getPkColumns().stream().map(JsqlDdlReader::identifier).toList();
            return () -> table.addConstraint(null, ConstraintType.PRIMARY_KEY, columns, at(line));
        }
        if (op == AlterOperation.ADD && e.getUkColumns() != null) {
            List<String> columns = e.getUkColumns().stream().map(JsqlDdlReader::identifier).toList();
            String constraintName = identifier(e.getUkName());
            return () -> table.addConstraint(constraintName, ConstraintType.UNIQUE, columns, at(line));
        }
        if (op == AlterOperation.ADD && new TokenCursor(action).words("add", "constraint")) {
            // ADD CONSTRAINT n CHECK (...): JSqlParser keeps no structure for it
            TokenCursor c = new TokenCursor(action);
            c.words("add", "constraint");
            SqlToken n = c.identifier();
            String constraintName = n == null ? null : n.value();
            ConstraintType type = c.peekWord("exclude") ? ConstraintType.EXCLUSION : ConstraintType.CHECK;
            return () -> table.addConstraint(constraintName, type, List.of(), at(line));
        }
        if ((op == AlterOperation.ALTER || op == AlterOperation.MODIFY) && e.getColDataTypeList() != null) {
            return () -> e.getColDataTypeList().forEach(c -> table.changeColumn(identifier(c.getColumnName()), at(line)));
        }
        if (op == AlterOperation.ALTER && e.getColumnSetDefaultList() != null) {
            return () -> e.getColumnSetDefaultList().forEach(c -> table.changeColumn(identifier(c.getColumnName()),
                    at(line)));
        }
        if (op == AlterOperation.ALTER && e.getColumnDropDefaultList() != null) {
            return () -> e.getColumnDropDefaultList().forEach(c -> table.changeColumn(identifier(c.getColumnName()),
                    at(line)));
        }
        if (op == AlterOperation.DROP && e.getConstraintName() != null) {
            return () -> table.dropConstraint(identifier(e.getConstraintName()));
        }
        if (op == AlterOperation.DROP && e.getColumnName() != null) {
            return () -> table.dropColumn(identifier(e.getColumnName()));
        }
        if (op == AlterOperation.RENAME && e.getColOldName() != null) {
            return () -> table.renameColumn(identifier(e.getColOldName()), identifier(e.getColumnName()));
        }
        if (op == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
            return () -> index.renameTable(name.schema(), name.name(), null, identifier(e.getNewTableName()));
        }
        return null;
    }

    private static int findIdentifier(List<SqlToken> tokens, String value) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated actions after {@code ALTER TABLE [IF EXISTS] [ONLY] name}. */
    private List<List<SqlToken>> alterActions() {
        TokenCursor c = new TokenCursor(statement.tokens());
        c.word("alter");
        c.word("table");
        c.words("if", "exists");
        c.word("only");
        c.qualifiedName();
        return new ArrayList<>(TokenCursor.splitTopLevel(c.rest()));
    }
}
