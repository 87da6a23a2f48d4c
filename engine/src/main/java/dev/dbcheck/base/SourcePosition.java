package dev.dbcheck.base;

/**
 * A line in a migration file.
 *
 * @param path repository-relative path with forward slashes ({@code src/main/resources/db/migration/V2__orders.sql})
 * @param line 1-based line
 */
public record SourcePosition(String path, int line) {

    /** The file name alone: {@code V2__orders.sql}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }
}
