package dev.dbcheck.change;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.change.ChangeTrace.HeldLock;
import dev.dbcheck.change.ChangeTrace.Later;
import dev.dbcheck.change.ChangeTrace.TracedStatement;
import dev.dbcheck.migrate.DatabaseErrors;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.StatementWatchdog;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.synthetic.SyntheticData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the change on a database of its own, as production would meet it (eugene's trace, at volume): the
 * production migrations applied, every table that exists then filled at the declared volumes (logged, as in
 * production), then each statement of the change in the transaction structure the migration tool uses — one
 * transaction per script, unless a statement refuses one (CONCURRENTLY, VACUUM: then each statement on its own).
 * After each statement, in its own session: the relation locks its backend holds ({@code pg_locks}), the files of
 * the relations that existed before ({@code relfilenode}), and the constraints, columns and indexes it changed. A
 * statement that cannot run in a transaction block has its locks sampled from a second session while it runs.
 */
public final class ChangeTracer {

    private final ChangeConfig config;
    private final List<String> schemas;
    private final Duration statementTimeout;
    private final EngineLog log;

    /**
     * @param schemas          the schemas the run lints (empty for all): the ones the data is loaded into
     * @param statementTimeout the migrations' limit per statement (migrationTimeout), or null
     */
    public ChangeTracer(ChangeConfig config, List<String> schemas, Duration statementTimeout, EngineLog log) {
        this.config = config;
        this.schemas = List.copyOf(schemas);
        this.statementTimeout = statementTimeout;
        this.log = log;
    }

    @SuppressWarnings("try") // the watchdog works while the try block runs
    public ChangeTrace trace(ProvisionedDatabase database, TheChange change) throws DbcheckException {
        try (StatementWatchdog watchdog = StatementWatchdog.start(database, statementTimeout, log);
             Connection connection = database.connect();
             Connection observer = database.connect()) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET statement_timeout = " + (statementTimeout == null ? 0 : statementTimeout.toMillis()));
            }
            PlainSqlMigrator.apply(connection, change.production(), statementTimeout, log);
            SchemaSnapshot production = new SnapshotReader(schemas, Set.of()).read(connection);
            long loadStart = System.nanoTime();
            Map<QualifiedName, Long> rows = new LinkedHashMap<>();
            if (!production.tables().isEmpty()) {
                for (SyntheticData.TableLoad load : new SyntheticData(production, atVolume(production), log)
                        .keepingWal().load(connection, database::connect)) {
                    rows.put(load.table(), load.existingRows() + load.generatedRows());
                }
            }
            Duration loadTime = Duration.ofNanos(System.nanoTime() - loadStart);
            connection.setAutoCommit(true);
            Set<Long> existing = new HashSet<>(CatalogState.read(connection).relations.keySet());
            long traceStart = System.nanoTime();
            Session session = new Session(connection, observer, existing, rows);
            String incomplete = null;
            for (MigrationScript script : change.change()) {
                incomplete = session.run(script);
                if (incomplete != null) {
                    log.warn("Migration safety: " + incomplete);
                    break;
                }
            }
            return new ChangeTrace(change.basis(), config.maxLockTime(), change.production().size(),
                    change.change().stream().map(MigrationScript::displayPath).distinct().toList(), session.traced,
                    rows, loadTime, Duration.ofNanos(System.nanoTime() - traceStart), incomplete);
        } catch (SQLException e) {
            throw new DbcheckException("Cannot trace the change on " + database.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The declared data for the tables production has (a volume may name a table the change creates): the whole
     * volume, not {@code loadFraction} of it, since the lock times are measured on it.
     */
    private DataSpec atVolume(SchemaSnapshot production) {
        DataSpec data = config.data();
        Map<String, Long> volumes = new LinkedHashMap<>();
        data.volumes().forEach((table, n) -> {
            if (find(production, table) != null) {
                volumes.put(table, n);
            }
        });
        List<ColumnSpec> columns = data.columns().stream().filter(c -> {
            Table t = find(production, c.table());
            return t != null && t.column(c.column()).isPresent();
        }).toList();
        return new DataSpec(volumes, data.defaultRows(), columns, 1.0);
    }

    private static Table find(SchemaSnapshot schema, String name) {
        for (Table t : schema.tables()) {
            if (t.name().name().equals(name) || t.name().toString().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The traced session, and what it has recorded. */
    private final class Session {
        final Connection connection;
        final Connection observer;
        final Set<Long> existing;
        final Map<QualifiedName, Long> rows;
        final List<TracedStatement> traced = new ArrayList<>();
        int transactions;
        final int pid;

        Session(Connection connection, Connection observer, Set<Long> existing, Map<QualifiedName, Long> rows)
                throws SQLException {
            this.connection = connection;
            this.observer = observer;
            this.existing = existing;
            this.rows = rows;
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                this.pid = r.getInt(1);
            }
        }

        /** Runs one script; returns why the trace stops here, or null. */
        String run(MigrationScript script) throws SQLException {
            List<SqlStatement> statements = SqlScanner.split(PlainSqlMigrator.runnableText(script, log));
            boolean transactional = statements.stream().noneMatch(PlainSqlMigrator::refusesTransaction)
                    && script.inTransaction() && !outsideTransaction(script);
            if (transactional) {
                return transaction(script, statements);
            }
            for (SqlStatement statement : statements) {
                String stop = PlainSqlMigrator.refusesTransaction(statement) ? sampled(script, statement)
                        : transaction(script, List.of(statement));
                if (stop != null) {
                    return stop;
                }
            }
            return null;
        }

        /** Statements in one transaction, each traced in it; the locks' hold times run to its commit. */
        private String transaction(MigrationScript script, List<SqlStatement> statements) throws SQLException {
            int number = ++transactions;
            connection.setAutoCommit(false);
            List<Pending> pending = new ArrayList<>();
            Set<String> held = new HashSet<>(locks(connection, pid).keySet());
            try (Statement s = connection.createStatement()) {
                for (SqlStatement statement : statements) {
                    String lockTimeout = show(s, "lock_timeout");
                    CatalogState before = CatalogState.read(connection);
                    long start = System.nanoTime();
                    try {
                        s.execute(statement.text());
                    } catch (SQLException e) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                        return failed(script, statement, e);
                    }
                    long time = System.nanoTime() - start;
                    Map<String, LockMode> now = locks(connection, pid);
                    Map<String, LockMode> taken = new LinkedHashMap<>(now);
                    taken.keySet().removeAll(held);
                    held.addAll(now.keySet());
                    CatalogState after = CatalogState.read(connection);
                    pending.add(new Pending(script, statement, time, lockTimeout, taken, before, after,
                            after.since(before, existing, connection)));
                }
                long commitStart = System.nanoTime();
                connection.commit();
                long commit = System.nanoTime() - commitStart;
                connection.setAutoCommit(true);
                for (int i = 0; i < pending.size(); i++) {
                    long heldFor = commit;
                    long laterTime = 0;
                    for (int j = i; j < pending.size(); j++) {
                        heldFor += pending.get(j).time;
                        laterTime += j > i ? pending.get(j).time : 0;
                    }
                    Later later = i + 1 < pending.size() ? new Later(pending.size() - i - 1,
                            pending.get(i + 1).statement.startLine(), Duration.ofNanos(laterTime)) : Later.NONE;
                    traced.add(pending.get(i).traced(number, true, Duration.ofNanos(heldFor), later));
                }
            } catch (SQLException e) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                throw e;
            }
            return null;
        }

        /** A statement outside any transaction block, its locks sampled from the observer session while it runs. */
        private String sampled(MigrationScript script, SqlStatement statement) throws SQLException {
            int number = ++transactions;
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                String lockTimeout = show(s, "lock_timeout");
                CatalogState before = CatalogState.read(connection);
                Map<String, LockMode> seen = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
                java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            seen.putAll(locks(observer, pid));
                            Thread.sleep(2);
                        } catch (SQLException | InterruptedException e) {
                            return;
                        }
                    }
                }, "dbcheck-lock-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long start = System.nanoTime();
                try {
                    s.execute(statement.text());
                } catch (SQLException e) {
                    return failed(script, statement, e);
                } finally {
                    running.set(false);
                    try {
                        sampler.join(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                long time = System.nanoTime() - start;
                CatalogState after = CatalogState.read(connection);
                Pending p = new Pending(script, statement, time, lockTimeout, new LinkedHashMap<>(seen), before, after,
                        after.since(before, existing, connection));
                traced.add(p.traced(number, false, Duration.ofNanos(time), Later.NONE));
            }
            return null;
        }

        private String failed(MigrationScript script, SqlStatement statement, SQLException e) {
            return script.displayPath() + ":" + DatabaseErrors.line(statement, e) + ": " + DatabaseErrors.message(e)
                    + " — on the synthetic data at the declared volumes; this statement and the ones after it were "
                    + "not traced";
        }

        /** One statement's record before its transaction ends (its hold times are known at the commit). */
        private final class Pending {
            final MigrationScript script;
            final SqlStatement statement;
            final long time;
            final String lockTimeout;
            final Map<String, LockMode> taken;
            final Map<Long, CatalogState.Relation> names;
            final CatalogState.Changes changes;

            Pending(MigrationScript script, SqlStatement statement, long time, String lockTimeout,
                    Map<String, LockMode> taken, CatalogState before, CatalogState after,
                    CatalogState.Changes changes) {
                this.script = script;
                this.statement = statement;
                this.time = time;
                this.lockTimeout = lockTimeout;
                this.taken = taken;
                this.names = CatalogState.union(before, after);
                this.changes = changes;
            }

            TracedStatement traced(int transaction, boolean inTransaction, Duration held, Later later) {
                List<HeldLock> locks = new ArrayList<>();
                for (Map.Entry<String, LockMode> lock : taken.entrySet()) {
                    long oid = Long.parseLong(lock.getKey().substring(0, lock.getKey().indexOf(':')));
                    CatalogState.Relation relation = names.get(oid);
                    if (relation == null) {
                        continue; // a catalog table, read by the statement or by the trace itself
                    }
                    CatalogState.Relation table = relation.table() != 0 && names.containsKey(relation.table())
                            ? names.get(relation.table()) : relation;
                    locks.add(new HeldLock(relation.name(), kind(relation.kind()), table.name(),
                            relation.columns(), lock.getValue(),
                            existing.contains(oid), rows.getOrDefault(table.name(), 0L), held));
                }
                return new TracedStatement(new SourcePosition(script.displayPath(), statement.startLine()),
                        statement.text(), transaction, inTransaction, Duration.ofNanos(time), lockTimeout, locks,
                        changes.rewritten(), changes.constraints(), changes.notNull(), changes.columns(),
                        changes.indexes(), changes.destructions(), later);
            }
        }
    }

    /** Flyway's per-script setting {@code executeInTransaction=false}, in {@code V2__x.sql.conf} beside it. */
    private static boolean outsideTransaction(MigrationScript script) {
        Path conf = script.file().resolveSibling(script.file().getFileName() + ".conf");
        try {
            return Files.isRegularFile(conf) && Files.readAllLines(conf).stream().map(String::strip)
                    .anyMatch(l -> l.replace(" ", "").equalsIgnoreCase("executeInTransaction=false"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT current_setting('" + setting + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The granted relation locks of a backend in this database, {@code oid:mode} to mode. */
    private static Map<String, LockMode> locks(Connection connection, int pid) throws SQLException {
        Map<String, LockMode> locks = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT relation::bigint, mode FROM pg_locks "
                + "WHERE pid = ? AND locktype = 'relation' AND granted AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
            p.setInt(1, pid);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    LockMode mode = LockMode.ofPgLocks(r.getString(2));
                    if (mode != null) {
                        locks.put(r.getLong(1) + ":" + mode.name(), mode);
                    }
                }
            }
        }
        return locks;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r" -> "table";
            case "p" -> "partitioned table";
            case "m" -> "materialized view";
            case "i" -> "index";
            case "I" -> "partitioned index";
            default -> relkind;
        };
    }
}
