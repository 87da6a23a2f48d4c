package dev.dbcheck.schema;

public enum ConstraintType {
    PRIMARY_KEY("p"), UNIQUE("u"), FOREIGN_KEY("f"), CHECK("c"), EXCLUSION("x");

    private final String code;

    ConstraintType(String code) {
        this.code = code;
    }

    /** The {@code pg_constraint.contype} letter. */
    public String code() {
        return code;
    }

    public static ConstraintType fromCode(String code) {
        for (ConstraintType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown constraint type " + code);
    }
}
