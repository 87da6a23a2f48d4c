package dev.dbcheck.rule;

/** The groups rules are listed under, in reports and docs. */
public enum Category {
    KEYS("Keys and constraints"),
    INDEXES("Indexes"),
    TYPES("Types"),
    NORMALIZATION("Normalization"),
    SECURITY("Security"),
    NAMING("Naming"),
    QUERY_PLANS("Query plans"),
    MIGRATION_SAFETY("Migration safety"),
    CUSTOM("Custom"),
    SUPPRESSIONS("Suppressions and baseline");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
