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
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
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
 * from the migration text: the database only holds the truncated name. Also the names PostgreSQL made for unnamed
 * indexes when it had to cut them or number them.
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

    /**
     * The migration text for the names it writes (the database holds only the truncated name), and the snapshot
     * for the names PostgreSQL made itself.
     */
    @Override
    public Set<Input<?>> reads() {
        return Set.of(Evidence.SCHEMA, Evidence.SOURCES);
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        // both inputs are needed; see check(Evidence, RuleContext)
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        generatedNames(evidence.schema(), context);
        Map<String, String> firstByTruncation = new HashMap<>();
        Map<String, SourcePosition> whereFirst = new HashMap<>();
        for (MigrationScript script : evidence.get(Evidence.SOURCES).scripts()) {
            for (SqlStatement statement : SqlScanner.statements(script.content())) {
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

    /**
     * Names PostgreSQL chose itself for indexes a migration left unnamed: cut to fit (its table and column parts
     * shortened), or given a number because the name it made was taken — an index whose name says less than the
     * migration suggests. Placed where the migration creates the index.
     */
    private static void generatedNames(SchemaSnapshot schema, RuleContext context) {
        for (Table table : schema.tables()) {
            for (Index index : table.indexes()) {
                if (index.constraintName() != null || index.parentIndex() != null
                        || index.leadingColumns().size() != index.keys().size()) {
                    continue;
                }
                String columns = String.join("_", index.leadingColumns());
                String full = table.name().name() + "_" + columns + "_idx";
                String made = makeObjectName(table.name().name(), columns, "idx");
                DbObject object = DbObject.index(table.name(), index.name(), index.leadingColumns());
                if (index.name().equals(made) && !made.equals(full)) {
                    context.report(object, "PostgreSQL named this unnamed index " + index.name() + ", cutting "
                            + full + " (" + full.getBytes(StandardCharsets.UTF_8).length + " bytes) to fit 63.",
                            Fix.advice("name the index in the migration, in at most 63 bytes (CREATE INDEX <name> "
                                    + "ON ...)"));
                    continue;
                }
                for (int n = 1; n <= 9; n++) {
                    if (index.name().equals(makeObjectName(table.name().name(), columns, "idx" + n))) {
                        context.report(object, "PostgreSQL named this unnamed index " + index.name() + ": the name "
                                        + "it made, " + made + ", was taken by another index, so it added " + n + ".",
                                Fix.advice("name the index in the migration (CREATE INDEX <name> ON ...), or drop "
                                        + "it if it repeats " + made));
                        break;
                    }
                }
            }
        }
    }

    /** PostgreSQL's makeObjectName: both parts shortened, the longer first, until {@code a_b_label} fits. */
    static String makeObjectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + 1;
        int avail = MAX_BYTES - overhead;
        int[] a = name1.codePoints().toArray();
        int[] b = name2.codePoints().toArray();
        int n1 = a.length;
        int n2 = b.length;
        while (bytes(a, n1) + bytes(b, n2) > avail) {
            if (bytes(a, n1) > bytes(b, n2)) {
                n1--;
            } else {
                n2--;
            }
        }
        return new String(a, 0, n1) + "_" + new String(b, 0, n2) + "_" + label;
    }

    private static int bytes(int[] codePoints, int count) {
        return new String(codePoints, 0, count).getBytes(StandardCharsets.UTF_8).length;
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
