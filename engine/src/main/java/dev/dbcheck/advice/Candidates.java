package dev.dbcheck.advice;

import dev.dbcheck.dashboard.QueryShape;
import dev.dbcheck.dashboard.QueryShape.Use;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The candidate indexes for one query's access to one table, most promising first, from how the query uses it
 * ({@link QueryShape}): its equality columns then its range column; the same covering the other columns it reads
 * ({@code INCLUDE}, for an index-only scan); a partial index where a restriction by a constant keeps at most
 * {@link #PARTIAL_FRACTION} of the rows — measured on the loaded data, not guessed; the equality columns then its
 * ORDER BY (a sorted read that stops at the LIMIT) or its GROUP BY; its join columns; a GIN index for a jsonb
 * containment test. Nothing here is advice yet: each is built and measured ({@link IndexAdvisor}).
 */
final class Candidates {

    /** A restriction that keeps more of the table than this gets no partial index: it would hold most of it. */
    static final double PARTIAL_FRACTION = 0.2;

    /** A column with at most this many distinct values (in the load's statistics) may get a partial index. */
    static final int LOW_DISTINCT = 100;

    /** The most columns an INCLUDE carries: wider covering indexes cost more than the heap reads they save. */
    static final int MAX_INCLUDE = 6;

    /** The share of the table's rows a restriction keeps, measured on the loaded data; null when unknown. */
    interface Fractions {
        Double of(Table table, QueryShape.Restriction restriction);
    }

    private Candidates() {
    }

    static List<IndexCandidate> of(QueryShape shape, Table table, Fractions fractions, IndexNames names, int limit) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<String> equality = new ArrayList<>();
        String range = null;
        String containment = null;
        for (Map.Entry<String, Use> e : shape.compared().entrySet()) {
            switch (e.getValue()) {
                case EQUALITY -> equality.add(e.getKey());
                case RANGE -> range = range == null ? e.getKey() : range;
                case CONTAINMENT -> containment = containment == null ? e.getKey() : containment;
            }
        }
        if (containment != null) {
            String type = table.column(containment).map(c -> c.typeName()).orElse("");
            add(drafts, new Draft("gin", List.of(containment + (type.equals("jsonb") ? " jsonb_path_ops" : "")),
                    List.of(), null, List.of(containment)));
        }
        List<String> base = new ArrayList<>(equality);
        if (range != null) {
            base.add(range);
        }
        if (!base.isEmpty()) {
            add(drafts, new Draft("btree", base, List.of(), null, base));
            add(drafts, covering(base, shape, null));
        }
        for (QueryShape.Restriction restriction : shape.restrictions()) {
            Double fraction = fractions.of(table, restriction);
            if (fraction == null || fraction > PARTIAL_FRACTION) {
                continue;
            }
            List<String> keys = new ArrayList<>(base);
            keys.remove(restriction.column());
            if (keys.isEmpty()) {
                keys = firstNonEmpty(shape.orderBy(), shape.groupBy(), shape.joinColumns(),
                        table.primaryKey().map(pk -> pk.columns()).orElse(List.of()), List.of(restriction.column()));
            }
            List<String> words = new ArrayList<>(restriction.operator().equals("=") ? List.of(valueWord(restriction))
                    : List.of());
            words.addAll(keys);
            add(drafts, new Draft("btree", keys, List.of(), restriction.sql(), words));
            Draft covering = covering(keys, shape, restriction);
            if (covering != null) {
                List<String> coveringWords = new ArrayList<>(words);
                coveringWords.add("incl");
                coveringWords.addAll(covering.include);
                add(drafts, new Draft(covering.method, covering.keys, covering.include, covering.predicate,
                        coveringWords));
            }
        }
        if (!shape.orderBy().isEmpty()) {
            List<String> keys = new ArrayList<>(equality);
            shape.orderBy().stream().filter(c -> !keys.contains(c)).forEach(keys::add);
            add(drafts, new Draft("btree", keys, List.of(), null, keys));
        }
        if (!shape.groupBy().isEmpty()) {
            List<String> keys = new ArrayList<>(equality);
            shape.groupBy().stream().filter(c -> !keys.contains(c)).forEach(keys::add);
            add(drafts, covering(keys, shape, null));
            add(drafts, new Draft("btree", keys, List.of(), null, keys));
        }
        for (String join : shape.joinColumns()) {
            List<String> keys = List.of(join);
            add(drafts, covering(keys, shape, null));
            add(drafts, new Draft("btree", keys, List.of(), null, keys));
        }
        List<IndexCandidate> candidates = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (candidates.size() >= limit) {
                break;
            }
            if (!existsAlready(table, draft)) {
                candidates.add(new IndexCandidate(table.name(), names.next(table.name().name(), draft.words),
                        draft.method, draft.keys, draft.include, draft.predicate));
            }
        }
        return candidates;
    }

    /** The keys covering the query's other columns of the table, or null when there are none or too many. */
    private static Draft covering(List<String> keys, QueryShape shape, QueryShape.Restriction restriction) {
        Set<String> rest = new LinkedHashSet<>(shape.read());
        rest.removeAll(keys);
        if (restriction != null) {
            rest.remove(restriction.column());
        }
        if (rest.isEmpty() || rest.size() > MAX_INCLUDE) {
            return null;
        }
        List<String> words = new ArrayList<>(keys);
        words.add("incl");
        words.addAll(rest);
        return new Draft("btree", keys, new ArrayList<>(rest), restriction == null ? null : restriction.sql(), words);
    }

    @SafeVarargs
    private static List<String> firstNonEmpty(List<String>... lists) {
        for (List<String> list : lists) {
            if (!list.isEmpty()) {
                return new ArrayList<>(list.subList(0, 1));
            }
        }
        return List.of();
    }

    /** The constant a partial index is named after: {@code status = 'paid'} gives {@code paid}. */
    private static String valueWord(QueryShape.Restriction restriction) {
        String sql = restriction.sql();
        int quote = sql.indexOf('\'');
        String value = quote < 0 ? sql.substring(sql.lastIndexOf(' ') + 1) : sql.substring(quote + 1,
                sql.lastIndexOf('\''));
        return value.length() > 20 ? value.substring(0, 20) : value;
    }

    private static void add(Map<String, Draft> drafts, Draft draft) {
        if (draft != null && !draft.keys.isEmpty()) {
            drafts.putIfAbsent(draft.method + draft.keys + draft.include + draft.predicate, draft);
        }
    }

    /** An existing valid index with the same keys, INCLUDE and predicate: measuring it again would show nothing. */
    private static boolean existsAlready(Table table, Draft draft) {
        for (Index index : table.indexes()) {
            if (!index.valid() || !index.method().equals(draft.method) || index.predicate() != null
                    || draft.predicate != null) {
                continue;
            }
            List<String> keys = index.keys().stream().map(IndexKey::column).toList();
            List<String> wanted = draft.keys.stream().map(k -> k.contains(" ") ? k.substring(0, k.indexOf(' ')) : k)
                    .toList();
            if (keys.equals(wanted) && Objects.equals(Set.copyOf(index.includeColumns()), Set.copyOf(draft.include))) {
                return true;
            }
        }
        return false;
    }

    private record Draft(String method, List<String> keys, List<String> include, String predicate, List<String> words) {
    }
}
