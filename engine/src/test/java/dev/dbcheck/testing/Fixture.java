package dev.dbcheck.testing;

import dev.dbcheck.sql.SqlComment;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL fixture in the style of error-prone's test sources: the lines that must be reported carry
 * {@code -- expect: <rule-id> ["<message substring>"][, <rule-id> ["..."]]}; a header line
 * {@code -- options: name=value; name=a, list} sets rule options; {@code -- volumes: table=rows; other=rows} declares
 * volumes, as {@code dashboards.volumes} does.
 *
 * @param path         the display path of the fixture
 * @param sql          its text
 * @param expectations each expected finding, by line
 * @param options      rule options from the header
 */
public record Fixture(String path, String sql, List<Expectation> expectations, Map<String, String> options,
                      Map<String, Long> volumes) {

    /** {@code rule-id "substring"}: the substring is optional. */
    private static final Pattern ENTRY = Pattern.compile("\\s*([a-z0-9-]+)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*(,|$)");

    /**
     * One expected finding.
     *
     * @param line    the line it is reported on
     * @param ruleId  its rule
     * @param message a substring its message must contain, or null
     */
    public record Expectation(int line, String ruleId, String message) {

        String key() {
            return line + " " + ruleId;
        }
    }

    public static Fixture parse(String path, String sql) {
        List<Expectation> expected = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Long> volumes = new LinkedHashMap<>();
        for (SqlComment comment : comments(sql)) {
            String text = comment.text();
            if (text.startsWith("expect:")) {
                String entries = text.substring("expect:".length());
                Matcher m = ENTRY.matcher(entries);
                int at = 0;
                while (at < entries.length() && m.find(at) && m.start() == at) {
                    String message = m.group(2) == null ? null : m.group(2).replace("\\\"", "\"");
                    expected.add(new Expectation(comment.line(), m.group(1), message));
                    at = m.end();
                    if (m.group(3).isEmpty()) {
                        break;
                    }
                }
                if (!entries.substring(at).isBlank()) {
                    throw new IllegalArgumentException(path + ":" + comment.line() + ": cannot read the expectation '"
                            + text + "' (write: expect: rule-id \"message substring\", other-rule)");
                }
            } else if (text.startsWith("volumes:")) {
                for (String pair : text.substring("volumes:".length()).split(";")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        volumes.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
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
        expected.sort(Comparator.comparing(Expectation::key));
        return new Fixture(path, sql, List.copyOf(expected), options, volumes);
    }

    /** "line ruleId" for each expected finding, sorted. */
    public List<String> expected() {
        return expectations.stream().map(Expectation::key).sorted().toList();
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
        return expectations.isEmpty() ? "(nothing)" : String.join(", ", expectations.stream()
                .map(e -> e.key() + (e.message() == null ? "" : " \"" + e.message() + "\"")).toList());
    }
}
