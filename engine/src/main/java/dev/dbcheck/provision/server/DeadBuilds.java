package dev.dbcheck.provision.server;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.BuildOwner;
import dev.dbcheck.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What builds on this host made on a shared server and could not drop (killed with SIGKILL): databases and roles
 * whose comment names a build ({@link BuildOwner}) that no longer runs. Objects of running builds, of other hosts,
 * and anything without the mark are left alone; so is what this role may not drop.
 */
final class DeadBuilds {

    private DeadBuilds() {
    }

    /**
     * Drops them.
     *
     * @param kind         {@code database} or {@code role}, for the statement and the log
     * @param catalogQuery lists {@code name, comment} of the candidates
     * @param ownerComment the comment's start before the build's id
     * @param dropSuffix   what follows {@code DROP <kind> IF EXISTS <name>} ({@code  WITH (FORCE)})
     * @param where        where, for the log ({@code  on host:5432}), or empty
     */
    static void drop(Connection admin, String kind, String catalogQuery, String ownerComment, String dropSuffix,
                     String where, EngineLog log) {
        List<String> stale = new ArrayList<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(catalogQuery)) {
            while (rs.next()) {
                String comment = rs.getString(2);
                if (comment != null && comment.startsWith(ownerComment)
                        && BuildOwner.isGone(comment.substring(ownerComment.length()))) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            log.debug("Cannot look for " + kind + "s of earlier builds: " + e.getMessage());
            return;
        }
        for (String name : stale) {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                        + Identifiers.alwaysQuote(name) + dropSuffix);
                log.info("Dropped " + kind + " " + name + where + ", left by a build on this host that ended "
                        + "without cleaning up");
            } catch (SQLException e) {
                log.debug("Cannot drop " + kind + " " + name + " of an earlier build: " + e.getMessage());
            }
        }
    }
}
