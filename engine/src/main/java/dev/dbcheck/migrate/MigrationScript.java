package dev.dbcheck.migrate;

import java.nio.file.Path;

/**
 * A migration as the database receives it: a whole file (Flyway, plain SQL), or one step of a file the migration
 * tool applies on its own (a Liquibase changeSet), its text then the file's with every line outside the step blank,
 * so that line numbers stay the file's.
 *
 * @param file          the file on disk
 * @param displayPath   the path reports show: relative to the repository root, forward slashes
 * @param content       the text after placeholder substitution
 * @param firstLine     the step's first line in the file (1 for a whole file)
 * @param lastLine      the step's last line ({@link #END} for a whole file)
 * @param inTransaction whether the tool runs the step in a transaction (Liquibase's {@code runInTransaction})
 */
public record MigrationScript(Path file, String displayPath, String content, int firstLine, int lastLine,
                              boolean inTransaction) {

    /** The last line of a script that is a whole file. */
    public static final int END = Integer.MAX_VALUE;

    /** A whole file, applied in a transaction unless one of its statements refuses one. */
    public MigrationScript(Path file, String displayPath, String content) {
        this(file, displayPath, content, 1, END, true);
    }

    public boolean wholeFile() {
        return firstLine <= 1 && lastLine == END;
    }
}
