package dev.dbcheck.maven;

/**
 * One {@code <customRule>}: a rule written as a SQL query over the catalog.
 * <pre>{@code
 * <customRule>
 *   <id>table-needs-comment</id>
 *   <severity>warning</severity>
 *   <summary>Every table has a comment</summary>
 *   <docsUrl>https://wiki.example.com/db#comments</docsUrl>
 *   <sql>SELECT n.nspname AS schema, c.relname AS table, 'no comment' AS message FROM ...</sql>
 * </customRule>
 * }</pre>
 */
public class CustomRuleConfiguration {

    /** Kebab-case id, distinct from the built-in rules. */
    String id;
    /** error, warning (default), info or off. */
    String severity;
    /** One line: what it finds. */
    String summary;
    /** Where the team documents it. */
    String docsUrl;
    /** The query: returns message, and schema + table (+ column) or object, and optionally fix. */
    String sql;

    public CustomRuleConfiguration() {
    }
}
