package dev.dbcheck.synthetic;

import dev.dbcheck.base.Wording;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.schema.Column;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.schema.EnumType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;
import org.postgresql.util.PSQLException;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the migrated database with synthetic rows at the declared volumes, driven by the snapshot.
 *
 * <p>Every column is a deterministic function of the table, the column and the row number, computed by one
 * {@code INSERT ... SELECT ... FROM generate_series} per table on the server. Keys are distinct by construction
 * and a foreign key column computes the key of the parent row it picks, so references are consistent without
 * lookups and without a load order (self-references and cycles included); foreign key checks and triggers are off
 * during the load ({@code session_replication_role = replica}). Identity, serial and generated columns are left to
 * PostgreSQL; children compute the identity values the parent's sequence will hand out. Rows are inserted in a
 * permuted order ({@code i·P mod N}), so physical order is not key order. Simple check constraints and partition
 * bounds are respected; a check the generator cannot satisfy is named in the error. Afterwards every loaded table
 * is vacuumed and analyzed and materialized views are refreshed.
 */
public final class SyntheticData {

    private static final Pattern RANGE_BOUND = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");
    private static final Pattern LIST_BOUND = Pattern.compile("FOR VALUES IN \\((.+)\\)");
    private static final Pattern PARTITION_COLUMN = Pattern.compile("^(RANGE|LIST) \\((\\w+)\\)$");

    private final SchemaSnapshot schema;
    private final DataSpec config;
    private final EngineLog log;
    private final Map<String, EnumType> enums = new HashMap<>();

    /** What the load did to one table. */
    public record TableLoad(QualifiedName table, long existingRows, long generatedRows, Duration time) {
    }

    /**
     * The tables the declared queries read, each with the name of a query that reads it; null to fill every table.
     * With it, only those tables, what they reference (transitively: their rows need parent rows) and the tables
     * with a declared volume get rows.
     */
    private Map<QualifiedName, String> readByQueries;

    /** Fills only what the queries read (see {@link #readByQueries}); returns this. */
    public SyntheticData onlyFor(Map<QualifiedName, String> tablesReadByQueries) {
        this.readByQueries = tablesReadByQueries == null ? null : new LinkedHashMap<>(tablesReadByQueries);
        return this;
    }

    /** Whether the tables stay logged through the load (see {@link #keepingWal}). */
    private boolean keepWal;

    /**
     * Loads the tables as they are, logged: for the migration safety trace, where a later statement's time on the
     * table must be what it is in production, WAL included ({@code SET LOGGED} would rewrite every table). Returns
     * this.
     */
    public SyntheticData keepingWal() {
        this.keepWal = true;
        return this;
    }

    public SyntheticData(SchemaSnapshot schema, DataSpec config, EngineLog log) {
        this.schema = schema;
        this.config = config;
        this.log = log;
        for (EnumType e : schema.enums()) {
            enums.put(e.name().name(), e);
            enums.put(e.name().toString(), e);
        }
    }

    /** How one table is filled: how many rows it has and gets, and how its keys are computed. */
    private final class Model {
        final Table table;
        final long existing;
        final long rows;
        /** Values computed by PostgreSQL: identity and serial columns, with the next value of their sequence. */
        final Map<String, long[]> sequenceColumns = new HashMap<>();
        /** The values of a table that keeps its rows (reference data), by column, for children to pick from. */
        final Map<String, List<String>> existingValues = new HashMap<>();

        Model(Table table, long existing, long rows) {
            this.table = table;
            this.existing = existing;
            this.rows = rows;
        }

        /** Rows a child can reference: the generated ones, else the existing ones. */
        long referenceable() {
            return rows > 0 ? rows : existing;
        }

        /** The value of a key column at a 0-based row index, as the child sees it. */
        String keyAt(String column, String index) throws DbcheckException {
            Column c = table.column(column).orElseThrow();
            if (rows > 0) {
                long[] sequence = sequenceColumns.get(column);
                if (sequence != null) {
                    return "(" + sequence[0] + " + (" + index + ") * " + sequence[1] + ")";
                }
                return "(" + ValueExpressions.distinctValue(c, index, limits(table).limits.get(column),
                        seed(table, column), timeOrdered(c)) + ")::" + c.type();
            }
            List<String> values = existingValues.get(column);
            if (values == null || values.isEmpty()) {
                throw new DbcheckException("Cannot generate rows referencing " + table.name() + ": it is empty and "
                        + "has no declared volume; give it one under " + Wording.current().setting("dashboards.volumes"));
            }
            return "(ARRAY[" + String.join(", ", values) + "]::" + c.type() + "[])[1 + ((" + index + ") % "
                    + values.size() + ")]";
        }
    }

    private final Map<QualifiedName, Model> models = new LinkedHashMap<>();
    private final Map<QualifiedName, CheckConstraints> checks = new HashMap<>();

    private CheckConstraints limits(Table table) {
        return checks.computeIfAbsent(table.name(), k -> {
            CheckConstraints c = CheckConstraints.of(table);
            partitionLimits(table, c);
            return c;
        });
    }

    public List<TableLoad> load(Connection connection) throws DbcheckException {
        return load(connection, null);
    }

