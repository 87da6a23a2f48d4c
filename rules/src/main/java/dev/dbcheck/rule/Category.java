package dev.dbcheck.rule;

/** The groups rules are listed under, in reports and docs. */
public enum Category {
    KEYS("Keys"),
    INDEXES("Indexes"),
    TYPES("Types"),
    NORMALIZATION("Normalization"),
    QUERY_PLANS("Query plans"),
    CUSTOM("Custom");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
