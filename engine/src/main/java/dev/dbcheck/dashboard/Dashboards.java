package dev.dbcheck.dashboard;

import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard step of a run. Every query is planned first, on the empty schema, so that a broken query fails in
 * a second rather than after the load. Then, in full mode, the synthetic data is loaded, sizes are measured and
 * every query runs under EXPLAIN ANALYZE; in fast mode nothing is loaded and each query is planned with sequential
 * scans disabled.
 */
public final class Dashboards {

    private final DashboardConfig config;
    private final Path sourceRoot;

    public Dashboards(DashboardConfig config, Path sourceRoot) {
        this.config = config;
        this.sourceRoot = sourceRoot;
    }

    /** The declared queries: the folder's files, then the pom's. */
    public List<DashboardQuery> queries() throws DbcheckException {
        List<DashboardQuery> queries = new ArrayList<>();
        for (dev.dbcheck.migrate.MigrationScript file : files()) {
            queries.add(QueryFiles.parse(file.displayPath(), file.content(), file.file().getFileName().toString()
                    .replaceFirst("\\.sql$", "")));
        }
        queries.addAll(config.queries());
        Map<String, DashboardQuery> byName = new java.util.HashMap<>();
        for (DashboardQuery q : queries) {
            DashboardQuery other = byName.putIfAbsent(q.name(), q);
            if (other != null) {
                // findings, suppressions and the report identify a query by its name
                throw new DbcheckException(q.file() + ":" + q.firstLine() + ": dashboard query name '" + q.name()
                        + "' is already used by " + other.file() + ":" + other.firstLine() + "; give one of them "
                        + "another -- name:");
            }
        }
        return queries;
    }

    /** The query files as SQL sources, for finding positions and suppressions written in them. */
    public List<dev.dbcheck.migrate.MigrationScript> sources() throws DbcheckException {
        return files();
    }

    private List<dev.dbcheck.migrate.MigrationScript> files;

    /** The folder's {@code .sql} files in name order, read once for both the queries and their positions. */
    private List<dev.dbcheck.migrate.MigrationScript> files() throws DbcheckException {
        if (files != null) {
            return files;
        }
        List<dev.dbcheck.migrate.MigrationScript> read = new ArrayList<>();
        if (config.directory() != null && Files.isDirectory(config.directory())) {
            List<Path> paths;
            try (java.util.stream.Stream<Path> list = Files.list(config.directory())) {
                paths = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            } catch (java.io.IOException e) {
                throw new dev.dbcheck.base.ConfigException("dashboards.directory", "cannot list " + config.directory()
                        + ": " + e.getMessage());
            }
            for (Path file : paths) {
                String display = dev.dbcheck.base.SourceFiles.displayPath(file, sourceRoot);
                read.add(new dev.dbcheck.migrate.MigrationScript(file, display,
                        dev.dbcheck.base.SourceFiles.readUtf8(file, display)));
            }
        }
        files = List.copyOf(read);
        return files;
    }

    public DashboardResults run(Connection connection, SchemaSnapshot schema, List<DashboardQuery> queries,
                                PhaseTimings timings, EngineLog log) throws DbcheckException {
        return run(connection, connection, null, schema, queries, timings, log);
    }

    /**
     * @param connection where dbcheck loads the data and measures sizes
     * @param queryConnection where the project's queries run: a connection without superuser rights
     *                   ({@code ProvisionedDatabase.connectForProjectQueries})
     * @param sessions   more sessions like {@code connection}, to load tables side by side; null for one
     */
    public DashboardResults run(Connection connection, Connection queryConnection,
                                java.util.concurrent.Callable<Connection> sessions, SchemaSnapshot schema,
                                List<DashboardQuery> queries, PhaseTimings timings, EngineLog log)
            throws DbcheckException {
        if (config.mode() == DashboardConfig.Mode.FAST) {
            // the plans that check the queries are fast mode's results: each query is planned once
            List<QueryResult> results = timings.time("plans", () -> plan(queryConnection, queries));
            log.info("Planned " + results.size() + " dashboard quer" + (results.size() == 1 ? "y" : "ies")
                    + " with sequential scans disabled (fast mode, no data)");
            return new DashboardResults(config, schema, results, Map.of(), Map.of(), List.of(), java.time.Duration.ZERO);
        }
        List<QueryResult> planned = plan(queryConnection, queries);
        long loadStart = System.nanoTime();
        List<SyntheticData.TableLoad> loads = timings.time("data load",
                () -> new SyntheticData(schema, config.data(), log).onlyFor(tablesRead(planned, schema))
                        .load(connection, sessions));
        java.time.Duration loadTime = java.time.Duration.ofNanos(System.nanoTime() - loadStart);
        long rows = loads.stream().mapToLong(SyntheticData.TableLoad::generatedRows).sum();
        double seconds = loadTime.toNanos() / 1e9;
        log.info(String.format(Locale.ROOT, "Loaded %,d synthetic rows into %d tables in %.1f s (%,.0f rows/s)", rows,
                loads.stream().filter(l -> l.generatedRows() > 0).count(), seconds, rows / Math.max(seconds, 1e-9)));
        return measure(connection, queryConnection, schema, queries, loads, loadTime, timings, log);
    }

