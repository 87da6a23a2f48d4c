package dev.dbcheck.engine;

import dev.dbcheck.base.Wording;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.report.ConsoleReport;
import dev.dbcheck.report.GitHubActions;
import dev.dbcheck.report.Reports;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.place.Baseline;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.advice.IndexAdvice;
import dev.dbcheck.advice.IndexAdvisor;
import dev.dbcheck.change.ChangeConfig;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTracer;
import dev.dbcheck.change.TheChange;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.sample.SampleDataLoader;
import dev.dbcheck.migrate.AppliedMigrations;
import dev.dbcheck.migrate.MigrationException;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.ServerWideStatements;
import dev.dbcheck.migrate.Migrator;
import dev.dbcheck.migrate.Project;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.provision.DatabaseProvider;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.StatementWatchdog;
import dev.dbcheck.provision.embedded.ArtifactResolver;
import dev.dbcheck.provision.docker.DockerProvider;
import dev.dbcheck.provision.embedded.EmbeddedProvider;
import dev.dbcheck.provision.embedded.LoadedClusters;
import dev.dbcheck.synthetic.DataReuse;
import dev.dbcheck.provision.server.ServerProvider;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.place.Suppressions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One dbcheck run: start the throwaway database, apply the migrations, read the snapshot, run the rules, and
 * remove the database again, whatever happens. Findings are placed on their migration lines, then suppressions
 * and the baseline are applied. Front ends (the Maven plugin, a CLI) build a {@link DbcheckConfig} and call
 * {@link #run}.
 */
public final class Dbcheck {

    private final DbcheckConfig config;
    private final ArtifactResolver resolver;
    private final List<Path> classpathRoots;

    /**
     * @param resolver       finds the PostgreSQL binaries jars
     * @param classpathRoots the project's resource and output directories, for {@code classpath:} migration locations
     */
    public Dbcheck(DbcheckConfig config, ArtifactResolver resolver, List<Path> classpathRoots) {
        this(config, resolver, classpathRoots, System.getenv());
    }

    /**
     * @param environment the CI's variables, for choosing the change ({@code GITHUB_BASE_REF}, GitLab's merge
     *                    request variables)
     */
    public Dbcheck(DbcheckConfig config, ArtifactResolver resolver, List<Path> classpathRoots,
                   java.util.Map<String, String> environment) {
        this.config = config;
        this.resolver = resolver;
        this.classpathRoots = List.copyOf(classpathRoots);
        this.environment = java.util.Map.copyOf(environment);
    }

    private final java.util.Map<String, String> environment;

    /**
     * The whole pipeline, the last stage included: the checks with the configured baseline (if its file exists),
     * then the findings on the console, the report files and, on GitHub Actions, the annotations.
     *
     * @return the result, with the time the reports took among its phases
     */
    public RunResult run(EngineLog log) throws DbcheckException {
        Reports reports = new Reports(config.reports());
        reports.removePrevious();
        RunResult result;
        try {
            result = check(log, true);
        } catch (DbcheckException e) {
            writeFailureReports(reports, e, log);
            throw e;
        }
        return report(result, log);
    }

    /** A failed run's reports say it failed (best effort: the error itself is what the build reports). */
    private void writeFailureReports(Reports reports, DbcheckException e, EngineLog log) {
        try {
            List<Path> files = reports.writeFailure(new dev.dbcheck.report.FailedRun(e.getMessage(), failedPhase));
            if (!files.isEmpty()) {
                log.info("Reports of the failed run in " + config.reports().directory());
            }
        } catch (DbcheckException | RuntimeException ignored) {
            // a disk too full for the reports: the build's own error says what failed
        }
    }

    /** The phase a run was in when it failed, for its reports. */
    private volatile String failedPhase;

    /**
     * The stages up to the result, without reporting it.
     *
     * @param applyBaseline false to report every finding, as when writing a new baseline
     */
    public RunResult check(EngineLog log, boolean applyBaseline) throws DbcheckException {
        Baseline baseline = applyBaseline ? readBaseline() : null;
        PhaseTimings timings = new PhaseTimings();
        Migrator migrator = migrator();
        migrator.check();
        DataReuse.Inputs reuse = reuseInputs(migrator);
        DatabaseProvider configured = provider();
        DatabaseProvider provider = reuse != null && configured instanceof EmbeddedProvider embedded
                ? embedded.reusingData(reuse.key(), config.dataCacheBytes()) : configured;
        try (ProvisionedDatabase database = timings.time("database start", () -> provider.provision(log))) {
            return withLossDetected(database, timings, () -> runOn(database, migrator, reuse, provider, configured,
                    baseline, timings, log));
        } finally {
            failedPhase = timings.started();
        }
    }

    /**
     * What the synthetic data of this run depends on, when it may be reused: dashboards in full mode, the
     * embedded provider (the only one whose whole cluster can be kept) and {@code dashboards.reuseData} on.
     */
    private Dashboards dashboardStep;

    /** The dashboard step, one per run: its query files are read once, for the reuse key and for the checks. */
    private Dashboards dashboardStep() {
        if (dashboardStep == null) {
            dashboardStep = new Dashboards(config.dashboards(), config.sourceRoot());
        }
        return dashboardStep;
    }

    private DataReuse.Inputs reuseInputs(Migrator migrator) throws DbcheckException {
        if (config.dashboards() == null || config.dashboards().mode() != dev.dbcheck.dashboard.DashboardConfig.Mode.FULL
                || !config.reuseData() || config.database().provider() != DbcheckConfig.Provider.EMBEDDED) {
            return null;
        }
        List<String> queries = new ArrayList<>();
        for (DashboardQuery q : dashboardStep().queries()) {
            queries.add(q.name() + "\n" + q.template());
        }
        return DataReuse.inputs(config.database().postgresVersion(), config.baseDirectory(), migrator.scripts(),
                config.migrations(), config.sampleData(), config.schemas(), config.dashboards().data(), queries);
    }

    /**
     * The report stage. The findings are printed first, so that a disk too full for the report files still shows
     * them; the files are written next (each atomically), then the summary line with every phase's time.
     */
    public RunResult report(RunResult result, EngineLog log) throws DbcheckException {
        return report(result, log, System.getenv());
    }

    /** The same, with the CI's environment as given ({@code GITHUB_ACTIONS}, {@code GITHUB_STEP_SUMMARY}). */
    public RunResult report(RunResult result, EngineLog log, java.util.Map<String, String> environment)
            throws DbcheckException {
        ConsoleReport.print(result, baselineDisplay(), log);
        long start = System.nanoTime();
        List<Path> files = new Reports(config.reports()).write(result);
        try {
            GitHubActions.publish(result, environment, System.out);
        } catch (java.io.IOException e) {
            log.warn("Cannot append to the GitHub step summary (GITHUB_STEP_SUMMARY): " + e.getMessage());
        }
        RunResult reported = result.withPhase("reports", java.time.Duration.ofNanos(System.nanoTime() - start));
        log.info(ConsoleReport.summary(reported));
        if (!files.isEmpty()) {
            Path dir = config.reports().directory();
            log.info("Reports: " + files.stream().map(p -> p.getParent().equals(dir) ? p.getFileName().toString()
                    : dir.relativize(p.getParent()) + "/").distinct().collect(java.util.stream.Collectors.joining(", "))
                    + " in " + dir);
        }
        return reported;
    }

    /** The baseline file's path as reports show it (relative to the repository root). */
    private String baselineDisplay() {
        Path file = config.baselineFile();
        return file == null ? "" : SourceFiles.displayPath(file, config.sourceRoot());
    }

    /**
     * A failure while the server has gone away (killed, crashed, its container removed) is reported as that,
     * not as the connection error it caused in whatever phase was running.
     */
    private static RunResult withLossDetected(ProvisionedDatabase database, PhaseTimings timings,
                                              PhaseTimings.Work<RunResult, DbcheckException> run)
            throws DbcheckException {
        try {
            return run.run();
        } catch (DbcheckException e) {
            if (dev.dbcheck.provision.Cleanup.shuttingDown()) {
                throw new DbcheckException("Stopped: the build was interrupted (Ctrl-C or SIGTERM); the database was "
                        + "removed", e);
            }
            java.util.Optional<String> lost = lossOf(database, e);
            DbcheckException reported = lost.isPresent() ? new DbcheckException("PostgreSQL stopped during the run: "
                    + lost.get() + ". What failed then: " + e.getMessage(), e) : e;
            if (dev.dbcheck.base.DiskFull.isCause(e)) {
                String where = "where the cluster lives — workDirectory for the embedded server, Docker's data root "
                        + "for a container, the server's disk";
                boolean loading = List.of("data load", "plans").contains(timings.started());
                throw new DbcheckException(loading
                        ? "PostgreSQL ran out of disk space: the data of this run (the declared dashboard volumes, "
                        + "mostly) needs more room " + where + " — or lower "
                        + Wording.current().setting("dashboards.volumes") + ". " + reported.getMessage()
                        : "PostgreSQL ran out of disk space in the " + timings.started() + " phase: the database "
                        + "needs more room " + where + ". " + reported.getMessage(), e);
            }
            throw reported;
        }
    }

    /**
     * Why the server went away, if it did. A connection error can come before the provider sees the loss — a
     * killed container still reads "running" for a moment after the socket closed — so when the failure is a lost
     * connection (SQLSTATE class 08, or the server shutting down: 57P01..57P03) this asks again for a few seconds.
     */
    private static java.util.Optional<String> lossOf(ProvisionedDatabase database, Throwable failure) {
        java.util.Optional<String> lost = database.lost();
        if (lost.isPresent() || !connectionLost(failure)) {
            return lost;
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (lost.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return lost;
            }
            lost = database.lost();
        }
        return lost;
    }

    private static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private RunResult runOn(ProvisionedDatabase database, Migrator migrator, DataReuse.Inputs reuse,
                            DatabaseProvider provider, DatabaseProvider traceProvider, Baseline baseline,
                            PhaseTimings timings, EngineLog log) throws DbcheckException {
        if (!database.confinedToItsDatabase()) {
            ServerWideStatements.refuse(migrator.scripts(), "the role dbcheck was given may not create roles, so it "
                    + "cannot run the migrations as a role confined to that database. Grant that role CREATEROLE "
                    + "(dbcheck then makes a role of its own for each run), or use provider embedded or docker, "
                    + "whose whole server is the build's");
        }
        AppliedMigrations applied = timings.time("migrations", () -> migrate(migrator, database, log));
        log.info("Applied " + applied.scripts().size() + " migration script(s) on " + database.description());
        if (config.sampleData() != null) {
            int files = timings.time("sample data", () -> loadSampleData(database));
            log.info("Loaded " + files + " sample data file(s) from " + config.sampleData());
        }
        ChangeTrace change = config.migrationSafety().enabled()
                ? timings.time("change trace", () -> traceChange(migrator, traceProvider, log)) : null;
        Linter linter = new Linter(config);
        SchemaSnapshot snapshot;
        Checked checked;
        // the real rows are read on a session of their own while the snapshot is read (Linter.startReadingRows)
        Linter.RowsReading rows = linter.readsRows()
                ? linter.startReadingRows(database::connect, config.schemas(), applied.toolTables()) : null;
        // one connection for the snapshot and then the rules: a new one for each was a connection open more on the
        // way to the findings
        try (Connection connection = database.connect()) {
            snapshot = timings.time("snapshot", () -> snapshot(connection, database, applied));
            checked = check(database, connection, linter, snapshot, applied, rows, reuse, provider, change, timings,
                    log);
        } catch (SQLException e) {
            DbcheckException failure = new DbcheckException("Cannot connect to " + database.description() + ": "
                    + e.getMessage(), e);
            awaitAfterFailure(rows, failure);
            throw failure;
        } catch (DbcheckException | RuntimeException | Error e) {
            awaitAfterFailure(rows, e);
            throw e;
        }
        List<Finding> findings = checked.outcome().findings();
        List<Finding> baselined = List.of();
        List<Baseline.Entry> stale = List.of();
        if (baseline != null) {
            Baseline.Applied result = baseline.apply(findings);
            findings = result.findings();
            baselined = result.baselined();
            stale = result.stale();
        }
        List<Finding> sorted = new ArrayList<>(findings);
        RuleRunner.sort(sorted);
        return new RunResult(sorted, checked.outcome().suppressed(), baselined, stale, snapshot, timings,
                database.description(), config.failOn(), config.activeRuleMetadata(), checked.dashboards(),
                checked.advice(), change);
    }

    /**
     * The change's migrations traced on a database of their own (the provider's second one: the run's database
     * keeps the whole schema and only real rows), after production was applied and filled at the declared
     * volumes; null when there is no change to judge, which the log says in one line.
     */
    private ChangeTrace traceChange(Migrator migrator, DatabaseProvider provider, EngineLog log)
            throws DbcheckException {
        ChangeConfig safety = config.migrationSafety();
        TheChange change = TheChange.select(safety, config.migrations().tool(), migrator.steps(),
                config.baseDirectory(), environment);
        if (!change.isEmpty() && config.database().provider() == DbcheckConfig.Provider.SERVER
                && config.database().server().database() != null) {
            log.warn("Migration safety: not traced: server.database names the one database dbcheck may use, and the "
                    + "trace needs a second; leave server.database unset (dbcheck then creates and drops databases "
                    + "of its own) or set migrationSafety.enabled to false");
            return null;
        }
        if (change.isEmpty()) {
            log.info("Migration safety: nothing to judge: " + change.basis());
            return null;
        }
        // a Liquibase step is a changeSet, and several of them may come from one file
        boolean changeSets = config.migrations().tool() == dev.dbcheck.migrate.MigrationSettings.Tool.LIQUIBASE;
        log.info("Migration safety: tracing " + change.change().size() + (changeSets ? " changeSet(s), "
                : " migration(s), ") + change.basis() + ": " + String.join(", ", change.change().stream()
                .map(s -> s.file().getFileName().toString()).distinct().toList())
                + " (" + change.production().size() + " applied before them as production)");
        try (ProvisionedDatabase traced = provider.provision(log)) {
            ChangeTrace trace = new ChangeTracer(safety, config.schemas(), config.migrations().statementTimeout(),
                    log).trace(traced, change);
            log.info(String.format(java.util.Locale.ROOT, "Migration safety: traced %d statement(s) on %d table(s) "
                            + "at the declared volumes (%,d rows loaded in %.1f s, the change ran in %.1f s)",
                    trace.statements().size(), trace.rows().size(),
                    trace.rows().values().stream().mapToLong(Long::longValue).sum(),
                    trace.loadTime().toNanos() / 1e9, trace.traceTime().toNanos() / 1e9));
            return trace;
        }
    }

    /**
     * The migrations; a failure this database can explain better is explained
     * ({@link ProvisionedDatabase#explainMigrationError}).
     */
    private static AppliedMigrations migrate(Migrator migrator, ProvisionedDatabase database, EngineLog log)
            throws DbcheckException {
        try {
            return migrator.migrate(database, log);
        } catch (MigrationException e) {
            String explained = database.explainMigrationError(e.sqlState(), e.databaseMessage());
            throw explained.equals(e.databaseMessage()) ? e : e.withMessage(explained);
        }
    }

    /**
     * The dashboard queries on the data an earlier build kept: its database, with a query session and a watchdog
     * of its own; each query is first planned on the run's own migrated database, as on a generating run.
     */
    @SuppressWarnings("try") // a phase's limit holds while its try block runs
    private Measured onReusedData(ProvisionedDatabase.ReusedData data, DataReuse.Decision decision, Dashboards step,
                                  Linter linter, Connection queries, SchemaSnapshot snapshot,
                                  List<DashboardQuery> declared, PhaseTimings timings, EngineLog log)
            throws DbcheckException {
        step.plan(queries, declared);
        log.info(String.format(java.util.Locale.ROOT, "Reused synthetic data %s (%s) in %.1f s",
                DataReuse.describe(data.key(), data.created()), decision.reason(), data.copyTime().toNanos() / 1e9));
        ProvisionedDatabase kept = data.database();
        try (Connection connection = kept.connect();
             Connection keptQueries = kept.connectForProjectQueries();
             StatementWatchdog watchdog = StatementWatchdog.forSession(kept, keptQueries, log);
             StatementWatchdog.Phase ignored = watchdog.limit(config.dashboards().queryTimeout())) {
            DashboardResults results = step.measure(connection, keptQueries, snapshot, declared, decision.loads(),
                    decision.loadTime(), timings, log);
            return advised(linter, step, connection, keptQueries, watchdog, results, timings, log);
        } catch (SQLException e) {
            throw new DbcheckException("Cannot connect to the kept synthetic data on " + kept.description() + ": "
                    + e.getMessage(), e);
        }
    }

    private record Checked(Suppressions.Outcome outcome, DashboardResults dashboards, IndexAdvice advice) {
    }

    /** The dashboards' measurement, the plan findings (their fixes measured) and the workload's index advice. */
    private record Measured(DashboardResults results, List<Finding> findings, IndexAdvice advice) {
    }

    /**
     * The plan rules on a measurement, then the index advice on the same data while it is loaded: candidates
     * built by {@code admin}, the queries run on {@code queries} under the queries' time limit.
     */
    @SuppressWarnings("try") // a phase's limit holds while its try block runs
    private Measured advised(Linter linter, Dashboards step, Connection admin, Connection queries,
                             StatementWatchdog watchdog, DashboardResults results, PhaseTimings timings, EngineLog log)
            throws DbcheckException {
        List<Finding> planFindings = linter.planFindings(results);
        if (planFindings.stream().noneMatch(IndexAdvisor::addressed)) {
            return new Measured(results, planFindings, null);
        }
        try (StatementWatchdog.Phase ignored = watchdog == null ? null
                : watchdog.limit(config.dashboards().queryTimeout())) {
            IndexAdvisor.Outcome outcome = timings.time("advice", () -> new IndexAdvisor(config.advice(), step,
                    linter::planFindings, log).advise(admin, queries, results, planFindings));
            return new Measured(results, outcome.findings(), outcome.advice());
        }
    }

    private Baseline readBaseline() throws DbcheckException {
        Path file = config.baselineFile();
        if (file == null || !Files.exists(file)) {
            return null;
        }
        return Baseline.read(file, SourceFiles.displayPath(file, config.sourceRoot()));
    }

    private int loadSampleData(ProvisionedDatabase database) throws DbcheckException {
        try (Connection connection = database.connect()) {
            return new SampleDataLoader(config.sampleData(), config.sourceRoot()).load(connection);
        } catch (SQLException e) {
            throw new DbcheckException("Cannot connect to " + database.description() + ": " + e.getMessage(), e);
        }
    }

    private DatabaseProvider provider() throws DbcheckException {
        DbcheckConfig.Database db = config.database();
        return switch (db.provider()) {
            case EMBEDDED -> new EmbeddedProvider(db.embedded(), resolver);
            case SERVER -> new ServerProvider(db.server(), db.major(), db.serverSettings());
            case DOCKER -> new DockerProvider(db.docker().image(), db.serverSettings(), db.startupTimeout());
        };
    }

    private Migrator migrator() {
        return Migrator.of(config.migrations(), new Project(config.baseDirectory(), config.sourceRoot(),
                classpathRoots));
    }

    /** The database is dropped after a failed run: not while the rows' reading still has a session on it. */
    private static void awaitAfterFailure(Linter.RowsReading rows, Throwable failure) {
        if (rows != null) {
            try {
                rows.await();
            } catch (DbcheckException | RuntimeException also) {
                failure.addSuppressed(also);
            }
        }
    }

    private SchemaSnapshot snapshot(Connection connection, ProvisionedDatabase database, AppliedMigrations applied)
            throws DbcheckException {
        try {
            SnapshotReader reader = new SnapshotReader(config.schemas(), applied.toolTables());
            SchemaSnapshot snapshot = reader.read(connection, database::connect);
            for (String requested : config.schemas()) {
                if (!snapshot.schemas().contains(requested)) {
                    // else the build passes "in 0 tables", having checked nothing
                    throw new dev.dbcheck.base.ConfigException("schemas", "no schema '" + requested + "' in the "
                            + "migrated database" + dev.dbcheck.base.Suggestions.didYouMean(requested,
                            reader.existingSchemas()) + "; its schemas are "
                            + String.join(", ", reader.existingSchemas()));
                }
            }
            return snapshot;
        } catch (SQLException e) {
            throw new DbcheckException("Cannot read the schema from " + database.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The schema rules on the migrated schema (and its real rows), then the dashboard queries on synthetic data,
     * then one pass that places every finding on its line and applies the suppressions. Normalization reads rows
     * before the synthetic load: generated data never counts as evidence.
     */
    @SuppressWarnings("try") // a phase's limit holds while its try block runs
    private Checked check(ProvisionedDatabase database, Connection connection, Linter linter, SchemaSnapshot snapshot,
                          AppliedMigrations applied, Linter.RowsReading rows, DataReuse.Inputs reuse,
                          DatabaseProvider provider, ChangeTrace change, PhaseTimings timings, EngineLog log)
            throws DbcheckException {
        boolean projectQueries = !config.customRules().isEmpty() || config.dashboards() != null;
        // the pom's and the dashboard files' SQL runs without superuser rights, the rest of dbcheck's with them
        // and their time limits hold from outside their session too (a statement_timeout can be changed from inside)
        try (Connection ownQueries = projectQueries ? database.connectForProjectQueries() : null;
             StatementWatchdog watchdog = projectQueries ? StatementWatchdog.forSession(database, ownQueries, log)
                     : null) {
            Connection queries = ownQueries != null ? ownQueries : connection;
            List<Finding> findings;
            try (StatementWatchdog.Phase ignored = watchdog == null ? null
                    : watchdog.limit(java.time.Duration.ofSeconds(dev.dbcheck.rule.CustomSqlRule.TIMEOUT_SECONDS))) {
                findings = new ArrayList<>(timings.time("rules",
                        () -> linter.findings(connection, queries, snapshot, applied.scripts(), rows)));
            }
            if (change != null) {
                findings.addAll(linter.changeFindings(change, snapshot));
            }
            List<MigrationScript> sources = new ArrayList<>(applied.scripts());
            DashboardResults dashboards = null;
            IndexAdvice advice = null;
            if (config.dashboards() != null) {
                Dashboards step = dashboardStep();
                List<DashboardQuery> declared = step.queries();
                LoadedClusters kept = provider instanceof EmbeddedProvider e ? e.loadedClusters() : null;
                DataReuse.Decision decision = reuse == null ? null : DataReuse.decide(reuse,
                        database.reusedData().map(ProvisionedDatabase.ReusedData::metadata),
                        kept != null && kept.wasUnusable(reuse.key()), snapshot, kept == null ? List.of()
                                : kept.entries().stream().map(LoadedClusters.Entry::metadata).toList());
                Measured measured;
                if (decision != null && decision.reuse()) {
                    measured = onReusedData(database.reusedData().orElseThrow(), decision, step, linter, queries,
                            snapshot, declared, timings, log);
                } else {
                    if (decision != null) {
                        log.info("Generating the synthetic data: " + decision.reason());
                    }
                    try (StatementWatchdog.Phase ignored = watchdog.limit(config.dashboards().queryTimeout())) {
                        dashboards = step.run(connection, queries, database::connect, snapshot, declared, timings,
                                log);
                    }
                    if (reuse != null) {
                        database.keepDataForReuse(reuse.metadata(snapshot, dashboards.loads(), dashboards.loadTime()));
                    }
                    measured = advised(linter, step, connection, queries, watchdog, dashboards, timings, log);
                }
                dashboards = measured.results();
                advice = measured.advice();
                findings.addAll(measured.findings());
                sources.addAll(step.sources());
            }
            return new Checked(linter.place(findings, snapshot, sources), dashboards, advice);
        } catch (SQLException e) {
            throw new DbcheckException("Cannot connect to " + database.description() + ": " + e.getMessage(), e);
        }
    }
}
