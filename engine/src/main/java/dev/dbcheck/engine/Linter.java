package dev.dbcheck.engine;

import dev.dbcheck.base.ConnectionOpener;
import dev.dbcheck.base.ConnectionWork;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.place.Placement;
import dev.dbcheck.place.Suppressions;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.ObjectPattern;
import dev.dbcheck.rule.Rule;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.sample.DataSampler;
import dev.dbcheck.sample.RealRows;
import dev.dbcheck.sample.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule stages of a run on a migrated database, over the one {@link RuleRunner}: the evidence grows stage by
 * stage (the snapshot, real rows sampled before any synthetic data, the database for custom SQL rules, then the
 * dashboard plans) and each rule runs once its evidence is there. {@link #lint} is the lint path alone, as tests
 * and the benchmark use it.
 */
public final class Linter {

    /** Rows read per table for the data evidence of the normalization rules. */
    public static final int DEFAULT_SAMPLE_ROWS = 50_000;

    private final Map<String, RuleSettings> settings;
    private final Map<String, RuleMetadata> metadata;
    private final int dataSampleRows;
    private final RuleRunner runner;
    private Map<String, Long> volumes = Map.of();
    private Evidence.DeclaredColumns declared = new Evidence.DeclaredColumns(Map.of(), Map.of());

    public Linter(DbcheckConfig config) {
        this(config.rules(), config.excludes(), config.customRules(), config.ruleMetadata(), config.dataSampleRows());
        if (config.dashboards() != null) {
            this.volumes = config.dashboards().data().volumes();
            this.declared = declaredColumns(config.dashboards().data().columns());
        }
    }

    public Linter(Map<String, RuleSettings> settings, List<ObjectPattern> excludes, List<CustomSqlRule> customRules,
                  Map<String, RuleMetadata> metadata) {
        this(settings, excludes, customRules, metadata, DEFAULT_SAMPLE_ROWS);
    }

    public Linter(Map<String, RuleSettings> settings, List<ObjectPattern> excludes, List<CustomSqlRule> customRules,
                  Map<String, RuleMetadata> metadata, int dataSampleRows) {
        this.settings = Map.copyOf(settings);
        this.metadata = Map.copyOf(metadata);
        this.dataSampleRows = dataSampleRows;
        List<Rule> rules = new ArrayList<>(RuleCatalog.rules());
        rules.addAll(customRules);
        this.runner = new RuleRunner(rules, settings, excludes);
    }

    /**
     * The lint path: every rule that needs no dashboard, each finding placed and the suppressions applied; the
     * findings in reading order.
     */
    public Suppressions.Outcome lint(Connection connection, SchemaSnapshot snapshot, List<MigrationScript> scripts)
            throws DbcheckException {
        return lint(connection, snapshot, scripts, null);
    }

    /** The lint path with the rows being read since before the snapshot ({@link #startReadingRows}), or null. */
    public Suppressions.Outcome lint(Connection connection, SchemaSnapshot snapshot, List<MigrationScript> scripts,
                                     RowsReading rows) throws DbcheckException {
        Suppressions.Outcome outcome = place(findings(connection, connection, snapshot, scripts, rows), snapshot,
                scripts);
        List<Finding> sorted = new ArrayList<>(outcome.findings());
        RuleRunner.sort(sorted);
        return new Suppressions.Outcome(sorted, outcome.suppressed());
    }

    /**
     * The rules over the schema, its real rows and the database. Real rows only: this runs before any synthetic
     * data exists, so generated data never counts as evidence.
     */
    public List<Finding> findings(Connection connection, SchemaSnapshot snapshot, List<MigrationScript> scripts)
            throws DbcheckException {
        return findings(connection, connection, snapshot, scripts);
    }

    /**
     * @param projectQueries where the custom rules' SQL runs: a connection without superuser rights
     *                       ({@code ProvisionedDatabase.connectForProjectQueries})
     */
    public List<Finding> findings(Connection connection, Connection projectQueries, SchemaSnapshot snapshot,
                                  List<MigrationScript> scripts) throws DbcheckException {
        return findings(connection, projectQueries, snapshot, scripts, null);
    }

    /**
     * @param rows the rows being read since before the snapshot ({@link #startReadingRows}), or null to read them
     *             now on {@code connection}
     */
    public List<Finding> findings(Connection connection, Connection projectQueries, SchemaSnapshot snapshot,
                                  List<MigrationScript> scripts, RowsReading rows) throws DbcheckException {
        Evidence schemaOnly = Evidence.of(snapshot).with(Evidence.SOURCES, new Evidence.Sources(scripts))
                .with(Evidence.VOLUMES, new Evidence.Volumes(volumes)).with(Evidence.DECLARED_COLUMNS, declared);
        // no rows are read when no rule would look at them (dataSampleRows 0, or every rule judging rows off)
        if (!readsRows()) {
            if (rows != null) {
                rows.await(); // started all the same: its connection is in use until it is done
            }
            return runner.run(schemaOnly.with(Evidence.ROWS, SampledData.NONE)
                    .with(Evidence.DATABASE, projectQueries));
        }
        // The rows are read on the server while the rules that need none run here: the sampling is waiting on
        // PostgreSQL, the rules are pure Java, and the machine has two cores. Nothing else touches `connection`
        // until the sampling is done; the custom SQL rules (which read `projectQueries`, possibly the same
        // connection) wait for the second pass, as the rules that use the rows do.
        RowsReading reading = rows != null ? rows : new RowsReading(ConnectionWork.start("dbcheck-data-sampler",
                () -> new DataSampler(dataSampleRows).read(connection, snapshot)));
        List<Finding> findings;
        try {
            findings = new ArrayList<>(runner.run(schemaOnly.coming(Evidence.ROWS)));
        } catch (DbcheckException | RuntimeException | Error e) {
            try {
                reading.await(); // the caller may close the connection: not while the sampler still reads it
            } catch (DbcheckException | RuntimeException also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        RealRows read = reading.await();
        if (read == null) { // no connection of its own: read here, now that the snapshot is done with this one
            try {
                read = new DataSampler(dataSampleRows).read(connection, snapshot);
            } catch (SQLException e) {
                throw RowsReading.failure(e);
            }
        }
        findings.addAll(runner.run(schemaOnly.with(Evidence.ROWS, read.bind(snapshot))
                .with(Evidence.DATABASE, projectQueries)));
        return findings;
    }

    /** Whether this run reads real rows: some rule that judges them is on, and {@code dataSampleRows} is not 0. */
    public boolean readsRows() {
        return dataSampleRows > 0 && runner.wants(Evidence.ROWS);
    }

    /**
     * Starts reading the real rows of these schemas (empty: every schema a snapshot naming none reads), but not of
     * {@code excludedTables} (as the snapshot is read: {@code SnapshotReader}'s own parameters), on a thread
     * of its own, on a connection of its own that it opens there and closes when done. Started before the snapshot
     * is read, the server reads the rows and the catalog at once: the machine has two cores, and on a schema with
     * real rows the two were a run one after the other (docs/benchmarks.md, anchor). Without a connection to be had
     * (an existing server at max_connections) the rows are read after the snapshot, on the rules' connection.
     */
    public RowsReading startReadingRows(ConnectionOpener opener, List<String> schemas,
                                        Set<QualifiedName> excludedTables) {
        return new RowsReading(ConnectionWork.onOwnConnection("dbcheck-data-sampler", opener,
                own -> new DataSampler(dataSampleRows).read(own, schemas, name -> !excludedTables.contains(name))));
    }

    /** The real rows being read; {@link #await} may be called more than once. */
    public static final class RowsReading {

        static DbcheckException failure(SQLException e) {
            return new DbcheckException("Cannot read the tables' rows for the normalization checks: "
                    + e.getMessage(), e);
        }

        private final ConnectionWork<RealRows> work;

        private RowsReading(ConnectionWork<RealRows> work) {
            this.work = work;
        }

        /** The rows once the reading thread is done, null when it had no connection; its failure as the run's error. */
        public RealRows await() throws DbcheckException {
            try {
                return work.result();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** The declared column specs as the rules read them: distinct counts, and the rarest weighted value. */
    static Evidence.DeclaredColumns declaredColumns(List<dev.dbcheck.synthetic.ColumnSpec> specs) {
        Map<String, Long> distinct = new java.util.LinkedHashMap<>();
        Map<String, String> rarest = new java.util.LinkedHashMap<>();
        for (dev.dbcheck.synthetic.ColumnSpec spec : specs) {
            String key = spec.table() + "." + spec.column();
            if (spec.distinct() != null) {
                distinct.put(key, spec.distinct());
            } else if (!spec.values().isEmpty()) {
                distinct.put(key, (long) spec.values().size());
            }
            spec.values().stream().min(java.util.Comparator.comparingDouble(
                    dev.dbcheck.synthetic.ColumnSpec.Weighted::weight)).ifPresent(w -> rarest.put(key, w.value()));
        }
        return new Evidence.DeclaredColumns(distinct, rarest);
    }

    /** The rules over the dashboard queries' plans: those that had to wait for them. */
    public List<Finding> planFindings(DashboardResults results) throws DbcheckException {
        return runner.run(Evidence.of(results.schema()).with(DashboardResults.PLANS, results));
    }

    /** The migration safety rules over the trace of the change. */
    public List<Finding> changeFindings(dev.dbcheck.change.ChangeTrace trace, SchemaSnapshot snapshot)
            throws DbcheckException {
        return runner.run(Evidence.of(snapshot).with(dev.dbcheck.change.ChangeTrace.TRACE, trace));
    }

    /** The place stage, with this run's rule ids and settings. */
    public Suppressions.Outcome place(List<Finding> findings, SchemaSnapshot snapshot, List<MigrationScript> scripts) {
        return Placement.place(findings, snapshot, scripts, metadata, settings);
    }
}
