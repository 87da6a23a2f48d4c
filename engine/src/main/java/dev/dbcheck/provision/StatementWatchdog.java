package dev.dbcheck.provision;

import dev.dbcheck.base.EngineLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the statements of the throwaway database to a time limit from outside the sessions that run them.
 * {@code statement_timeout} is a session setting the SQL itself can switch off — {@code SET statement_timeout = 0}
 * heads every pg_dump script — so it is only the first line of defence: a thread with a connection of its own
 * looks at {@code pg_stat_activity} and cancels ({@code pg_cancel_backend}) every statement of this database that
 * has run longer than the limit, and terminates its session ({@code pg_terminate_backend}) if it still runs
 * {@link #GRACE} later (a cancel can wait on an uninterruptible wait).
 *
 * <p>It watches every client session of the database except its own ({@link #start}: while only the SQL it
 * limits runs there, the migrations), or one session ({@link #forSession}: the one that runs the project's queries
 * beside dbcheck's own long statements, with a limit per phase). It acts a little after the server's own
 * {@code statement_timeout} would ({@link #margin}), so that where that still holds, the message is PostgreSQL's.
 * Closing it stops the thread and its connection.
 */
public final class StatementWatchdog implements AutoCloseable {

    /** How long a cancelled statement may take to stop before its session is terminated. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final String OVERDUE = "SELECT pid, query_start FROM pg_stat_activity "
            + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
            + "AND state NOT IN ('idle', 'idle in transaction', 'idle in transaction (aborted)') "
            + "AND clock_timestamp() - query_start > make_interval(secs => ?) AND (? = 0 OR pid = ?)";

    private final Connection connection;
    /** The limit of the phase that runs; null while none does. */
    private volatile Duration limit;
    /** The one session watched; 0 for all but its own. */
    private final int pid;
    private final EngineLog log;
    private final Thread thread;
    private final AtomicInteger cancelled = new AtomicInteger();
    private volatile boolean closed;

    private StatementWatchdog(Connection connection, Duration limit, int pid, EngineLog log) {
        this.connection = connection;
        this.limit = limit;
        this.pid = pid;
        this.log = log;
        this.thread = new Thread(this::watch, "dbcheck-statement-watchdog");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the database's statements; with no limit (null) there is nothing to watch and the returned
     * watchdog does nothing.
     */
    public static StatementWatchdog start(ProvisionedDatabase database, Duration limit, EngineLog log)
            throws SQLException {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return new StatementWatchdog(null, null, 0, log);
        }
        return watching(database, limit, 0, log);
    }

    /**
     * Starts watching one session, the one that runs the project's queries; it limits nothing until a phase
     * sets its limit ({@link #limit}).
     */
    public static StatementWatchdog forSession(ProvisionedDatabase database, Connection session, EngineLog log)
            throws SQLException {
        return watching(database, null, session.unwrap(org.postgresql.PGConnection.class).getBackendPID(), log);
    }

    /**
     * Limits the watched statements to {@code phaseLimit} until the returned scope closes (a dashboard query's
     * {@code queryTimeout}, a custom rule's time).
     */
    public Phase limit(Duration phaseLimit) {
        limit = phaseLimit;
        return () -> limit = null;
    }

    /** A phase with a limit; closing it lifts the limit. */
    public interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    /** How much later than {@code statement_timeout} it acts: a tenth of the limit, at least half a second. */
    static Duration margin(Duration limit) {
        Duration tenth = limit.dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(500)) > 0 ? tenth : Duration.ofMillis(500);
    }

    private static StatementWatchdog watching(ProvisionedDatabase database, Duration limit, int pid, EngineLog log)
            throws SQLException {
        Connection connection = database.connect();
        try (var s = connection.createStatement()) {
            // its own queries are short; a frozen server must not hold the watchdog itself forever
            s.execute("SET statement_timeout = 10000");
            s.execute("SET application_name = 'dbcheck watchdog'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        StatementWatchdog watchdog = new StatementWatchdog(connection, limit, pid, log);
        watchdog.thread.start();
        return watchdog;
    }

    /** How many statements it cancelled. */
    public int cancelled() {
        return cancelled.get();
    }

    private void watch() {
        // pid -> the query_start it was cancelled at, and when
        Map<Integer, long[]> cancelledAt = new HashMap<>();
        while (!closed) {
            Duration current = limit;
            if (current == null) {
                cancelledAt.clear();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            long poll = Math.max(50, Math.min(250, current.toMillis() / 4));
            double seconds = current.plus(margin(current)).toNanos() / 1e9;
            try (PreparedStatement overdue = connection.prepareStatement(OVERDUE)) {
                overdue.setDouble(1, seconds);
                overdue.setInt(2, pid);
                overdue.setInt(3, pid);
                Map<Integer, Long> running = new HashMap<>();
                try (ResultSet rs = overdue.executeQuery()) {
                    while (rs.next()) {
                        running.put(rs.getInt(1), rs.getTimestamp(2).getTime());
                    }
                }
                cancelledAt.keySet().retainAll(running.keySet());
                long now = System.nanoTime();
                for (Map.Entry<Integer, Long> r : running.entrySet()) {
                    long[] earlier = cancelledAt.get(r.getKey());
                    if (earlier == null || earlier[0] != r.getValue()) {
                        cancelled.incrementAndGet(); // first: the cancelled session may look at it at once
                        signal("pg_cancel_backend", r.getKey());
                        cancelledAt.put(r.getKey(), new long[] {r.getValue(), now});
                    } else if (now - earlier[1] > GRACE.toNanos()) {
                        signal("pg_terminate_backend", r.getKey());
                        cancelledAt.remove(r.getKey());
                    }
                }
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (!closed) {
                    log.debug("The statement watchdog stopped: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void signal(String function, int backend) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(?)")) {
            s.setInt(1, backend);
            s.execute();
        }
        log.debug(function + "(" + backend + "): a statement ran longer than its limit (" + limit + ")");
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the server is going away anyway
        }
    }
}