    /**
     * Plans every query once, so that a broken one fails fast, naming its file, before any data is loaded; the
     * plans also say which tables the queries read.
     */
    public List<QueryResult> plan(Connection queryConnection, List<DashboardQuery> queries) throws DbcheckException {
        PlanRunner runner = new PlanRunner(config);
        List<QueryResult> planned = new ArrayList<>();
        for (DashboardQuery query : queries) {
            planned.add(runner.withoutSequentialScans(queryConnection, query));
        }
        return planned;
    }

    /**
     * The relations the plans scan, each with the first query that reads it: what the data must fill (a table
     * read only inside a function the query calls is not seen here; it needs a declared volume).
     */
    public static Map<QualifiedName, String> tablesRead(List<QueryResult> planned, SchemaSnapshot schema) {
        Map<QualifiedName, String> read = new java.util.LinkedHashMap<>();
        for (QueryResult result : planned) {
            if (result.plan() != null) {
                for (PlanNode node : result.plan().root().flatten()) {
                    if (node.relation() != null) {
                        read.putIfAbsent(new QualifiedName(node.schema() == null ? "public" : node.schema(),
                                node.relation()), result.query().name());
                    }
                }
            }
            // the plan of an empty partitioned table without partitions scans nothing: the query's text names it
            for (QualifiedName named : namedIn(result.query().sql(), schema)) {
                read.putIfAbsent(named, result.query().name());
            }
        }
        return read;
    }

    /** The snapshot's tables a query names (JSqlParser); an unqualified name matches that name in any schema. */
    private static List<QualifiedName> namedIn(String sql, SchemaSnapshot schema) {
        java.util.Set<String> names;
        try {
            names = net.sf.jsqlparser.util.TablesNamesFinder.findTables(sql);
        } catch (Exception | StackOverflowError e) {
            return List.of(); // the plan's relations are what the data needs
        }
        List<QualifiedName> found = new ArrayList<>();
        for (String name : names) {
            String bare = name.replace("\"", "");
            int dot = bare.lastIndexOf('.');
            for (dev.dbcheck.schema.Table table : schema.tables()) {
                boolean matches = dot > 0 ? table.name().toString().equals(bare)
                        : table.name().name().equals(bare);
                if (matches) {
                    found.add(table.name());
                }
            }
        }
        return found;
    }

    /**
     * The sizes and the plans on data that is loaded already: after the load, and again after a change to the
     * schema (an index built as a fix) without loading anything.
     */
    public DashboardResults measure(Connection connection, SchemaSnapshot schema, List<DashboardQuery> queries,
                                    List<SyntheticData.TableLoad> loads, java.time.Duration loadTime,
                                    PhaseTimings timings, EngineLog log) throws DbcheckException {
        return measure(connection, connection, schema, queries, loads, loadTime, timings, log);
    }

    /**
     * The queries again on the data {@code before} was measured on, after a change to the schema (an index built
     * as a candidate): measured in full mode, planned with sequential scans disabled in fast mode; nothing loaded.
     */
    public DashboardResults remeasure(Connection connection, Connection queryConnection, DashboardResults before,
                                      List<DashboardQuery> queries) throws DbcheckException {
        if (config.mode() == DashboardConfig.Mode.FAST) {
            return new DashboardResults(config, before.schema(), plan(queryConnection, queries), Map.of(), Map.of(),
                    List.of(), java.time.Duration.ZERO);
        }
        return measure(connection, queryConnection, before.schema(), queries, before.loads(), before.loadTime(),
                new PhaseTimings(), EngineLog.SILENT);
    }

    /** The same, the project's queries on {@code queryConnection}. */
    public DashboardResults measure(Connection connection, Connection queryConnection, SchemaSnapshot schema,
                                    List<DashboardQuery> queries, List<SyntheticData.TableLoad> loads,
                                    java.time.Duration loadTime, PhaseTimings timings, EngineLog log)
            throws DbcheckException {
        PlanRunner runner = new PlanRunner(config);
        Map<QualifiedName, RelationStats> stats;
        Map<QualifiedName, Long> indexSizes;
        try {
            stats = RelationStats.read(connection);
            indexSizes = RelationStats.indexSizes(connection);
        } catch (SQLException e) {
            throw new DbcheckException("Cannot measure table and index sizes: " + e.getMessage(), e);
        }
        List<QueryResult> results = timings.time("plans", () -> {
            List<QueryResult> r = new ArrayList<>();
            for (DashboardQuery query : queries) {
                QueryResult result = runner.analyze(queryConnection, query);
                log.debug(result.timedOut() ? "Dashboard query " + query.name() + ": cancelled at the timeout"
                        : String.format(Locale.ROOT, "Dashboard query %s: %.1f ms (median of %d)", query.name(),
                        result.medianMs(), result.timesMs().size()));
                r.add(result);
            }
            return r;
        });
        return new DashboardResults(config, schema, results, stats, indexSizes, loads, loadTime);
    }
}
