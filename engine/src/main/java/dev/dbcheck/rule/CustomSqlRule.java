package dev.dbcheck.rule;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule written in the pom as a SQL query over the catalog. Each row it returns is a finding: {@code message}
 * (required), the object as {@code schema} + {@code table} (+ {@code column}) columns or one {@code object} column
 * ({@code schema.table[.column]}), and an optional {@code fix}. It runs read-only, with a time limit, on the
 * migrated database.
 *
 * @param metadata its id, severity, summary and docs link, from the pom
 * @param sql      the query
 */
public record CustomSqlRule(RuleMetadata metadata, String sql) implements Rule {

    /** How long one custom query may run. */
    public static final int TIMEOUT_SECONDS = 60;

    @Override
    public Set<Input<?>> reads() {
        return Set.of(Evidence.DATABASE);
    }

    @Override
    public void check(Evidence evidence, RuleContext context) throws ConfigException {
        run(evidence.get(Evidence.DATABASE), context.severity()).forEach(context::add);
    }

    public List<Finding> run(Connection connection, Severity severity) throws ConfigException {
        String key = "customRules[" + metadata.id() + "].sql";
        List<Finding> findings = new ArrayList<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL statement_timeout = '" + TIMEOUT_SECONDS + "s'");
                try (ResultSet rs = statement.executeQuery(sql)) {
                    Set<String> columns = columns(rs.getMetaData());
                    if (!columns.contains("message")) {
                        throw new ConfigException(key, "the query must return a \"message\" column, and the object as "
                                + "\"schema\" and \"table\" (optionally \"column\") or as \"object\"; it returns "
                                + String.join(", ", columns));
                    }
                    boolean split = columns.contains("schema") && columns.contains("table");
                    if (!split && !columns.contains("object")) {
                        throw new ConfigException(key, "the query must name the object: return \"schema\" and "
                                + "\"table\" (optionally \"column\") or \"object\" (schema.table[.column])");
                    }
                    while (rs.next()) {
                        DbObject object = split
                                ? object(rs.getString("schema"), rs.getString("table"),
                                        columns.contains("column") ? rs.getString("column") : null)
                                : parse(rs.getString("object"));
                        findings.add(new Finding(metadata.id(), severity, object, rs.getString("message"),
                                columns.contains("fix") ? rs.getString("fix") : null, null));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ConfigException(key, dev.dbcheck.migrate.DatabaseErrors.message(e));
        }
        return findings;
    }

    private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static DbObject object(String schema, String table, String column) {
        QualifiedName name = new QualifiedName(schema == null ? "public" : schema, table == null ? "" : table);
        return column == null ? DbObject.table(name) : DbObject.column(name, column);
    }

    private static DbObject parse(String object) {
        String[] parts = object == null ? new String[0] : object.split("\\.", 3);
        return switch (parts.length) {
            case 0 -> object("public", "", null);
            case 1 -> object("public", parts[0], null);
            case 2 -> object(parts[0], parts[1], null);
            default -> object(parts[0], parts[1], parts[2]);
        };
    }
}
