package dev.dbcheck.change;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.rule.Input;
import dev.dbcheck.sql.QualifiedName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the change did when it ran on the production schema filled at the declared volumes: per statement its
 * locks, rewrites and time, and the catalog changes the migration safety rules judge.
 *
 * @param basis         how the change was chosen ({@code the migrations added or changed since origin/main (...)})
 * @param maxLockTime   a lock held this long or longer is an error, a shorter one a warning
 * @param production    how many migrations were applied before it, untraced
 * @param scripts       the traced migrations' paths, in order
 * @param statements    every traced statement, in order
 * @param rows          the rows of each table that existed before the change, after the load
 * @param loadTime      what loading the data took
 * @param traceTime     what running the change took, tracing included
 * @param incomplete    why the trace stopped before the end (a statement failed on the synthetic data), or null
 */
public record ChangeTrace(String basis, Duration maxLockTime, int production, List<String> scripts, List<TracedStatement> statements,
                          Map<QualifiedName, Long> rows, Duration loadTime, Duration traceTime, String incomplete) {

    /** The evidence the migration safety rules read. */
    public static final Input<ChangeTrace> TRACE = new Input<>("the change's trace", ChangeTrace.class);

    public ChangeTrace {
        scripts = List.copyOf(scripts);
        statements = List.copyOf(statements);
        rows = Map.copyOf(rows);
    }

    /**
     * One statement of the change, as it ran.
     *
     * @param position      its file and first line
     * @param sql           its text
     * @param transaction   the number of the transaction it ran in (each statement outside a transaction has one
     *                      of its own); statements of one transaction share it
     * @param inTransaction false for a statement PostgreSQL runs only outside a transaction block (CONCURRENTLY,
     *                      VACUUM), whose locks were sampled from another session while it ran
     * @param time          how long it ran
     * @param lockTimeout   {@code lock_timeout} when it started ({@code 0} when unset)
     * @param locks         the relation locks it took (not those an earlier statement of its transaction took)
     * @param rewritten     the relations that existed before the change and got a new file ({@code relfilenode})
     * @param constraints   constraints it added to tables that existed before the change
     * @param notNull       columns of such tables it made NOT NULL
     * @param columns       columns it added to such tables
     * @param indexes       indexes it created on such tables
     * @param destructions  what it dropped, renamed or narrowed that existed before the change
     * @param later         how many statements ran after it in its transaction, and how long they took
     */
    public record TracedStatement(SourcePosition position, String sql, int transaction, boolean inTransaction,
                                  Duration time, String lockTimeout, List<HeldLock> locks,
                                  List<QualifiedName> rewritten, List<AddedConstraint> constraints,
                                  List<NotNullSet> notNull, List<AddedColumn> columns, List<CreatedIndex> indexes,
                                  List<Destruction> destructions, Later later) {

        public TracedStatement {
            locks = List.copyOf(locks);
            rewritten = List.copyOf(rewritten);
            constraints = List.copyOf(constraints);
            notNull = List.copyOf(notNull);
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            destructions = List.copyOf(destructions);
        }

        /** Whether its text begins with these words (case-insensitive), e.g. {@code "create", "index"}. */
        public boolean startsWith(String... words) {
            return dev.dbcheck.sql.SqlScanner.split(sql).stream().findFirst().map(s -> s.startsWith(words))
                    .orElse(false);
        }

        /** Whether one of its first tokens is this word ({@code concurrently}). */
        public boolean hasWord(String word, int within) {
            return dev.dbcheck.sql.SqlScanner.tokenize(sql).stream().limit(within)
                    .anyMatch(t -> t.isWord(word));
        }

        /** Whether {@code lock_timeout} was set (not 0) when it started. */
        public boolean hadLockTimeout() {
            return lockTimeout != null && !lockTimeout.isBlank() && !lockTimeout.strip().equals("0");
        }
    }

    /**
     * A relation lock a statement took.
     *
     * @param relation      the locked relation
     * @param kind          table, partitioned table, index, materialized view, ...
     * @param table         the table whose rows it guards: the relation itself, or an index's table
     * @param columns       an index's key columns (empty for a table)
     * @param mode          its mode
     * @param existedBefore whether the relation existed before the change (a new one has no readers to block)
     * @param rows          the table's rows at the declared volume
     * @param held          how long it was held: from the start of the statement to the end of its transaction
     */
    public record HeldLock(QualifiedName relation, String kind, QualifiedName table, List<String> columns,
                           LockMode mode, boolean existedBefore, long rows, Duration held) {
        public HeldLock {
            columns = List.copyOf(columns);
        }
    }

    /** A constraint added to a table that existed before the change; {@code type} is {@code pg_constraint.contype}. */
    public record AddedConstraint(QualifiedName table, String name, String type, String definition,
                                  List<String> columns, boolean validated, boolean builtIndex) {
        public AddedConstraint {
            columns = List.copyOf(columns);
        }
    }

    /** A column made NOT NULL; {@code provenByCheck}: a validated {@code CHECK (c IS NOT NULL)} spared the scan. */
    public record NotNullSet(QualifiedName table, String column, boolean provenByCheck) {
    }

    /** A column added, with its type and default expression (null when none). */
    public record AddedColumn(QualifiedName table, String column, String type, String defaultExpression) {
    }

    /** An index created, with its definition as {@code pg_get_indexdef} writes it. */
    public record CreatedIndex(QualifiedName table, String name, List<String> columns, String definition) {
        public CreatedIndex {
            columns = List.copyOf(columns);
        }
    }

    /** Something the application still running during a deploy may use, dropped, renamed or narrowed. */
    public record Destruction(Kind kind, QualifiedName table, String column, String before, String after) {
        public enum Kind { DROP_TABLE, DROP_COLUMN, RENAME_TABLE, RENAME_COLUMN, NARROW_TYPE }
    }

    /** The statements that ran after one in its transaction: how many, the first's line, their time. */
    public record Later(int statements, int firstLine, Duration time) {
        public static final Later NONE = new Later(0, 0, Duration.ZERO);
    }
}
