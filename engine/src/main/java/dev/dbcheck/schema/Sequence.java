package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;

/**
 * A sequence (of a serial or identity column, or standing alone).
 *
 * @param name      schema-qualified name
 * @param dataType  {@code smallint}, {@code integer} or {@code bigint}
 * @param maxValue  the largest value it hands out
 * @param lastValue the last value it handed out, or null when it never did
 * @param increment its step
 */
public record Sequence(QualifiedName name, String dataType, long maxValue, Long lastValue, long increment) {

    /** How many more values it can hand out. */
    public long remaining() {
        long from = lastValue == null ? 0 : lastValue;
        return increment <= 0 ? Long.MAX_VALUE : Math.max(0, (maxValue - from) / increment);
    }
}
