package dev.dbcheck.dashboard;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.sql.SqlComment;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads dashboard queries: one query per {@code .sql} file, with optional directives in the comments before it:
 * <pre>
 * -- name: Top 10 spenders, last 30 days
 * -- param $1 = now() - interval '30 days'
 * -- budget: 500ms
 * -- allow-seq-scan: order_statuses  a lookup table of 8 rows
 * -- expect-index: orders_created_at_idx
 * </pre>
 * Parameters are bound by replacing the {@code $n} tokens with the given SQL expressions.
 */
public final class QueryFiles {

    private static final Pattern NAME = Pattern.compile("^name\\s*:\\s*(.+)$");
    private static final Pattern PARAM = Pattern.compile("^param\\s+\\$(\\d+)\\s*[=:]\\s*(.+)$");
    private static final Pattern BUDGET = Pattern.compile("^budget\\s*:\\s*(\\S+)\\s*$");
    private static final Pattern ALLOW = Pattern.compile("^allow-seq-scan\\s*:\\s*(\\S+)\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("^expect-index\\s*:\\s*(\\S+)\\s*$");

    private QueryFiles() {
    }

    /** One query from its text; {@code defaultName} when it declares none. */
    public static DashboardQuery parse(String display, String text, String defaultName) throws DbcheckException {
        List<SqlStatement> statements = SqlScanner.split(text);
        if (statements.isEmpty()) {
            throw new DbcheckException(display + ":1: the file holds no query");
        }
        if (statements.size() > 1) {
            throw new DbcheckException(display + ":" + statements.get(1).startLine() + ": one query per file; "
                    + "this file holds " + statements.size() + " statements");
        }
        SqlStatement statement = statements.get(0);
        String name = defaultName;
        Duration budget = null;
        Map<Integer, String> params = new LinkedHashMap<>();
        List<DashboardQuery.Parameter> parameters = new ArrayList<>();
        Map<String, String> allowed = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        for (SqlComment comment : statement.comments()) {
            if (comment.line() >= statement.startLine()) {
                continue; // directives come before the query
            }
            for (String raw : comment.text().split("\\R")) {
                String line = raw.trim();
                Matcher m;
                if ((m = NAME.matcher(line)).matches()) {
                    name = m.group(1).trim();
                } else if ((m = PARAM.matcher(line)).matches()) {
                    params.put(Integer.parseInt(m.group(1)), m.group(2).trim());
                    parameters.add(new DashboardQuery.Parameter(Integer.parseInt(m.group(1)), m.group(2).trim(),
                            comment.line() + (int) comment.text().substring(0, Math.max(0,
                                    comment.text().indexOf(raw))).chars().filter(c -> c == '\n').count()));
                } else if ((m = BUDGET.matcher(line)).matches()) {
                    budget = ConfigValues.duration(display + ":" + comment.line() + ": budget", m.group(1));
                } else if ((m = ALLOW.matcher(line)).matches()) {
                    if (m.group(2).isBlank()) {
                        throw new DbcheckException(display + ":" + comment.line() + ": allow-seq-scan of "
                                + m.group(1) + " needs a reason: -- allow-seq-scan: " + m.group(1) + " <why>");
                    }
                    allowed.put(m.group(1), m.group(2).trim());
                } else if ((m = EXPECT.matcher(line)).matches()) {
                    expected.add(m.group(1));
                }
            }
        }
        String template = statement.text();
        List<Integer> used = statement.tokens().stream().filter(t -> t.type() == SqlToken.Type.PARAMETER)
                .map(t -> Integer.parseInt(t.text().substring(1))).toList();
        return new DashboardQuery(name, display, statement.startLine(), bind(display, statement, params), budget,
                allowed, expected, template, parameters.stream().filter(p -> used.contains(p.number())).toList());
    }

    /**
     * The {@code $n} tokens of a query replaced by the given texts (each as written, no parentheses added); a
     * token without one is left as it is.
     */
    static String substitute(String sql, Map<Integer, String> values) {
        List<SqlStatement> statements = SqlScanner.split(sql);
        if (statements.isEmpty()) {
            return sql;
        }
        SqlStatement statement = statements.get(0);
        StringBuilder text = new StringBuilder(statement.text());
        List<SqlToken> tokens = statement.tokens().stream().filter(t -> t.type() == SqlToken.Type.PARAMETER).toList();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            SqlToken p = tokens.get(i);
            String value = values.get(Integer.parseInt(p.text().substring(1)));
            if (value != null) {
                int at = p.offset() - statement.startOffset();
                text.replace(at, at + p.text().length(), value);
            }
        }
        return text.toString();
    }

    /** Replaces each {@code $n} token by its value; a token without one fails naming the file and line. */
    static String bind(String display, SqlStatement statement, Map<Integer, String> params) throws DbcheckException {
        StringBuilder sql = new StringBuilder(statement.text());
        List<SqlToken> parameters = statement.tokens().stream()
                .filter(t -> t.type() == SqlToken.Type.PARAMETER).toList();
        // Report the first unbound parameter in reading order, then substitute from the end so offsets stay valid.
        for (SqlToken p : parameters) {
            if (!params.containsKey(Integer.parseInt(p.text().substring(1)))) {
                throw new DbcheckException(display + ":" + p.line() + ": parameter " + p.text() + " has no value; "
                        + "declare one before the query: -- param " + p.text() + " = <SQL expression>");
            }
        }
        for (int i = parameters.size() - 1; i >= 0; i--) {
            SqlToken p = parameters.get(i);
            int number = Integer.parseInt(p.text().substring(1));
            String value = params.get(number);
            int at = p.offset() - statement.startOffset();
            sql.replace(at, at + p.text().length(), "(" + value + ")");
        }
        return sql.toString();
    }
}
