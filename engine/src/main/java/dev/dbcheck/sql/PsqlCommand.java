package dev.dbcheck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A psql meta-command in a script ({@code \connect chinook}, {@code \restrict <key>}): a line psql runs itself and
 * never sends to the server. Scripts written for psql — pg_dump output, sample databases — hold them; the server
 * would answer {@code syntax error at or near "\"}. A meta-command starts with a backslash as the first thing on a
 * line (outside strings, comments and dollar-quoted bodies) and runs to the end of the line.
 *
 * @param line   the 1-based line it is on
 * @param offset where its backslash is in the script
 * @param end    where it ends (the line break, or the end of the script)
 * @param text   the command as written ({@code \c chinook})
 */
public record PsqlCommand(int line, int offset, int end, String text) {

    /** The command's name, without the backslash: {@code c}, {@code connect}, {@code restrict}. */
    public String name() {
        String body = text.substring(1).strip();
        int space = body.indexOf(' ');
        return (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether leaving it out changes nothing in the schema: pg_dump's {@code \restrict} and its closing counterpart (they
     * only keep psql from running commands inside the dump's data) and {@code \set ON_ERROR_STOP} (dbcheck stops at
     * the first error anyway).
     */
    public boolean harmless() {
        String[] words = text.substring(1).strip().split("\\s+");
        return switch (name()) {
            case "restrict", "unrestrict" -> true;
            case "set" -> words.length >= 2 && words[1].equalsIgnoreCase("ON_ERROR_STOP");
            default -> false;
        };
    }

    /** Why it cannot be run, for the message that names it. */
    public String reason() {
        return switch (name()) {
            case "c", "connect" -> "it would connect to another database, and dbcheck works only in its own "
                    + "throwaway one";
            case "i", "include", "ir", "include_relative" -> "it would read another file; make that file a "
                    + "migration of its own";
            case "copy" -> "its data comes from the client; use INSERT, or load sample data with sampleData";
            case "set" -> "psql variables do not exist outside psql; write the value into the SQL";
            default -> "the server runs SQL only";
        };
    }

    /**
     * The message that refuses it: {@code <file>:<line>: \c chinook is a psql command, which <runner> does not run
     * (<why>): remove the line}.
     */
    public String refusal(String display, String runner) {
        return display + ":" + line + ": " + text + " is a psql command, which " + runner + " does not run ("
                + (harmless() ? "pg_dump writes it for psql; it changes nothing in the schema" : reason())
                + "): remove the line";
    }

    /** The meta-commands of a script, in order. */
    public static List<PsqlCommand> find(String sql) {
        List<PsqlCommand> found = new ArrayList<>();
        for (SqlStatement statement : SqlScanner.statements(sql)) {
            for (SqlToken token : statement.tokens()) {
                if (!token.text().startsWith("\\") || !firstOnItsLine(sql, token.offset())) {
                    continue;
                }
                int end = sql.indexOf('\n', token.offset());
                end = end < 0 ? sql.length() : end;
                PsqlCommand command = new PsqlCommand(token.line(), token.offset(), end,
                        sql.substring(token.offset(), end).strip());
                if (found.isEmpty() || found.get(found.size() - 1).offset() != command.offset()) {
                    found.add(command);
                }
            }
        }
        return found;
    }

    /** The script with these commands blanked out (spaces), so that every other line keeps its number. */
    public static String without(String sql, List<PsqlCommand> commands) {
        StringBuilder out = new StringBuilder(sql);
        for (PsqlCommand c : commands) {
            for (int i = c.offset(); i < c.end(); i++) {
                if (out.charAt(i) != '\r') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static boolean firstOnItsLine(String sql, int offset) {
        for (int i = offset - 1; i >= 0 && sql.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(sql.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
