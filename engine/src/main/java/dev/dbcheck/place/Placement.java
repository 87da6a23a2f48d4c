package dev.dbcheck.place;

import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.schema.SchemaSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The place stage: each finding put on the line of the SQL file (migration, dashboard query) that created or last
 * altered its object, then the suppressions written in those files and in database comments applied.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * @param metadata every rule id of the run, for suppressions naming unknown rules
     * @param settings per-rule settings, for the severity of suppression problems
     */
    public static Suppressions.Outcome place(List<Finding> findings, SchemaSnapshot snapshot,
                                             List<MigrationScript> scripts, Map<String, RuleMetadata> metadata,
                                             Map<String, RuleSettings> settings) {
        SourceIndex sources = SourceIndex.build(scripts);
        List<Finding> placed = new ArrayList<>();
        for (Finding finding : findings) {
            // a rule that knows its line (a query file's, a GRANT's) keeps it
            placed.add(finding.position() != null ? finding
                    : sources.positionOf(finding.object()).map(finding::withPosition).orElse(finding));
        }
        List<Suppression> suppressions = new ArrayList<>(sources.suppressions());
        suppressions.addAll(Suppressions.fromCatalog(snapshot));
        return Suppressions.apply(placed, suppressions, metadata.keySet(), settings, metadata, sources::positionOf);
    }
}
