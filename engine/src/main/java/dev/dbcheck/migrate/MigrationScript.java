package dev.dbcheck.migrate;

import java.nio.file.Path;

/**
 * A migration file that was applied, as the database received it.
 *
 * @param file        the file on disk
 * @param displayPath the path reports show: relative to the repository root, forward slashes
 * @param content     the text after placeholder substitution
 */
public record MigrationScript(Path file, String displayPath, String content) {
}
