package dev.dbcheck.advice;

import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.dashboard.DashboardResults;
import dev.dbcheck.dashboard.Dashboards;
import dev.dbcheck.dashboard.PlanNode;
import dev.dbcheck.dashboard.QueryResult;
import dev.dbcheck.dashboard.QueryShape;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Index advice that was measured, not guessed (the design's "index advice"; dexter checks its candidates with the
 * planner's cost, dbcheck with the data itself). After the plan rules, for every query with a finding this
 * advice can address, candidate indexes ({@link Candidates}) are built one at a time on the loaded data — as the
 * table's owner, so nothing here runs with more rights than the migrations had — the queries that read that table
 * run again under EXPLAIN ANALYZE, the plan rules judge them again, and the index is dropped. A finding's fix
 * becomes the candidate that removes it and saves the most time per byte of index; a candidate that does not
 * remove it is never printed as SQL. The workload view then takes, greedily, the candidate that removes the most
 * remaining findings (the smaller on a tie) until none remains, builds that set together and measures every query
 * again: what it prints as before and after is that measurement ({@link IndexAdvice}). Every index it built is
 * dropped before it returns: the data is as it found it (and can be kept for the next build).
 */
public final class IndexAdvisor {

    /** The plan rules whose findings an index can remove. */
    public static final Set<String> ADVISED_RULES = Set.of("seq-scan-on-large-table", "no-usable-index",
            "query-time-budget", "temp-spill");

    /** The plan rules over a measurement: the linter's {@code planFindings}. */
    public interface Judge {
        List<Finding> judge(DashboardResults results) throws DbcheckException;
    }

    /** The findings with their fixes measured, and the workload advice (null when nothing was to advise). */
    public record Outcome(List<Finding> findings, IndexAdvice advice) {
    }

    private final AdviceConfig config;
    private final Dashboards step;
    private final Judge judge;
    private final EngineLog log;
    /** The query each addressed finding (by baseline key) is about. */
    private final Map<String, String> queryOfKey = new HashMap<>();

    public IndexAdvisor(AdviceConfig config, Dashboards step, Judge judge, EngineLog log) {
        this.config = config;
        this.step = step;
        this.judge = judge;
        this.log = log;
    }

    /**
     * @param admin   where dbcheck builds and drops the candidates (a superuser session, which switches to the
     *                table's owner for each build)
     * @param queries where the project's queries run, as for the measurement before
     * @param before  the measurement the findings came from
     */
    public Outcome advise(Connection admin, Connection queries, DashboardResults before, List<Finding> planFindings)
            throws DbcheckException {
        List<Finding> targets = planFindings.stream().filter(IndexAdvisor::addressed).toList();
        if (targets.isEmpty()) {
            return new Outcome(planFindings, null);
        }
        if (!config.enabled()) {
            return new Outcome(planFindings.stream().map(f -> addressed(f) ? unmeasured(f, "advice is off") : f)
                    .toList(), null);
        }
        long start = System.nanoTime();
        long deadline = start + config.timeLimit().toNanos();
        Map<String, QueryResult> byName = new LinkedHashMap<>();
        before.results().forEach(r -> byName.put(r.query().name(), r));
        Map<String, Set<QualifiedName>> reads = new LinkedHashMap<>();
        for (QueryResult r : before.results()) {
            Set<QualifiedName> tables = new LinkedHashSet<>();
            Dashboards.tablesRead(List.of(r), before.schema()).keySet()
                    .forEach(t -> tables.add(before.rootOf(t.schema(), t.name())));
            reads.put(r.query().name(), tables);
        }
        Set<String> targetKeys = targets.stream().map(Finding::baselineKey).collect(Collectors.toSet());
        targets.forEach(f -> queryOfKey.put(f.baselineKey(), f.object().relation().name()));
        Map<String, List<Finding>> targetsByQuery = new LinkedHashMap<>();
        targets.forEach(f -> targetsByQuery.computeIfAbsent(f.object().relation().name(), k -> new ArrayList<>()).add(f));

        // candidates, per query, from the tables its findings are about
        IndexNames names = IndexNames.of(before.schema());
        Map<String, IndexCandidate> pool = new LinkedHashMap<>();
        Map<String, List<IndexCandidate>> forQuery = new LinkedHashMap<>();
        Map<String, Double> fractionCache = new HashMap<>();
        Candidates.Fractions fractions = (table, restriction) -> fractionCache.computeIfAbsent(
                table.name() + " " + restriction.sql(), k -> fraction(queries, table, restriction));
        for (Map.Entry<String, List<Finding>> e : targetsByQuery.entrySet()) {
            QueryResult result = byName.get(e.getKey());
            if (result == null) {
                continue;
            }
            List<IndexCandidate> mine = new ArrayList<>();
            for (Map.Entry<Table, String> access : accesses(result, e.getValue(), reads.get(e.getKey()), before)
                    .entrySet()) {
                int room = config.candidatesPerQuery() - mine.size();
                if (room <= 0) {
                    break;
                }
                QueryShape shape = QueryShape.of(result.query().sql(), access.getValue(), access.getKey());
                for (IndexCandidate c : Candidates.of(shape, access.getKey(), fractions, names, room)) {
                    IndexCandidate pooled = pool.putIfAbsent(c.shape(), c);
                    mine.add(pooled == null ? c : pooled);
                }
            }
            forQuery.put(e.getKey(), mine);
        }

        // each candidate alone: built, the queries that read its table measured and judged again, dropped
        Map<String, Trial> trials = new LinkedHashMap<>();
        boolean outOfTime = false;
        for (IndexCandidate candidate : pool.values()) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                break;
            }
            List<String> affected = targetsByQuery.keySet().stream()
                    .filter(q -> reads.getOrDefault(q, Set.of()).contains(candidate.table())).toList();
            Trial trial = trial(admin, queries, before, List.of(candidate), affected, byName, targetKeys, false);
            if (trial != null) {
                trials.put(candidate.shape(), trial);
            }
        }
        if (outOfTime) {
            log.warn(String.format(Locale.ROOT, "Index advice: stopped at advice.timeLimit (%d s) after measuring %d of "
                    + "%d candidate indexes", config.timeLimit().toSeconds(), trials.size(), pool.size()));
        }

        // each finding's fix: the measured candidate that removes it
        List<Finding> fixed = new ArrayList<>();
        for (Finding f : planFindings) {
            if (!addressed(f)) {
                fixed.add(f);
                continue;
            }
            String query = f.object().relation().name();
            List<Trial> mine = forQuery.getOrDefault(query, List.of()).stream()
                    .map(c -> trials.get(c.shape())).filter(t -> t != null).toList();
            fixed.add(withMeasuredFix(f, query, mine, byName.get(query), before,
                    forQuery.getOrDefault(query, List.of()).size() > mine.size()));
        }

        // the workload: the fewest candidates that remove every finding they can, checked together
        Set<String> open = new LinkedHashSet<>(targetKeys);
        List<Trial> chosen = new ArrayList<>();
        while (!open.isEmpty()) {
            Trial best = null;
            int bestCount = 0;
            double bestScore = 0;
            for (Trial t : trials.values()) {
                if (chosen.contains(t)) {
                    continue;
                }
                int count = (int) t.removed.stream().filter(open::contains).count();
                double score = savedPerByte(t, open, byName);
                if (count > bestCount || count == bestCount && count > 0 && score > bestScore) {
                    best = t;
                    bestCount = count;
                    bestScore = score;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            open.removeAll(best.removed);
        }
        IndexAdvice advice = workload(admin, queries, before, chosen, byName, targetKeys,
                trials.values().stream().map(Trial::candidate).toList(), pool.size(), start);
        log.info(String.format(Locale.ROOT, "Index advice: measured %d candidate index%s for %d quer%s in %.1f s; "
                        + "advised %d", trials.size(), trials.size() == 1 ? "" : "es", targetsByQuery.size(),
                targetsByQuery.size() == 1 ? "y" : "ies", advice.took().toNanos() / 1e9, advice.indexes().size()));
        return new Outcome(fixed, advice);
    }

    /**
     * The time a candidate saves the queries whose open findings it removes, per byte of index: the tie-break
     * between candidates that remove as many (in fast mode, without times, the smaller index).
     */
    private double savedPerByte(Trial t, Set<String> open, Map<String, QueryResult> byName) {
        double saved = 0;
        for (String query : t.removed.stream().filter(open::contains).map(queryOfKey::get).distinct().toList()) {
            QueryResult before = byName.get(query);
            QueryResult after = t.result(query);
            if (before != null && after != null && before.medianMs() != null && after.medianMs() != null) {
                saved += before.medianMs() - after.medianMs();
            }
        }
        return (saved + 1e-6) / Math.max(t.bytesAtVolume, 8192);
    }

    /** Whether the advice addresses a finding: one of {@link #ADVISED_RULES}, about a query. */
    public static boolean addressed(Finding f) {
        return ADVISED_RULES.contains(f.ruleId()) && f.object().kind() == DbObject.Kind.QUERY;
    }

    /** The rule's own hint, said to be unmeasured: never printed as SQL to run. */
    private static Finding unmeasured(Finding f, String why) {
        if (f.fix() == null || !f.fix().sql()) {
            return f;
        }
        return new Finding(f.ruleId(), f.severity(), f.object(), f.message(), Fix.advice("an index to try (not "
                + "measured: " + why + "): " + f.fix().text()), f.position());
    }

    /**
     * The tables whose access the query's findings are about, each with the alias the plan shows for it: the table
     * a sequential-scan finding names; for a time or spill finding, every table the plan scans sequentially, then
     * every table it reads (largest first).
     */
    private static Map<Table, String> accesses(QueryResult result, List<Finding> findings, Set<QualifiedName> reads,
                                               DashboardResults before) {
        Map<Table, String> accesses = new LinkedHashMap<>();
        Map<QualifiedName, String> aliases = new HashMap<>();
        List<QualifiedName> scanned = new ArrayList<>();
        if (result.plan() != null) {
            for (PlanNode node : result.plan().root().flatten()) {
                if (node.relation() != null) {
                    QualifiedName root = before.rootOf(node.schema(), node.relation());
                    aliases.putIfAbsent(root, node.alias());
                    if (node.isSeqScan()) {
                        scanned.add(root);
                    }
                }
            }
        }
        List<QualifiedName> wanted = new ArrayList<>();
        for (Finding f : findings) {
            if (f.object().name() != null) {
                before.schema().tables().stream().filter(t -> t.name().toString().equals(f.object().name()))
                        .findFirst().ifPresent(t -> wanted.add(t.name()));
            }
        }
        if (wanted.isEmpty()) {
            wanted.addAll(scanned);
            reads.stream().sorted(java.util.Comparator.comparingDouble(t -> -before.rowsAtVolume(t)))
                    .forEach(wanted::add);
        }
        for (QualifiedName name : wanted) {
            before.schema().table(name).ifPresent(t -> accesses.putIfAbsent(t, aliases.get(name)));
        }
        return accesses;
    }

    /** One measurement with some candidates built. */
    private static final class Trial {
        final List<IndexCandidate> candidates;
        final Set<String> builtNames;
        final long bytesAtVolume;
        final DashboardResults results;
        final Set<String> removed;
        /** With these indexes built, whether index-budget-exceeded stays quiet. */
        boolean budgetMet = true;

        Trial(List<IndexCandidate> candidates, Set<String> builtNames, long bytesAtVolume, DashboardResults results,
              Set<String> removed) {
            this.candidates = candidates;
            this.builtNames = builtNames;
            this.bytesAtVolume = bytesAtVolume;
            this.results = results;
            this.removed = removed;
        }

        IndexCandidate candidate() {
            return candidates.get(0);
        }

        QueryResult result(String query) {
            return results.results().stream().filter(r -> r.query().name().equals(query)).findFirst().orElse(null);
        }

        /** The plan node of the query that reads one of the candidates' indexes, or null. */
        PlanNode access(String query) {
            QueryResult r = result(query);
            if (r == null || r.plan() == null) {
                return null;
            }
            return r.plan().root().flatten().stream().filter(n -> n.indexName() != null
                    && builtNames.contains(n.indexName())).findFirst().orElse(null);
        }
    }

    /**
     * Builds the candidates, measures the queries and judges them, and drops the candidates again; null when a
     * candidate cannot be built (a type without a B-tree operator class, a key too wide).
     *
     * @param together the workload's set, built again to measure every query with all of it: a finding counts as
     *                 removed when it is gone (one candidate alone must also be read by the plan and be faster),
     *                 and a candidate that cannot be built again is an error
     */
    private Trial trial(Connection admin, Connection queries, DashboardResults before, List<IndexCandidate> build,
                        List<String> affected, Map<String, QueryResult> byName, Set<String> targetKeys,
                        boolean together) throws DbcheckException {
        List<IndexCandidate> built = new ArrayList<>();
        try {
            Set<String> builtNames = new HashSet<>();
            long bytes = 0;
            for (IndexCandidate candidate : build) {
                try {
                    create(admin, candidate);
                } catch (SQLException e) {
                    if (together) {
                        throw new DbcheckException("Index advice: cannot build " + candidate.definition(false)
                                + " again: " + e.getMessage(), e);
                    }
                    log.debug("Index advice: cannot build " + candidate.definition(false) + ": " + e.getMessage());
                    return null;
                }
                built.add(candidate);
                Map<String, Long> sizes = sizes(admin, candidate);
                builtNames.addAll(sizes.keySet());
                bytes += Math.round(sizes.values().stream().mapToLong(Long::longValue).sum()
                        * before.scale(candidate.table()));
            }
            List<DashboardQuery> measured = affected.stream().map(q -> byName.get(q).query()).toList();
            DashboardResults results = step.remeasure(admin, queries, before, measured);
            List<Finding> judged = judge.judge(results);
            Set<String> after = judged.stream().filter(IndexAdvisor::addressed).map(Finding::baselineKey)
                    .collect(Collectors.toSet());
            Trial trial = new Trial(List.copyOf(build), builtNames, bytes, results, new HashSet<>());
            trial.budgetMet = judged.stream().noneMatch(f -> f.ruleId().equals("index-budget-exceeded"));
            for (String key : targetKeys) {
                String query = queryOfKey.get(key);
                // removed only where the query's plan reads the index (else the finding went for another reason)
                // and the query got faster: an index scan as slow as the sequential one is no fix
                if (affected.contains(query) && !after.contains(key) && (together || trial.access(query) != null
                        && faster(byName.get(query), trial.result(query)))) {
                    trial.removed.add(key);
                }
            }
            if (log.isDebugEnabled()) {
                log.debug("Index advice: " + candidate0(build) + ": removes " + trial.removed.size() + " of the findings of "
                    + affected + "; " + affected.stream().map(q -> q + " " + (trial.result(q) == null ? "-"
                    : IndexAdvice.ms(trial.result(q).medianMs())) + (trial.access(q) == null ? " (index not read)"
                    : " (" + trial.access(q).nodeType() + ")")).collect(Collectors.joining(", ")));
            }
            return trial;
        } finally {
            for (IndexCandidate candidate : built) {
                drop(admin, candidate);
            }
        }
    }

    /** Faster by a tenth at least; in fast mode (no times) the plan's use of the index is what counts. */
    private static boolean faster(QueryResult before, QueryResult after) {
        if (before == null || after == null || after.timedOut()) {
            return false;
        }
        if (before.timedOut()) {
            return true; // it finishes now
        }
        Double b = before.medianMs();
        Double a = after.medianMs();
        return b == null || a == null || a <= b * 0.9;
    }

    private static String candidate0(List<IndexCandidate> build) {
        return build.size() == 1 ? build.get(0).definition(false) : build.size() + " indexes";
    }

    /** The candidate built as the table's owner: no more rights than the migrations that made the table had. */
    private static void create(Connection admin, IndexCandidate candidate) throws SQLException {
        String owner;
        try (PreparedStatement s = admin.prepareStatement("SELECT relowner::regrole::text FROM pg_class WHERE oid = "
                + "?::regclass")) {
            s.setString(1, candidate.table().toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                owner = rs.getString(1);
            }
        }
        try (Statement s = admin.createStatement()) {
            s.execute("SET ROLE " + owner); // regrole's text is quoted where it must be
            try {
                s.execute(candidate.definition(false));
            } finally {
                s.execute("RESET ROLE");
            }
        }
    }

    /** The built index's size, with its partitions' indexes (by name) for a partitioned table. */
    private static Map<String, Long> sizes(Connection admin, IndexCandidate candidate) throws DbcheckException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        // pg_partition_tree lists a partitioned index's tree, and nothing for a plain index
        try (PreparedStatement s = admin.prepareStatement("SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c "
                + "WHERE c.oid = ?::regclass OR c.oid IN (SELECT relid FROM pg_partition_tree(?::regclass))")) {
            String name = new QualifiedName(candidate.table().schema(), candidate.name()).toString();
            s.setString(1, name);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new DbcheckException("Index advice: cannot measure the size of " + candidate.name() + ": "
                    + e.getMessage(), e);
        }
        return sizes;
    }

    private static void drop(Connection admin, IndexCandidate candidate) throws DbcheckException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP INDEX IF EXISTS " + new QualifiedName(candidate.table().schema(), candidate.name()));
        } catch (SQLException e) {
            throw new DbcheckException("Index advice: cannot drop the candidate index " + candidate.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The share of rows a restriction keeps, counted on the loaded data; null when it cannot be counted or its
     * column is not a low-distinct one (more than {@link Candidates#LOW_DISTINCT} values in the statistics the
     * load gathered): a partial index on one customer's id would serve the sample value, not the query.
     */
    private Double fraction(Connection queries, Table table, QueryShape.Restriction restriction) {
        try (PreparedStatement distinct = queries.prepareStatement("SELECT n_distinct FROM pg_stats WHERE "
                + "schemaname = ? AND tablename = ? AND attname = ?")) {
            distinct.setString(1, table.name().schema());
            distinct.setString(2, table.name().name());
            distinct.setString(3, restriction.column());
            try (ResultSet rs = distinct.executeQuery()) {
                // n_distinct < 0 is a share of the rows: many values, growing with the table
                boolean low = restriction.operator().startsWith("IS") || rs.next() && rs.getDouble(1) > 0
                        && rs.getDouble(1) <= Candidates.LOW_DISTINCT;
                if (!low) {
                    return null;
                }
            }
        } catch (SQLException e) {
            log.debug("Index advice: no statistics for " + table.name() + "." + restriction.column() + ": "
                    + e.getMessage());
            return null;
        }
        try (Statement s = queries.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE " + restriction.sql() + ")::float8 / "
                     + "greatest(count(*), 1) FROM " + table.name())) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            log.debug("Index advice: cannot count " + restriction.sql() + " on " + table.name() + ": " + e.getMessage());
            return null;
        }
    }

    /** The finding with the fix the trials of its query measured, or the reason none is printed as SQL. */
    private Finding withMeasuredFix(Finding f, String query, List<Trial> trials, QueryResult before,
                                    DashboardResults beforeResults, boolean someUnmeasured) {
        Double beforeMs = before == null ? null : before.medianMs();
        Trial best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Trial closest = null;
        for (Trial t : trials) {
            if (t.access(query) == null) {
                continue; // the plan did not read it
            }
            Double after = t.result(query) == null ? null : t.result(query).medianMs();
            if (t.removed.contains(f.baselineKey())) {
                // full mode: time saved per byte of index; fast mode (no times, no sizes): the first, most direct
                double score = beforeMs == null || after == null ? -trials.indexOf(t)
                        : (beforeMs - after) / Math.max(t.bytesAtVolume, 8192);
                if (score > bestScore) {
                    best = t;
                    bestScore = score;
                }
            } else if (beforeMs != null && after != null && after < beforeMs * 0.9
                    && (closest == null || after < closest.result(query).medianMs())) {
                closest = t;
            }
        }
        if (best != null) {
            return withFix(f, Fix.sql(best.candidate().definition(concurrently(beforeResults, best.candidate()))
                    + " -- " + evidence(best, query, beforeMs)));
        }
        if (closest != null) {
            return withFix(f, Fix.advice("no index removes this on its own; the best measured, "
                    + closest.candidate().definition(concurrently(beforeResults, closest.candidate())) + " ("
                    + evidence(closest, query, beforeMs) + "), helps but "
                    + "not enough: pre-aggregate (a materialized view or a summary table), or raise the budget"));
        }
        if (trials.isEmpty() && someUnmeasured) {
            return unmeasured(f, "advice.timeLimit reached before it");
        }
        return withFix(f, Fix.advice(noIndexHelps(f, trials.size(), before, beforeResults)));
    }

    /** {@code CONCURRENTLY}, except on a partitioned table, where PostgreSQL cannot build an index that way. */
    private static boolean concurrently(DashboardResults results, IndexCandidate candidate) {
        return !results.schema().table(candidate.table()).map(Table::isPartitioned).orElse(false);
    }

    private static Finding withFix(Finding f, Fix fix) {
        return new Finding(f.ruleId(), f.severity(), f.object(), f.message(), fix, f.position());
    }

    /** {@code measured: 118 ms → 2.1 ms, Index Only Scan, 21 MB at the declared volume}. */
    private static String evidence(Trial t, String query, Double beforeMs) {
        PlanNode access = t.access(query);
        String node = access == null ? "" : access.nodeType();
        if (beforeMs == null) {
            return "checked by the planner (fast mode, no data): " + node + " with sequential scans disabled";
        }
        Double after = t.result(query).medianMs();
        return "measured: " + IndexAdvice.ms(beforeMs) + " → " + IndexAdvice.ms(after) + ", " + node + ", "
                + ConfigValues.formatSize(t.bytesAtVolume) + " at the declared volume";
    }

    /** Why no index is printed: what was tried, how much of the table the query reads, and what helps instead. */
    private static String noIndexHelps(Finding f, int tried, QueryResult before, DashboardResults results) {
        String table = f.object().name();
        String reads = "";
        if (before != null && before.plan() != null && table != null) {
            for (PlanNode n : before.plan().root().flatten()) {
                if (n.isSeqScan() && n.relation() != null
                        && results.rootOf(n.schema(), n.relation()).toString().equals(table)
                        && n.actualRows() != null && n.rowsRemovedByFilter() != null) {
                    double kept = n.actualRows();
                    double all = kept + n.rowsRemovedByFilter();
                    if (all > 0) {
                        reads = String.format(Locale.ROOT, "; the query keeps %.0f%% of the rows of %s, so reading "
                                + "the whole table is the cheapest plan", 100 * kept / all, table);
                    }
                    break;
                }
            }
        }
        String subject = table == null ? "the tables it reads" : table;
        return "no index helps: " + (tried == 0 ? "the query restricts " + subject + " by nothing an index could "
                + "narrow" : tried + " candidate index" + (tried == 1 ? "" : "es") + " built and measured on " + subject
                + ", none removed this") + reads + ". Pre-aggregate (a materialized view or a summary table), narrow "
                + "the query, raise its budget (-- budget:), or allow the scan with -- allow-seq-scan: "
                + (table == null ? "<table>" : table.substring(table.indexOf('.') + 1)) + " <reason>";
    }

    /** The chosen set built together and every declared query measured with it: the workload's before and after. */
    private IndexAdvice workload(Connection admin, Connection queries, DashboardResults before, List<Trial> chosen,
                                 Map<String, QueryResult> byName, Set<String> targetKeys, List<IndexCandidate> tried,
                                 int candidates, long start) throws DbcheckException {
        List<IndexCandidate> set = chosen.stream().map(Trial::candidate).toList();
        List<String> all = new ArrayList<>(byName.keySet());
        Trial together = set.isEmpty() ? null : trial(admin, queries, before, set, all, byName, targetKeys, true);
        DashboardResults after = together == null ? before : together.results;
        Set<String> remaining = together == null ? targetKeys : new HashSet<>(targetKeys);
        if (together != null) {
            remaining.removeAll(together.removed);
        }
        List<IndexAdvice.Advised> advised = new ArrayList<>();
        Set<String> used = after.usedIndexes();
        for (Trial t : chosen) {
            if (!before.isFastMode() && t.builtNames.stream().noneMatch(used::contains)) {
                // another advised index serves its queries better: the set is smaller without it (in fast mode,
                // on empty tables, the planner's pick among equally cheap indexes says nothing of the kind)
                continue;
            }
            List<String> serves = t.removed.stream().map(queryOfKey::get).distinct().sorted().toList();
            advised.add(new IndexAdvice.Advised(t.candidate(), t.bytesAtVolume, serves,
                    concurrently(before, t.candidate())));
        }
        List<IndexAdvice.QueryChange> changes = new ArrayList<>();
        for (QueryResult r : before.results()) {
            String name = r.query().name();
            QueryResult a = together == null || together.result(name) == null ? r : together.result(name);
            boolean passes = remaining.stream().noneMatch(k -> name.equals(queryOfKey.get(k)));
            changes.add(new IndexAdvice.QueryChange(name, r.medianMs(), a.medianMs(), passes));
        }
        List<IndexAdvice.Unneeded> unneeded = new ArrayList<>();
        Set<QualifiedName> read = before.readTables();
        for (Table table : before.schema().tables()) {
            for (Index index : table.indexes()) {
                if (index.constraintName() == null && !index.primary() && index.parentIndex() == null
                        && !used.contains(index.name()) && read.contains(table.name())) {
                    unneeded.add(new IndexAdvice.Unneeded(table.name(), index.name(),
                            Math.round(after.indexSize(table.name(), index) * before.scale(table.name()))));
                }
            }
        }
        boolean budgetMet = together == null || together.budgetMet;
        return new IndexAdvice(advised, changes, together == null ? before.budget() : after.budget(), budgetMet,
                unneeded, before.isFastMode(), tried, candidates,
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }

}
