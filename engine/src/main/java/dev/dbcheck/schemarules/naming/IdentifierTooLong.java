package dev.dbcheck.schemarules.naming;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.Input;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A name in a migration longer than PostgreSQL's 63 bytes: PostgreSQL truncates it silently, so the object gets
 * another name than the one the migration (and the code that uses it) writes — and two long names that share
 * their first 63 bytes become one, the second statement failing or, where it is IF NOT EXISTS, doing nothing. Read
 * from the migration text: the database only holds the truncated name.
 */
public final class IdentifierTooLong implements SchemaRule {

    /** NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;

    public static final RuleMetadata METADATA = new RuleMetadata(
            "identifier-too-long",
            Category.NAMING,
            Severity.WARNING,
            "A name in a migration longer than 63 bytes, which PostgreSQL truncates.",
            "PostgreSQL keeps the first 63 bytes of a name and drops the rest without an error (a NOTICE at "
                    + "most). The table, column, index or constraint then has a name nobody wrote; code and "
                    + "migrations that use the full name work only because PostgreSQL truncates their references "
                    + "the same way, and two names that differ only after byte 63 are the same object. Keep names "
                    + "within 63 bytes — fewer in a non-ASCII script, where a character takes 2 to 4.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    /** The migration text, not the snapshot: the database holds only the truncated name. */
    @Override
    public Set<Input<?>> reads() {
        return Set.of(Evidence.SOURCES);
    }

    @Override
    public void check(dev.dbcheck.schema.SchemaSnapshot schema, RuleContext context) {
        // nothing to read in the snapshot; see check(Evidence, RuleContext)
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        Map<String, String> firstByTruncation = new HashMap<>();
        Map<String, SourcePosition> whereFirst = new HashMap<>();
        for (MigrationScript script : evidence.get(Evidence.SOURCES).scripts()) {
            for (SqlStatement statement : SqlScanner.split(script.content())) {
                Set<String> seenInStatement = new HashSet<>();
                for (SqlToken token : statement.tokens()) {
                    if (!token.isIdentifier()) {
                        continue;
                    }
                    String name = token.value();
                    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes <= MAX_BYTES || !seenInStatement.add(name)) {
                        continue;
                    }
                    String truncated = truncate(name);
                    SourcePosition at = new SourcePosition(script.displayPath(), token.line());
                    String other = firstByTruncation.putIfAbsent(truncated, name);
                    whereFirst.putIfAbsent(truncated, at);
                    String collision = other != null && !other.equals(name)
                            ? " It collides with " + other + " (" + whereFirst.get(truncated) + "), which truncates "
                            + "to the same name: they are one object." : "";
                    context.report(DbObject.nameInFile(script.displayPath(), name), String.format(java.util.Locale.ROOT,
                            "the name %s is %d bytes; PostgreSQL keeps %d and calls it %s.%s", name, bytes, MAX_BYTES,
                            truncated, collision), Fix.advice("shorten it to at most " + MAX_BYTES + " bytes in the "
                            + "migration, here and wherever it is used"), at);
                }
            }
        }
    }

    /** What PostgreSQL keeps: the first 63 bytes, cut at a character boundary. */
    static String truncate(String name) {
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
        }
        return kept.toString();
    }
}
