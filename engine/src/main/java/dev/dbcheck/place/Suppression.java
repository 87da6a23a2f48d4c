package dev.dbcheck.place;

import dev.dbcheck.rule.DbObject;
import dev.dbcheck.base.SourcePosition;

import java.util.List;
import java.util.Set;

/**
 * One {@code dbcheck:ignore} instruction: in a migration comment ({@code -- dbcheck:ignore json-column: why}) or in
 * a database comment ({@code COMMENT ON COLUMN t.c IS 'dbcheck:ignore json-column: why'}).
 *
 * @param ruleIds  the rules it silences
 * @param reason   why, or null when none was given (then it silences nothing and is itself reported)
 * @param declared where it is written: the comment's line, or null for a database comment
 * @param lines    for a migration comment, the lines of that file whose findings it covers
 * @param object   for a database comment, the commented object whose findings it covers; else null
 */
public record Suppression(List<String> ruleIds, String reason, SourcePosition declared, Set<Integer> lines,
                          DbObject object) {

    public Suppression {
        ruleIds = List.copyOf(ruleIds);
        lines = Set.copyOf(lines);
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    /** Where to point a reader: the comment's line, or the commented object. */
    public String where() {
        return declared != null ? declared.toString() : "the comment on " + object.display();
    }
}
