package dev.dbcheck.schema;

/**
 * A row-level security policy.
 *
 * @param name    the policy's name
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 */
public record Policy(String name, String command) {
}
