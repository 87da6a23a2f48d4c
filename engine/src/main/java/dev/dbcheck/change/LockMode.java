package dev.dbcheck.change;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, and what each keeps the application from doing while it is
 * held (the conflict table of the "Explicit Locking" chapter): reads take ACCESS SHARE, which only ACCESS EXCLUSIVE
 * conflicts with; writes take ROW EXCLUSIVE, which SHARE and every mode above it conflict with.
 */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** The mode of {@code pg_locks.mode} ({@code AccessExclusiveLock}); null for a mode that is not a table lock. */
    static LockMode ofPgLocks(String mode) {
        for (LockMode m : values()) {
            if (m.pgLocksName().equals(mode)) {
                return m;
            }
        }
        return null;
    }

    String pgLocksName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append("Lock").toString();
    }

    /** As the documentation writes it: {@code ACCESS EXCLUSIVE}. */
    public String title() {
        return name().replace('_', ' ');
    }

    /** Whether a {@code SELECT} of the relation waits while it is held. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** Whether {@code INSERT}, {@code UPDATE} and {@code DELETE} wait while it is held. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** What it blocks, in words: {@code blocks reads and writes}. */
    public String blocks() {
        return blocksReads() ? "blocks reads and writes" : blocksWrites() ? "blocks writes"
                : "blocks neither reads nor writes";
    }
}
