package dev.dbcheck.rule;

/**
 * How to make a finding go away. Either SQL that does it — runnable as printed, against the database the finding is
 * about; the rule fixtures apply every such fix and check that the finding disappears and no other appears — or
 * advice in words where no statement can be written without knowing more than the schema says (which of two
 * columns to keep, the application's queries).
 *
 * @param text what reports print after {@code fix:}
 * @param sql  whether {@code text} is runnable SQL
 */
public record Fix(String text, boolean sql) {

    public Fix {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a fix needs text");
        }
    }

    /** Statements that remove the finding, each ending in a semicolon. */
    public static Fix sql(String statements) {
        return new Fix(statements, true);
    }

    /** What to do, in words. */
    public static Fix advice(String text) {
        return new Fix(text, false);
    }

    @Override
    public String toString() {
        return text;
    }
}