    /**
     * @param sessions opens another session of the same database, so that tables load side by side (foreign key
     *                 checks are off, so no table waits for another); null to load them one after another
     */
    public List<TableLoad> load(Connection connection, java.util.concurrent.Callable<Connection> sessions)
            throws DbcheckException {
        validateConfig();
        try {
            plan(connection);
            List<TableLoad> loads = new ArrayList<>();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                List<Index> deferred = deferredIndexes();
                for (Index index : deferred) {
                    s.execute("DROP INDEX " + Identifiers.alwaysQuote(schemaOf(index)) + "."
                            + Identifiers.alwaysQuote(index.name()));
                }
                List<DeferredKey> keys = deferredKeys();
                dropKeys(s, keys);
                boolean superuser = superuser(s);
                List<String> restore = superuser ? List.of() : suspendChecks(s);
                if (superuser) {
                    s.execute("SET session_replication_role = replica"); // no FK checks, no triggers during the load
                }
                s.execute("SET synchronous_commit = off");
                long unloggedStart = System.nanoTime();
                List<Table> unlogged = keepWal ? List.of() : withoutWal(s);
                if (!unlogged.isEmpty()) {
                    log.debug(String.format(Locale.ROOT, "Synthetic data: %d table%s unlogged for the load in %.2f s",
                            unlogged.size(), unlogged.size() == 1 ? "" : "s",
                            (System.nanoTime() - unloggedStart) / 1e9));
                }
                List<Model> order = loadOrder();
                Map<QualifiedName, TableLoad> inserted;
                try {
                    inserted = insertAll(s, superuser, order, sessions);
                } catch (DbcheckException | SQLException | RuntimeException e) {
                    // the schema as the migrations left it, for whatever looks at this database next (the rows
                    // of the failed table were rolled back; what was loaded satisfies the keys by construction)
                    restore(connection, keys, deferred);
                    throw e;
                }
                for (Model model : order) {
                    loads.add(model.rows > 0 ? inserted.get(model.table.name())
                            : new TableLoad(model.table.name(), model.existing, 0, Duration.ZERO));
                }
                if (superuser) {
                    s.execute("SET session_replication_role = DEFAULT");
                }
                for (String sql : restore) {
                    s.execute(sql);
                }
                if (!deferred.isEmpty() || !keys.isEmpty()) {
                    long start = System.nanoTime();
                    s.execute("SET maintenance_work_mem = '256MB'");
                    s.execute("SET max_parallel_maintenance_workers = 2");
                    addKeys(s, keys);
                    for (Index index : deferred) {
                        s.execute(index.definition());
                        if (index.comment() != null) {
                            s.execute("COMMENT ON INDEX " + Identifiers.alwaysQuote(schemaOf(index)) + "."
                                    + Identifiers.alwaysQuote(index.name()) + " IS "
                                    + CheckConstraints.quote(index.comment()));
                        }
                    }
                    s.execute("RESET maintenance_work_mem");
                    s.execute("RESET max_parallel_maintenance_workers");
                    log.info(String.format(Locale.ROOT, "Synthetic data: built %d key%s and %d secondary index%s "
                            + "after the load in %.1f s", keys.size(), keys.size() == 1 ? "" : "s", deferred.size(),
                            deferred.size() == 1 ? "" : "es", (System.nanoTime() - start) / 1e9));
                }
                long vacuumStart = System.nanoTime();
                int vacuumed = 0;
                for (Model model : models.values()) {
                    if (model.rows > 0) {
                        s.execute("VACUUM (ANALYZE) " + relation(model.table));
                        vacuumed++;
                    }
                }
                log.info(String.format(Locale.ROOT, "Synthetic data: vacuumed and analyzed %d table%s in %.1f s",
                        vacuumed, vacuumed == 1 ? "" : "s", (System.nanoTime() - vacuumStart) / 1e9));
                long refreshStart = System.nanoTime();
                // after VACUUM ANALYZE: planned on tables never analyzed, a view's query took three times as long
                // (and beside the index builds, on two cores, nothing was won)
                List<Table> views = viewsToRefresh(connection);
                for (Table view : views) {
                    s.execute("REFRESH MATERIALIZED VIEW " + relation(view));
                    s.execute("ANALYZE " + relation(view));
                }
                int refreshed = views.size();
                if (refreshed > 0) {
                    log.info(String.format(Locale.ROOT, "Synthetic data: refreshed %d materialized view%s in %.1f s",
                            refreshed, refreshed == 1 ? "" : "s", (System.nanoTime() - refreshStart) / 1e9));
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return loads;
        } catch (SQLException e) {
            throw new DbcheckException("Cannot load synthetic data: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the plain tables unlogged, so that the load writes no WAL for them (the throwaway database is
     * never recovered, and the planner does not look at persistence); they stay unlogged. A permanent table may not
     * reference an unlogged one, so a table is switched only when every table that references it is switched too,
     * referencing tables first; partitioned tables, partitions and tables of a foreign-key cycle stay as they are.
     *
     * @return the tables made unlogged, in the order they were
     */
    private List<Table> withoutWal(Statement s) throws SQLException {
        // every plain table: the empty ones cost nothing to switch, and each one left permanent would keep the
        // tables it references permanent too
        Map<QualifiedName, Table> candidates = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            if (t.kind() == TableKind.TABLE && !t.isPartition()) {
                candidates.put(t.name(), t);
            }
        }
        // who references whom (self-references do not count: PostgreSQL ignores them too)
        Map<QualifiedName, Set<QualifiedName>> referencedBy = new HashMap<>();
        for (Table t : schema.tables()) {
            for (Constraint fk : t.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.references() != null && !fk.references().table().equals(t.name())) {
                    referencedBy.computeIfAbsent(fk.references().table(), k -> new HashSet<>())
                            .add(t.name());
                }
            }
        }
        // a table is switched once every table referencing it is: one that never can be (a partition, a table of a
        // cycle, one the switch refused) keeps it, and what it references, permanent
        List<Table> done = new ArrayList<>();
        Set<QualifiedName> switched = new HashSet<>();
        Set<QualifiedName> failed = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Table t : candidates.values()) {
                if (!switched.contains(t.name()) && !failed.contains(t.name())
                        && switched.containsAll(referencedBy.getOrDefault(t.name(), Set.of()))) {
                    try {
                        s.execute("ALTER TABLE " + relation(t) + " SET UNLOGGED");
                        switched.add(t.name());
                        done.add(t);
                        progress = true;
                    } catch (SQLException e) {
                        // a table outside the checked schemas references it, say: it stays permanent, and so do
                        // the tables it references (they are never reached)
                        failed.add(t.name());
                        log.debug("Synthetic data: " + t.name() + " stays logged: " + e.getMessage());
                    }
                }
            }
        }
        return done;
    }

    /** At most this many sessions load at once: one per core, and the server's cores are not known here. */
    private static final int MAX_SESSIONS = 4;

    /**
     * Inserts every table that gets rows: in this session alone, or — given {@code sessions} and more than one
     * table — in one session per core, the biggest tables first, so that the longest load starts at once. The
     * first failure cancels the statements still running and is the one reported.
     */
    private Map<QualifiedName, TableLoad> insertAll(Statement s, boolean superuser, List<Model> order,
                                                   java.util.concurrent.Callable<Connection> sessions)
            throws DbcheckException, SQLException {
        List<Model> toLoad = order.stream().filter(m -> m.rows > 0).toList();
        Map<QualifiedName, TableLoad> inserted = new java.util.concurrent.ConcurrentHashMap<>();
        int workers = sessions == null ? 1 : Math.min(toLoad.size(),
                Math.min(MAX_SESSIONS, Runtime.getRuntime().availableProcessors()));
        if (workers <= 1) {
            for (Model model : toLoad) {
                inserted.put(model.table.name(), insert(s, model));
            }
            return inserted;
        }
        Map<Model, String> sql = new HashMap<>();
        for (Model model : toLoad) {
            sql.put(model, insertSql(model)); // here, in one thread: the sessions only run them
        }
        java.util.Queue<Model> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(toLoad.stream()
                .sorted(java.util.Comparator.comparingLong((Model m) -> m.rows).reversed()).toList());
        List<Connection> opened = new ArrayList<>();
        List<Statement> statements = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(s));
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 1; i < workers; i++) {
                Connection c;
                try {
                    c = sessions.call();
                } catch (Exception e) {
                    log.debug("Synthetic data: one session fewer (" + e.getMessage() + ")");
                    break;
                }
                opened.add(c);
                Statement extra = c.createStatement();
                if (superuser) {
                    extra.execute("SET session_replication_role = replica");
                }
                extra.execute("SET synchronous_commit = off");
                statements.add(extra);
            }
            for (Statement statement : statements.subList(1, statements.size())) {
                Thread t = new Thread(() -> drain(queue, sql, statement, inserted, failure, statements),
                        "dbcheck-synthetic-load");
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            drain(queue, sql, s, inserted, failure, statements);
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbcheckException("Interrupted while loading synthetic data", e);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
        Exception first = failure.get();
        if (first instanceof DbcheckException d) {
            throw d;
        }
        if (first instanceof SQLException e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        return inserted;
    }

    /** One session's share of the load: tables from the queue until it is empty or another session failed. */
    private void drain(java.util.Queue<Model> queue, Map<Model, String> sql, Statement statement,
                       Map<QualifiedName, TableLoad> inserted,
                       java.util.concurrent.atomic.AtomicReference<Exception> failure, List<Statement> all) {
        Model model;
        while (failure.get() == null && (model = queue.poll()) != null) {
            try {
                inserted.put(model.table.name(), insert(statement, model, sql.get(model)));
            } catch (DbcheckException | SQLException | RuntimeException e) {
                if (failure.compareAndSet(null, e)) {
                    for (Statement other : all) {
                        if (other != statement) {
                            try {
                                other.cancel(); // the load has failed: the others need not finish
                            } catch (SQLException ignored) {
                                // it finishes on its own
                            }
                        }
                    }
                }
                return;
            }
        }
    }

    /** schema.table always quoted, as {@link #relation} writes it. */
    private static final String QUOTED = "'\"' || replace(%s, '\"', '\"\"') || '\".\"' || replace(%s, '\"', '\"\"') || '\"'";

    private static boolean superuser(Statement s) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('is_superuser') = 'on'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Without superuser rights (the server provider's CI role) session_replication_role cannot be set. The owner
     * of the tables may instead drop the foreign keys of the tables being loaded and add them back afterwards —
     * one validating join per key, cheaper than row-by-row checks — and disable the tables' own triggers.
     * Returns the statements that restore both.
     */
    private List<String> suspendChecks(Statement s) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        java.util.Set<String> loaded = new java.util.HashSet<>();
        for (Model model : models.values()) {
            if (model.rows > 0) {
                loaded.add(relation(model.table));
            }
        }
        try (java.sql.ResultSet rs = s.executeQuery("SELECT " + QUOTED.formatted("n.nspname", "c.relname") + ", "
                + QUOTED.formatted("rn.nspname", "r.relname") + ", quote_ident(k.conname), pg_get_constraintdef(k.oid) "
                + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn "
                + "ON rn.oid = r.relnamespace WHERE k.contype = 'f' AND k.conparentid = 0 ORDER BY 1, 3")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (loaded.contains(table) || loaded.contains(rs.getString(2))) {
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(3));
                    restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(3) + " "
                            + rs.getString(4));
                }
            }
        }
        for (String table : loaded) {
            drop.add("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            restore.add("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
        for (String sql : drop) {
            s.execute(sql);
        }
        return restore;
    }

    /**
     * Indexes built once after the load instead of row by row during it, the way pg_restore does: a bulk build
     * sorts once and is several times faster than maintaining a B-tree (or a GIN) through millions of inserts.
     * Only plain secondary indexes of plain tables that get rows: not unique (they must reject duplicates while
     * rows arrive), not behind a constraint, not on partitioned tables (their partitions' index names must stay).
     */
    private List<Index> deferredIndexes() {
        List<Index> deferred = new ArrayList<>();
        indexSchemas.clear();
        for (Model model : models.values()) {
            if (model.rows == 0 || model.table.kind() != TableKind.TABLE || model.table.isPartition()) {
                continue;
            }
            for (Index index : model.table.indexes()) {
                if (!index.unique() && !index.primary() && index.constraintName() == null && index.valid()
                        && !index.partitioned() && index.parentIndex() == null && index.definition() != null) {
                    deferred.add(index);
                    indexSchemas.put(index, model.table.schema());
                }
            }
        }
        return deferred;
    }

    private final Map<Index, String> indexSchemas = new HashMap<>();

    /** A primary key or unique constraint dropped before the inserts and added again after them. */
    private record DeferredKey(Table table, Constraint constraint, Index index) {
    }

    /**
     * Primary keys and unique constraints built after the load instead of row by row (random-key B-tree inserts
     * are most of a big table's load): those of plain tables that get rows and none before, whose index is
     * their own (same name, valid) and that no foreign key depends on (PostgreSQL would not drop them). The
     * generator makes their values distinct by construction; adding them back proves it.
     */
    private List<DeferredKey> deferredKeys() {
        Set<QualifiedName> referenced = new HashSet<>();
        for (Table t : schema.tables()) {
            for (Constraint fk : t.constraints(ConstraintType.FOREIGN_KEY)) {
                referenced.add(fk.references().table());
            }
        }
        List<DeferredKey> deferred = new ArrayList<>();
        for (Model model : models.values()) {
            Table table = model.table;
            if (model.rows == 0 || model.existing > 0 || table.kind() != TableKind.TABLE || table.isPartition()
                    || referenced.contains(table.name())) {
                continue;
            }
            for (Constraint c : table.constraints()) {
                if (c.type() != ConstraintType.PRIMARY_KEY && c.type() != ConstraintType.UNIQUE) {
                    continue;
                }
                Index index = table.indexes().stream().filter(i -> i.name().equals(c.name())).findFirst()
                        .orElse(null);
                if (index != null && index.valid() && !c.inherited() && c.definition() != null) {
                    deferred.add(new DeferredKey(table, c, index));
                }
            }
        }
        return deferred;
    }

    /**
     * The materialized views to refresh: those the queries read (a view no query reads is not worth its refresh:
     * it may aggregate the biggest tables), every one when all tables are filled; a view that reads another
     * view after that one.
     */
    private List<Table> viewsToRefresh(Connection connection) throws SQLException {
        List<Table> pending = new ArrayList<>();
        for (Table view : schema.tables()) {
            if (view.isMaterializedView() && (neededTables == null || neededTables.contains(view.name()))) {
                pending.add(view);
            }
        }
        Map<QualifiedName, List<QualifiedName>> sources = new HashMap<>();
        for (Table view : pending) {
            sources.put(view.name(), viewSources(connection, view.name()));
        }
        List<Table> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = pending.stream().filter(v -> sources.get(v.name()).stream()
                    .noneMatch(src -> pending.stream().anyMatch(p -> p.name().equals(src))))
                    .findFirst().orElse(pending.get(0)); // PostgreSQL allows no cycle among views
            pending.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** Best effort, after a failed load: the dropped keys and indexes back, each on its own. */
    private void restore(Connection connection, List<DeferredKey> keys, List<Index> indexes) {
        try (Statement s = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            for (DeferredKey key : keys) {
                try {
                    addKeys(s, List.of(key));
                } catch (SQLException | DbcheckException ignored) {
                    // reported by the failure that is thrown
                }
            }
            for (Index index : indexes) {
                try {
                    s.execute(index.definition());
                } catch (SQLException ignored) {
                    // the same
                }
            }
        } catch (SQLException ignored) {
            // the connection itself failed: the run fails with the load's error
        }
    }

    private void dropKeys(Statement s, List<DeferredKey> keys) throws SQLException {
        for (DeferredKey key : keys) {
            s.execute("ALTER TABLE " + relation(key.table()) + " DROP CONSTRAINT "
                    + Identifiers.alwaysQuote(key.constraint().name()));
        }
    }

    /** The keys as they were: definition (INCLUDE, WITH, DEFERRABLE...), name, and the comments on both. */
    private void addKeys(Statement s, List<DeferredKey> keys) throws SQLException, DbcheckException {
        for (DeferredKey key : keys) {
            String name = Identifiers.alwaysQuote(key.constraint().name());
            try {
                s.execute("ALTER TABLE " + relation(key.table()) + " ADD CONSTRAINT " + name + " "
                        + key.constraint().definition());
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new DbcheckException("Cannot generate rows for " + key.table().name() + " with distinct ("
                            + String.join(", ", key.constraint().columns()) + ") (" + key.constraint().name()
                            + "): the generated values repeat; declare distinct values for its columns under "
                            + Wording.current().setting("dashboards.columns"), e);
                }
                throw e;
            }
            if (key.constraint().comment() != null) {
                s.execute("COMMENT ON CONSTRAINT " + name + " ON " + relation(key.table()) + " IS "
                        + CheckConstraints.quote(key.constraint().comment()));
            }
            if (key.index().comment() != null) {
                s.execute("COMMENT ON INDEX " + Identifiers.alwaysQuote(key.table().schema()) + "." + name + " IS "
                        + CheckConstraints.quote(key.index().comment()));
            }
        }
    }

    private String schemaOf(Index index) {
        return indexSchemas.get(index);
    }

    /**
     * Parents before children, so that the log reads in the order a reader expects (the keys do not need it: a
     * child computes its parent's key from the parent's row number). A cycle is broken where it closes.
     */
    private List<Model> loadOrder() {
        List<Model> ordered = new ArrayList<>();
        Set<QualifiedName> visiting = new HashSet<>();
        Set<QualifiedName> done = new HashSet<>();
        for (Model model : models.values()) {
            visit(model, visiting, done, ordered);
        }
        return ordered;
    }

    private void visit(Model model, Set<QualifiedName> visiting, Set<QualifiedName> done, List<Model> ordered) {
        QualifiedName name = model.table.name();
        if (done.contains(name) || !visiting.add(name)) {
            return;
        }
        for (Constraint fk : model.table.constraints(ConstraintType.FOREIGN_KEY)) {
            Model parent = models.get(fk.references().table());
            if (parent != null && parent != model) {
                visit(parent, visiting, done, ordered);
            }
        }
        visiting.remove(name);
        done.add(name);
        ordered.add(model);
    }

    private void validateConfig() throws ConfigException {
        for (String table : config.volumes().keySet()) {
            if (findTable(table) == null) {
                throw new ConfigException("dashboards.volumes." + table, "no table " + table + " in the migrated "
                        + "schema" + (table.contains(".") ? "" : " (qualify it as schema.table if it is not in public)"));
            }
            if (config.volumes().get(table) < 0) {
                throw new ConfigException("dashboards.volumes." + table, "a row count cannot be negative");
            }
        }
        for (ColumnSpec spec : config.columns()) {
            Table table = findTable(spec.table());
            if (table == null || table.column(spec.column()).isEmpty()) {
                throw new ConfigException("dashboards.columns[" + spec.table() + "." + spec.column() + "]",
                        "no such column in the migrated schema");
            }
            if (spec.nullFraction() != null && (spec.nullFraction() < 0 || spec.nullFraction() > 1)) {
                throw new ConfigException("dashboards.columns[" + spec.table() + "." + spec.column() + "].nullFraction",
                        "'" + spec.nullFraction() + "' is not between 0 and 1");
            }
        }
    }

    private Table findTable(String name) {
        for (Table t : schema.tables()) {
            if (t.name().name().equals(name) || t.name().toString().equals(name)
                    || (t.schema() + "." + t.name().name()).equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Decides rows per table, reads existing keys and sequence positions. */
    /** What {@link #needed} found, for the refreshes after the load; null when every table is filled. */
    private Set<QualifiedName> neededTables;

    private void plan(Connection connection) throws SQLException, DbcheckException {
        Set<QualifiedName> needed = needed(connection);
        neededTables = needed;
        List<String> skipped = new ArrayList<>();
        for (Table table : schema.tables()) {
            boolean fillable = (table.kind() == TableKind.TABLE || table.kind() == TableKind.PARTITIONED_TABLE)
                    && !table.isPartition();
            if (!fillable) {
                continue;
            }
            long existing = count(connection, table);
            Long declared = config.volumeOf(table.schema(), table.name().name());
            long rows;
            if (declared != null) {
                rows = Math.max(0, Math.round(declared * config.loadFraction()) - existing);
            } else if (needed != null && !needed.contains(table.name())) {
                rows = 0; // no query reads it, and nothing they read references it
                if (table.isPartitioned() && schema.partitionsOf(table).isEmpty()) {
                    log.info("Synthetic data: " + table.name() + " is partitioned and has no partitions (made at run "
                            + "time by the application?): no rows, and no declared query reads it");
                } else if (existing == 0) {
                    skipped.add(table.name().toString());
                }
            } else {
                rows = existing > 0 ? 0 : config.defaultRows();
            }
            if (rows > 0 && table.isPartitioned() && schema.partitionsOf(table).isEmpty()) {
                String reader = readByQueries == null ? null : readByQueries.get(table.name());
                if (declared == null && reader == null) {
                    rows = 0;
                    log.info("Synthetic data: " + table.name() + " is partitioned and has no partitions (made at run "
                            + "time by the application?): no rows, and no declared query reads it");
                } else {
                    throw new DbcheckException("Cannot generate rows for " + table.name() + ": it is partitioned "
                            + "and has no partitions, and " + (reader != null ? "dashboard query " + reader
                            + " reads it" : "a volume is declared for it") + ". Create the partitions the "
                            + "application makes at run time in a migration, or for dbcheck only in a sampleData SQL "
                            + "file (it runs before the load): CREATE TABLE " + table.name().name() + "_default "
                            + "PARTITION OF " + table.name() + " DEFAULT;");
                }
            }
            Model model = new Model(table, existing, rows);
            for (Column c : table.columns()) {
                if (c.isIdentity() || c.defaultsToSequence()) {
                    model.sequenceColumns.put(c.name(), nextValue(connection, c));
                }
            }
            if (rows == 0 && existing > 0) {
                for (String column : referencedColumns(table)) {
                    model.existingValues.put(column, existingValues(connection, table, column));
                }
            }
            models.put(table.name(), model);
        }
        if (!skipped.isEmpty()) {
            log.info("Synthetic data: no rows for " + skipped.size() + " table" + (skipped.size() == 1 ? "" : "s")
                    + " no dashboard query reads (give one a volume to fill it): " + String.join(", ",
                    skipped.subList(0, Math.min(10, skipped.size()))) + (skipped.size() > 10 ? ", ..." : ""));
        }
    }

    /**
     * The tables that get rows when only the queries' tables are filled: those read (a partition stands for its
     * partitioned table; a materialized view for the tables its query reads), then everything they reference, to
     * the end of every foreign key chain. Null when every table is filled.
     */
    private Set<QualifiedName> needed(Connection connection) throws SQLException {
        if (readByQueries == null) {
            return null;
        }
        java.util.ArrayDeque<QualifiedName> todo = new java.util.ArrayDeque<>();
        for (QualifiedName read : readByQueries.keySet()) {
            QualifiedName root = read;
            Optional<Table> t = schema.table(root);
            while (t.isPresent() && t.get().partitionOf() != null) {
                root = t.get().partitionOf();
                t = schema.table(root);
            }
            todo.add(root);
        }
        Set<QualifiedName> needed = new HashSet<>();
        while (!todo.isEmpty()) {
            QualifiedName name = todo.poll();
            if (!needed.add(name)) {
                continue;
            }
            Optional<Table> read = schema.table(name);
            if (read.isPresent() && read.get().isMaterializedView()) {
                todo.addAll(viewSources(connection, name)); // a view of views, too
            }
            read.ifPresent(table -> {
                for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                    todo.add(fk.references().table());
                }
                for (Table partition : schema.partitionsOf(table)) {
                    for (Constraint fk : partition.constraints(ConstraintType.FOREIGN_KEY)) {
                        todo.add(fk.references().table());
                    }
                }
            });
        }
        return needed;
    }

    /** The tables and views a materialized view's query reads ({@code pg_depend} of its rewrite rule). */
    private static List<QualifiedName> viewSources(Connection connection, QualifiedName view) throws SQLException {
        List<QualifiedName> sources = new ArrayList<>();
        try (java.sql.PreparedStatement s = connection.prepareStatement("SELECT DISTINCT n.nspname, c.relname "
                + "FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
                + "AND d.refclassid = 'pg_class'::regclass "
                + "JOIN pg_class c ON c.oid = d.refobjid AND c.oid <> r.ev_class "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE r.ev_class = (quote_ident(?) || '.' || quote_ident(?))::regclass")) {
            s.setString(1, view.schema());
            s.setString(2, view.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sources.add(new QualifiedName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return sources;
    }

    /** Columns of this table that foreign keys point at. */
    private Set<String> referencedColumns(Table table) {
        Set<String> columns = new HashSet<>();
        for (Table t : schema.tables()) {
            for (Constraint fk : t.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.references().table().equals(table.name())) {
                    columns.addAll(fk.references().columns());
                }
            }
        }
        return columns;
    }

    private static long count(Connection connection, Table table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + relation(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> existingValues(Connection connection, Table table, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT " + Identifiers.alwaysQuote(column) + "::text FROM "
                     + relation(table) + " WHERE " + Identifiers.alwaysQuote(column) + " IS NOT NULL LIMIT 100000")) {
            while (rs.next()) {
                values.add(CheckConstraints.quote(rs.getString(1)));
            }
        }
        return values;
    }

    /** The next value and increment of the sequence behind an identity or serial column. */
    private static long[] nextValue(Connection connection, Column column) throws SQLException {
        if (column.ownedSequence() == null) {
            return new long[] {1, 1};
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(last_value + increment_by, start_value), increment_by "
                     + "FROM pg_sequences WHERE format('%I.%I', schemaname, sequencename) = "
                     + CheckConstraints.quote(column.ownedSequence()))) {
            if (rs.next()) {
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
        return new long[] {1, 1};
    }

    private TableLoad insert(Statement statement, Model model) throws DbcheckException, SQLException {
        return insert(statement, model, insertSql(model));
    }

    /** The INSERT of one table; built in one thread, since the expressions share the generator's caches. */
    private String insertSql(Model model) throws DbcheckException {
        Table table = model.table;
        Map<String, String> expressions = expressions(model);
        List<String> columns = new ArrayList<>(expressions.keySet());
        long n = model.rows;
        long prime = coprime(n);
        // a table whose every column PostgreSQL fills (an identity key alone) gets rows of defaults: no column list
        String sql = "INSERT INTO " + relation(table) + (columns.isEmpty() ? "" : " ("
                + String.join(", ", columns.stream().map(Identifiers::alwaysQuote).toList()) + ")") + " SELECT "
                + String.join(", ", columns.stream().map(expressions::get).toList())
                + " FROM generate_series(0::bigint, " + (n - 1) + ") AS g(i), LATERAL (SELECT (g.i * " + prime + " % " + n
                + ")::bigint AS " + ValueExpressions.ROW + ") AS p";
        log.debug("Synthetic data for " + table.name() + ": " + sql);
        return sql;
    }

    private TableLoad insert(Statement statement, Model model, String sql) throws DbcheckException, SQLException {
        Table table = model.table;
        long n = model.rows;
        long start = System.nanoTime();
        try {
            statement.execute(sql);
        } catch (PSQLException e) {
            throw explain(table, e);
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        log.info(String.format(Locale.ROOT, "Synthetic data: %s %,d rows in %.1f s (%,.0f rows/s)", table.name(), n,
                time.toNanos() / 1e9, n / Math.max(time.toNanos() / 1e9, 1e-9)));
        return new TableLoad(table.name(), model.existing, n, time);
    }

    /** An error that names what the user can change: the check constraint, the unique index, the partition. */
    private DbcheckException explain(Table table, PSQLException e) {
        String state = e.getSQLState();
        String constraint = e.getServerErrorMessage() != null ? e.getServerErrorMessage().getConstraint() : null;
        String message = e.getServerErrorMessage() != null ? e.getServerErrorMessage().getMessage() : e.getMessage();
        if ("23514".equals(state) && constraint != null) {
            String definition = table.constraints().stream().filter(c -> c.name().equals(constraint))
                    .map(Constraint::definition).findFirst().orElse("");
            return new DbcheckException("Cannot generate rows for " + table.name() + " that satisfy check constraint "
                    + Identifiers.quote(constraint) + " (" + definition + "): the generator does not understand it; "
                    + "declare the values of its columns under " + Wording.current().setting("dashboards.columns")
                    + " (values, min, max)", e);
        }
        if ("23505".equals(state)) {
            return new DbcheckException("Cannot generate distinct values for " + table.name() + " (" + message
                    + "): declare distinct values for the columns of " + (constraint == null ? "its unique index"
                    : Identifiers.quote(constraint)) + " under " + Wording.current().setting("dashboards.columns"), e);
        }
        if ("23514".equals(state) || message.contains("no partition")) {
            return new DbcheckException("Cannot generate rows for " + table.name() + ": " + message
                    + "; declare min and max of its partition key under "
                    + Wording.current().setting("dashboards.columns"), e);
        }
        return new DbcheckException("Cannot generate rows for " + table.name() + ": " + message, e);
    }

    /** Column → SQL expression, for every column the INSERT fills. */
    private Map<String, String> expressions(Model model) throws DbcheckException {
        Table table = model.table;
        CheckConstraints constraints = limits(table);
        Map<String, String> pickIndex = new HashMap<>();   // key/foreign-key columns: the row index they take
        Map<String, Model> parentOf = new HashMap<>();
        Map<String, String> parentColumn = new HashMap<>();
        for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
            Model parent = models.get(fk.references().table());
            if (parent == null || fk.inherited()) {
                continue;
            }
            String index = ValueExpressions.pick(Math.max(1, parent.referenceable()), skewOf(table, fk.columns().get(0)),
                    seed(table, fk.name()));
            for (int i = 0; i < fk.columns().size(); i++) {
                pickIndex.put(fk.columns().get(i), index);
                parentOf.put(fk.columns().get(i), parent);
                parentColumn.put(fk.columns().get(i), fk.references().columns().get(i));
            }
        }
        Map<String, List<ColumnSpec.Weighted>> keyValues = new HashMap<>(); // declared values a key column walks
        for (List<String> declaredKey : uniqueKeys(table)) {
            if (declaredKey.stream().anyMatch(model.sequenceColumns::containsKey)) {
                continue; // a sequence column keeps the key distinct by itself
            }
            List<String> key = declaredKey;
            if (key.size() > 1) {
                // a key column with declared values or a declared distinct count keeps them: when another column
                // of its own makes the key distinct, the declared one is generated as declared (weights too);
                // else it is the key's last part, each declared value at most once per group of the others
                List<String> declared = key.stream().filter(c -> !parentOf.containsKey(c)
                        && declaredDomain(table, c) > 0).toList();
                List<String> rest = key.stream().filter(c -> !declared.contains(c)).toList();
                if (!declared.isEmpty() && !rest.isEmpty()) {
                    if (rest.stream().anyMatch(c -> !parentOf.containsKey(c))) {
                        key = rest;
                    } else {
                        key = new ArrayList<>(rest);
                        key.add(declared.get(0));
                        ColumnSpec spec = specOf(table, table.column(declared.get(0)).orElseThrow());
                        if (!spec.values().isEmpty()) {
                            keyValues.put(declared.get(0), spec.values());
                        }
                    }
                }
            }
            if (key.size() == 1) {
                if (!parentOf.containsKey(key.get(0))) {
                    pickIndex.put(key.get(0), ValueExpressions.ROW);
                } else {
                    pickIndex.put(key.get(0), ValueExpressions.ROW + " % " + Math.max(1, parentOf.get(key.get(0))
                            .referenceable())); // a one-to-one child: each parent row once
                }
            } else {
                compositeKey(model, key, parentOf, pickIndex, declaredDomain(table, key.get(key.size() - 1)));
            }
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (column.generated() || model.sequenceColumns.containsKey(column.name())) {
                continue; // PostgreSQL computes these
            }
            ColumnSpec spec = specOf(table, column);
            String expression;
            Model parent = parentOf.get(column.name());
            if (parent != null) {
                if (parent.referenceable() == 0) {
                    if (column.notNull()) {
                        throw new DbcheckException("Cannot generate rows for " + table.name() + ": "
                                + Identifiers.quote(column.name()) + " references " + parent.table.name()
                                + ", which gets no rows; give it a volume under "
                                + Wording.current().setting("dashboards.volumes"));
                    }
                    expression = "NULL";
                } else {
                    expression = parent.keyAt(parentColumn.get(column.name()), pickIndex.get(column.name()));
                }
            } else if (keyValues.containsKey(column.name())) {
                List<String> literals = new ArrayList<>();
                for (ColumnSpec.Weighted v : keyValues.get(column.name())) {
                    literals.add(ValueExpressions.literal(v.value()));
                }
                expression = "(ARRAY[" + String.join(", ", literals) + "])[1 + (" + pickIndex.get(column.name())
                        + ")]";
            } else if (pickIndex.containsKey(column.name())) {
                expression = ValueExpressions.distinctValue(column, pickIndex.get(column.name()),
                        constraints.limits.get(column.name()), seed(table, column.name()), timeOrdered(column));
            } else {
                expression = ValueExpressions.value(column, spec, constraints.limits.get(column.name()), enums,
                        model.rows, seed(table, column.name()), ValueExpressions.today());
                if (expression == null) {
                    if (column.notNull() && column.defaultExpression() == null) {
                        throw new ConfigException("dashboards.columns[" + table.name().name() + "." + column.name()
                                + "]", "cannot generate values of type " + column.type() + "; declare values for it");
                    }
                    continue; // its default, or NULL
                }
            }
            double nulls = spec != null && spec.nullFraction() != null ? spec.nullFraction() : 0;
            if (nulls > 0 && !column.notNull()) {
                expression = "CASE WHEN " + ValueExpressions.uniform(seed(table, column.name() + "#null")) + " < "
                        + nulls + " THEN NULL ELSE " + expression + " END";
            }
            expressions.put(column.name(), "(" + expression + ")::" + column.type());
        }
        for (CheckConstraints.Order order : constraints.orders) {
            String earlier = expressions.get(order.earlier());
            if (earlier != null && expressions.containsKey(order.later()) && !pickIndex.containsKey(order.later())) {
                Column later = table.column(order.later()).orElseThrow();
                expressions.put(order.later(), "(" + earlier + " + " + step(later, seed(table, order.later())) + ")::"
                        + later.type());
            }
        }
        return expressions;
    }

    /** A positive distance for "later > earlier" checks: hours for times, days for dates, units for numbers. */
    private static String step(Column column, long seed) {
        String u = ValueExpressions.uniform(seed);
        return switch (column.typeName()) {
            case "timestamp", "timestamptz" -> "(interval '1 hour' + " + u + " * interval '30 days')";
            case "date" -> "(1 + floor(" + u + " * 30)::int)";
            default -> "(1 + floor(" + u + " * 100))";
        };
    }

    /**
     * A key of several columns: the first part (a foreign key group or a column) takes row / m, the last takes a
     * different value for each of the m rows of that group, so combinations never repeat.
     */
    private void compositeKey(Model model, List<String> key, Map<String, Model> parentOf, Map<String, String> pickIndex,
                              long declaredLastDomain) throws DbcheckException {
        String first = key.get(0);
        String last = key.get(key.size() - 1);
        long firstDomain = parentOf.containsKey(first) ? parentOf.get(first).referenceable() : model.rows;
        long lastDomain = parentOf.containsKey(last) ? parentOf.get(last).referenceable()
                : declaredLastDomain > 0 ? declaredLastDomain : model.rows;
        long perFirst = (model.rows + Math.max(1, firstDomain) - 1) / Math.max(1, firstDomain);
        if (perFirst > lastDomain) {
            throw new DbcheckException("Cannot generate " + model.rows + " rows for " + model.table.name()
                    + " with distinct (" + String.join(", ", key) + "): only " + firstDomain + " × " + lastDomain
                    + " combinations exist; lower its volume or raise the volumes of the tables it references");
        }
        String group = "(" + ValueExpressions.ROW + " / " + perFirst + ")";
        for (String column : key) {
            if (column.equals(last)) {
                continue;
            }
            if (!pickIndex.containsKey(column) || parentOf.get(column) == parentOf.get(first)) {
                pickIndex.put(column, column.equals(first) || parentOf.get(column) == parentOf.get(first) ? group
                        : "(" + ValueExpressions.hash(group, seed(model.table, column)) + " % "
                        + Math.max(1, parentOf.containsKey(column) ? parentOf.get(column).referenceable() : model.rows)
                        + ")");
            }
        }
        pickIndex.put(last, "((" + ValueExpressions.hash(group, seed(model.table, last)) + " + " + ValueExpressions.ROW
                + " % " + perFirst + ") % " + Math.max(1, lastDomain) + ")");
    }

    /** How many values the column specs declare for a column ({@code values}, else {@code distinct}); 0 for none. */
    private long declaredDomain(Table table, String column) {
        ColumnSpec spec = table.column(column).map(c -> specOf(table, c)).orElse(null);
        if (spec == null) {
            return 0;
        }
        return !spec.values().isEmpty() ? spec.values().size() : spec.distinct() != null ? spec.distinct() : 0;
    }

    /** The primary key and single unique keys: columns whose values must not repeat. */
    private static List<List<String>> uniqueKeys(Table table) {
        List<List<String>> keys = new ArrayList<>();
        table.primaryKey().ifPresent(pk -> keys.add(pk.columns()));
        for (Constraint unique : table.constraints(ConstraintType.UNIQUE)) {
            if (!keys.contains(unique.columns())) {
                keys.add(unique.columns());
            }
        }
        for (Index index : table.indexes()) {
            List<String> columns = index.keys().stream().map(IndexKey::column).toList();
            if (index.unique() && index.keys().stream().noneMatch(IndexKey::isExpression) && !keys.contains(columns)) {
                keys.add(columns);
            }
        }
        // The longest key first: its scheme also keeps shorter keys on the same columns distinct.
        keys.sort((a, b) -> b.size() - a.size());
        return keys;
    }

    private ColumnSpec specOf(Table table, Column column) {
        for (ColumnSpec spec : config.columns()) {
            if (spec.appliesTo(table.schema(), table.name().name(), column.name())) {
                return spec;
            }
        }
        return null;
    }

    private ColumnSpec.Skew skewOf(Table table, String column) {
        ColumnSpec spec = table.column(column).map(c -> specOf(table, c)).orElse(null);
        return spec != null && spec.skew() != null ? spec.skew() : ColumnSpec.Skew.UNIFORM;
    }

    /** Keys defaulting to uuidv7() (or any uuid key without a random default) get time-ordered values. */
    private static boolean timeOrdered(Column column) {
        String d = column.defaultExpression();
        return d == null || !(d.contains("gen_random_uuid") || d.contains("uuid_generate_v4"));
    }

    /** Partition bounds become limits of the partition key column, so every row finds its partition. */
    private void partitionLimits(Table table, CheckConstraints constraints) {
        if (!table.isPartitioned() || table.partitionKey() == null) {
            return;
        }
        Matcher key = PARTITION_COLUMN.matcher(table.partitionKey());
        if (!key.matches()) {
            return;
        }
        String column = key.group(2);
        CheckConstraints.Limits limits = constraints.limitsOf(column);
        List<String> listValues = new ArrayList<>();
        for (Table partition : schema.leafPartitionsOf(table)) {
            String bound = partition.partitionBound();
            if (bound == null || bound.equals("DEFAULT")) {
                return; // a default partition takes anything
            }
            Matcher range = RANGE_BOUND.matcher(bound);
            Matcher list = LIST_BOUND.matcher(bound);
            if (range.matches()) {
                String from = range.group(1);
                String to = range.group(2);
                if (!from.equals("MINVALUE") && (limits.min == null || lessThan(from, limits.min))) {
                    limits.min = from;
                }
                if (!to.equals("MAXVALUE") && (limits.max == null || lessThan(limits.max, to))) {
                    limits.max = to;
                    limits.maxExclusive = true;
                }
            } else if (list.matches()) {
                for (String v : list.group(1).split(",")) {
                    listValues.add(v.trim());
                }
            }
        }
        if (!listValues.isEmpty()) {
            limits.allowed = listValues;
        }
    }

    /** Compares two bound literals ('2026-01-01', 10) by their text, numerically when both are numbers. */
    private static boolean lessThan(String a, String b) {
        String x = a.replace("'", "");
        String y = b.replace("'", "");
        try {
            return new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(y)) < 0;
        } catch (NumberFormatException e) {
            return x.compareTo(y) < 0;
        }
    }

    /**
     * A multiplier that visits 0..n-1 in a scrambled order ({@code i·m mod n} is a permutation when m and n are
     * coprime): near n times the golden ratio, which spreads consecutive rows far apart.
     */
    static long coprime(long n) {
        if (n <= 2) {
            return 1;
        }
        long m = Math.max(1, Math.round(n * 0.6180339887498949));
        BigInteger big = BigInteger.valueOf(n);
        while (!big.gcd(BigInteger.valueOf(m)).equals(BigInteger.ONE)) {
            m++;
        }
        return m % n;
    }

    static long seed(Table table, String part) {
        return ((long) (table.name().toString() + "." + part).hashCode() << 16) ^ 0x5DEECE66DL;
    }

    private static String relation(Table table) {
        return Identifiers.alwaysQuote(table.schema()) + "." + Identifiers.alwaysQuote(table.name().name());
    }
}
