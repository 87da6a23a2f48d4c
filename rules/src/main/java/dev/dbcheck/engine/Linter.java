package dev.dbcheck.engine;

import dev.dbcheck.data.DataSampler;
import dev.dbcheck.data.SampledData;
import dev.dbcheck.migration.MigrationScript;
import dev.dbcheck.rule.BuiltInRules;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.ObjectPattern;
import dev.dbcheck.rule.RuleEngine;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.source.SourceIndex;
import dev.dbcheck.suppress.Suppression;
import dev.dbcheck.suppress.Suppressions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lint step of a run, on a migrated database: the schema rules over the snapshot, the custom SQL rules on the
 * database, each finding placed on its migration line, and the suppressions applied.
 */
public final class Linter {

    private final Map<String, RuleSettings> settings;
    private final List<ObjectPattern> excludes;
    private final List<CustomSqlRule> customRules;
    private final Map<String, RuleMetadata> metadata;
    private final int dataSampleRows;

    public Linter(DbcheckConfig config) {
        this(config.rules(), config.excludes(), config.customRules(), config.ruleMetadata(), config.dataSampleRows());
    }

    public Linter(Map<String, RuleSettings> settings, List<ObjectPattern> excludes, List<CustomSqlRule> customRules,
                  Map<String, RuleMetadata> metadata) {
        this(settings, excludes, customRules, metadata, DEFAULT_SAMPLE_ROWS);
    }

    /** Rows read per table for the data evidence of the normalization rules. */
    public static final int DEFAULT_SAMPLE_ROWS = 50_000;

    public Linter(Map<String, RuleSettings> settings, List<ObjectPattern> excludes, List<CustomSqlRule> customRules,
                  Map<String, RuleMetadata> metadata, int dataSampleRows) {
        this.settings = Map.copyOf(settings);
        this.excludes = List.copyOf(excludes);
        this.customRules = List.copyOf(customRules);
        this.metadata = Map.copyOf(metadata);
        this.dataSampleRows = dataSampleRows;
    }

    /** The whole lint step: schema, data and custom findings, placed and suppressed. */
    public Suppressions.Outcome lint(Connection connection, SchemaSnapshot snapshot, List<MigrationScript> scripts)
            throws DbcheckException {
        return place(findings(connection, snapshot), snapshot, scripts);
    }

    /** Findings of the schema rules (with data evidence where rows exist) and of the custom rules. */
    public List<Finding> findings(Connection connection, SchemaSnapshot snapshot) throws DbcheckException {
        SampledData data;
        try {
            // Real rows only: this runs before any synthetic data exists.
            data = dataSampleRows > 0 ? new DataSampler(dataSampleRows).sample(connection, snapshot) : SampledData.NONE;
        } catch (SQLException e) {
            throw new DbcheckException("Cannot read the tables' rows for the normalization checks: " + e.getMessage(), e);
        }
        List<Finding> findings = new ArrayList<>(
                new RuleEngine(BuiltInRules.all(), settings, excludes).run(snapshot, data));
        for (CustomSqlRule custom : customRules) {
            RuleMetadata m = custom.metadata();
            RuleSettings s = settings.getOrDefault(m.id(), RuleSettings.DEFAULTS);
            Severity severity = s.effectiveSeverity(m);
            if (severity != Severity.OFF) {
                findings.addAll(RuleEngine.select(custom.run(connection, severity), s, excludes));
            }
        }
        return findings;
    }

    /** Findings of the plan rules over the dashboard results. */
    public List<Finding> planFindings(dev.dbcheck.dashboard.DashboardResults results) {
        return new RuleEngine(List.of(), settings, excludes).runPlans(results, BuiltInRules.planRules());
    }

    /**
     * Places findings on the lines of the given SQL files (migrations, dashboard queries) and applies the
     * suppressions written in them and in database comments.
     */
    public Suppressions.Outcome place(List<Finding> findings, SchemaSnapshot snapshot, List<MigrationScript> scripts) {
        SourceIndex sources = SourceIndex.build(scripts);
        List<Finding> placed = new ArrayList<>();
        for (Finding finding : findings) {
            placed.add(sources.positionOf(finding.object()).map(finding::withPosition).orElse(finding));
        }
        List<Suppression> suppressions = new ArrayList<>(sources.suppressions());
        suppressions.addAll(Suppressions.fromCatalog(snapshot));
        Suppressions.Outcome outcome = Suppressions.apply(placed, suppressions, metadata.keySet(), settings, metadata,
                sources::positionOf);
        List<Finding> sorted = new ArrayList<>(outcome.findings());
        RuleEngine.sort(sorted);
        return new Suppressions.Outcome(sorted, outcome.suppressed());
    }
}
