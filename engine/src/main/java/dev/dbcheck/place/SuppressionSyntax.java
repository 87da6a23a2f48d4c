package dev.dbcheck.place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code dbcheck:ignore <rule-id>[, <rule-id>]: <reason>} out of a comment's text. */
public final class SuppressionSyntax {

    public static final String MARKER = "dbcheck:ignore";

    private SuppressionSyntax() {
    }

    /** The rule ids and reason of a comment, or null when it holds no suppression. */
    public record Parsed(List<String> ruleIds, String reason) {
    }

    public static Parsed parse(String comment) {
        int at = comment.indexOf(MARKER);
        if (at < 0) {
            return null;
        }
        String rest = comment.substring(at + MARKER.length());
        int colon = rest.indexOf(':');
        String ids = colon < 0 ? rest : rest.substring(0, colon);
        String reason = colon < 0 ? null : rest.substring(colon + 1).trim();
        if (reason != null) {
            // A reason ends where the comment does; a closing quote of a SQL string is not part of it.
            reason = reason.replaceAll("\\s+", " ").trim();
        }
        List<String> ruleIds = new ArrayList<>();
        Arrays.stream(ids.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ruleIds::add);
        return new Parsed(ruleIds, reason == null || reason.isEmpty() ? null : reason);
    }
}
