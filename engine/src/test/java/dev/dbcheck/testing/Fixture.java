package dev.dbcheck.testing;

import dev.dbcheck.sql.SqlComment;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQL fixture in the style of error-prone's test sources: the lines that must be reported carry
 * {@code -- expect: <rule-id>[, <rule-id>]}; a header line {@code -- options: name=value; name=a, list} sets rule options.
 *
 * @param path     the display path of the fixture
 * @param sql      its text
 * @param expected "line ruleId" for each expected finding, sorted
 * @param options  rule options from the header
 */
public record Fixture(String path, String sql, List<String> expected, Map<String, String> options) {

    public static Fixture parse(String path, String sql) {
        List<String> expected = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (SqlComment comment : comments(sql)) {
            String text = comment.text();
            if (text.startsWith("expect:")) {
                for (String id : text.substring("expect:".length()).split(",")) {
                    if (!id.isBlank()) {
                        expected.add(comment.line() + " " + id.trim());
                    }
                }
            } else if (text.startsWith("options:")) {
                for (String pair : text.substring("options:".length()).split(";")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        options.put(kv[0].trim(), kv[1].trim());
                    }
                }
            }
        }
        expected.sort(null);
        return new Fixture(path, sql, expected, options);
    }

    private static List<SqlComment> comments(String sql) {
        List<SqlComment> all = new ArrayList<>();
        for (SqlStatement statement : SqlScanner.split(sql + "\nSELECT 1;")) {
            all.addAll(statement.comments());
        }
        return all;
    }

    /** For messages: the expectations as a readable list. */
    public String describeExpected() {
        return expected.isEmpty() ? "(nothing)" : String.join(", ", expected);
    }
}
