package dev.dbcheck.migrate;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.sql.SqlToken;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Statements that act on the whole server rather than on the database they run in: databases, roles and role
 * membership, tablespaces, the server's configuration, subscriptions, programs on the server's machine. Where the
 * run's SQL cannot be confined to its database by a role of its own (the server provider, given credentials that
 * may not create roles), migrations holding one are refused before any of them runs.
 *
 * <p>What is found here is what stands in a script; SQL built at run time ({@code EXECUTE} in a function) is not —
 * which is why a role of the run's own is the boundary, and this the fallback.
 */
public final class ServerWideStatements {

    private ServerWideStatements() {
    }

    /** Fails on the first server-wide statement of the scripts, naming its file, line and why. */
    public static void refuse(List<MigrationScript> scripts, String why) throws DbcheckException {
        for (MigrationScript script : scripts) {
            for (SqlStatement statement : SqlScanner.statements(script.content())) {
                Optional<String> what = serverWide(statement);
                if (what.isPresent()) {
                    throw new MigrationException(new SourcePosition(script.displayPath(), statement.startLine()),
                            what.get() + " acts beyond the throwaway database, on the whole server; " + why, null);
                }
            }
        }
    }

    /** What the statement acts on beyond its database ({@code DROP DATABASE}), if it does. */
    static Optional<String> serverWide(SqlStatement statement) {
        List<SqlToken> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        String first = word(tokens, 0);
        String second = word(tokens, 1);
        if (List.of("create", "alter", "drop").contains(first)) {
            String object = second;
            if (List.of("database", "role", "user", "group", "tablespace", "subscription").contains(object)) {
                return Optional.of(upper(first, object));
            }
            if (first.equals("alter") && object.equals("system")) {
                return Optional.of("ALTER SYSTEM");
            }
        }
        if (first.equals("copy") && tokens.stream().anyMatch(t -> t.isWord("program"))) {
            return Optional.of("COPY ... PROGRAM (a program on the server's machine)");
        }
        // GRANT role TO role (no ON): role membership is the server's, not the database's
        if ((first.equals("grant") || first.equals("revoke")) && tokens.stream().noneMatch(t -> t.isWord("on"))) {
            return Optional.of(first.toUpperCase(Locale.ROOT) + " of a role (role membership)");
        }
        return Optional.empty();
    }

    private static String word(List<SqlToken> tokens, int i) {
        return i < tokens.size() && tokens.get(i).type() == SqlToken.Type.WORD
                ? tokens.get(i).text().toLowerCase(Locale.ROOT) : "";
    }

    private static String upper(String first, String second) {
        return (first + " " + second).toUpperCase(Locale.ROOT);
    }
}
