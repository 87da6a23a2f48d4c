package dev.dbcheck.dashboard;

import dev.dbcheck.rule.Input;
import dev.dbcheck.synthetic.SyntheticData;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the plan rules judge: the plans and times of the dashboard queries, the sizes after the load, and
 * the schema.
 *
 * @param config  the dashboard configuration
 * @param schema  the schema, read before the load
 * @param results one per query
 * @param stats   sizes after the load, by relation (empty in fast mode)
 * @param indexSizes size of each index after the load, by schema-qualified index name (empty in fast mode)
 * @param loads   what the generator loaded, per table
 * @param loadTime the whole load: inserts, index builds, VACUUM ANALYZE, materialized view refreshes
 */
public record DashboardResults(DashboardConfig config, SchemaSnapshot schema, List<QueryResult> results,
                               Map<QualifiedName, RelationStats> stats, Map<QualifiedName, Long> indexSizes,
                               List<SyntheticData.TableLoad> loads, java.time.Duration loadTime) {

    /** The plan rules' evidence: there in a run that ran dashboard queries. */
    public static final Input<DashboardResults> PLANS = new Input<>("dashboard plans", DashboardResults.class);

    public DashboardResults {
        results = List.copyOf(results);
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        indexSizes = Map.copyOf(indexSizes);
        loads = List.copyOf(loads);
    }

    public boolean isFastMode() {
        return config.mode() == DashboardConfig.Mode.FAST;
    }

    /** The table a scanned relation belongs to: a partition's root partitioned table, else itself. */
    public QualifiedName rootOf(String schemaName, String relation) {
        QualifiedName name = new QualifiedName(schemaName == null ? "public" : schemaName, relation);
        Optional<Table> table = schema.table(name);
        while (table.isPresent() && table.get().partitionOf() != null) {
            name = table.get().partitionOf();
            table = schema.table(name);
        }
        return name;
    }

    /**
     * Sizes per table with partitions folded into their root partitioned table (which has no storage of its own):
     * rows and bytes summed, the index count of the largest partition (each partition carries a copy of every
     * partitioned index).
     */
    public Map<QualifiedName, RelationStats> statsByTable() {
        Map<QualifiedName, RelationStats> byTable = new LinkedHashMap<>();
        for (RelationStats s : stats.values()) {
            QualifiedName root = rootOf(s.table().schema(), s.table().name());
            byTable.merge(root, new RelationStats(root, s.rows(), s.tableBytes(), s.indexCount(), s.indexBytes()),
                    (a, b) -> new RelationStats(root, a.rows() + b.rows(), a.tableBytes() + b.tableBytes(),
                            Math.max(a.indexCount(), b.indexCount()), a.indexBytes() + b.indexBytes()));
        }
        return byTable;
    }

    /**
     * Rows of a relation at the declared volume: measured after the load and scaled up by the load fraction; in
     * fast mode, the declared volume (or the default) since nothing was loaded.
     */
    public double rowsAtVolume(QualifiedName relation) {
        RelationStats s = stats.containsKey(relation) ? stats.get(relation) : statsByTable().get(relation);
        if (s != null) {
            return s.rows() / config.data().loadFraction();
        }
        Long declared = config.data().volumeOf(relation.schema(), relation.name());
        return declared != null ? declared : config.data().defaultRows();
    }

    /** How much bigger the declared volume is than what was loaded. */
    public double scale(QualifiedName relation) {
        return scale(statsByTable().get(relation));
    }

    private double scale(RelationStats s) {
        Long declared = s == null ? null : config.data().volumeOf(s.table().schema(), s.table().name());
        if (s == null || s.rows() == 0 || declared == null) {
            return 1 / config.data().loadFraction();
        }
        return Math.max(1.0, declared / (double) s.rows());
    }

    /** One row of the index budget table. */
    public record BudgetRow(QualifiedName table, long rows, long tableBytes, int indexCount, long indexBytes,
                            double scale) {

        public long projectedIndexBytes() {
            return Math.round(indexBytes * scale);
        }

        public long projectedTableBytes() {
            return Math.round(tableBytes * scale);
        }

        public double ratio() {
            return tableBytes == 0 ? 0 : (double) indexBytes / tableBytes;
        }
    }

    /**
     * The index budget table: every table and materialized view with rows or indexes, partitions folded into their
     * parent, measured and projected to the declared volume.
     */
    public List<BudgetRow> budget() {
        List<BudgetRow> rows = new ArrayList<>();
        for (RelationStats s : statsByTable().values()) {
            // only what is linted: not the migration tool's history table, not excluded schemas
            if (schema.table(s.table()).isPresent() && (s.indexCount() > 0 || s.rows() > 0)) {
                rows.add(new BudgetRow(s.table(), s.rows(), s.tableBytes(), s.indexCount(), s.indexBytes(),
                        scale(s)));
            }
        }
        return rows;
    }

    /** Indexes any plan used, each partition's index also counting for the partitioned index it is attached to. */
    public Set<String> usedIndexes() {
        Set<String> used = new HashSet<>();
        for (QueryResult r : results) {
            used.addAll(usedIndexes(r));
        }
        return used;
    }

    /** Indexes one query's plan used, with the partitioned indexes their partitions' indexes are attached to. */
    public Set<String> usedIndexes(QueryResult result) {
        Set<String> used = new HashSet<>();
        if (result.plan() != null) {
            result.plan().root().visit(n -> {
                if (n.indexName() != null) {
                    used.add(n.indexName());
                }
            });
        }
        for (Table t : schema.tables()) {
            for (dev.dbcheck.schema.Index i : t.indexes()) {
                if (i.parentIndex() != null && used.contains(i.name())) {
                    used.add(i.parentIndex());
                }
            }
        }
        return used;
    }

    /** An index's size after the load, or its size in the schema snapshot when nothing was loaded. */
    public long indexSize(QualifiedName table, dev.dbcheck.schema.Index index) {
        Long measured = indexSizes.get(new QualifiedName(table.schema(), index.name()));
        return measured != null ? measured : index.sizeBytes();
    }

    /** Tables any plan read, partitions mapped to their root. */
    public Set<QualifiedName> readTables() {
        Set<QualifiedName> read = new HashSet<>();
        for (QueryResult r : results) {
            if (r.plan() != null) {
                r.plan().root().visit(n -> {
                    if (n.relation() != null) {
                        read.add(rootOf(n.schema(), n.relation()));
                    }
                });
            }
        }
        return read;
    }
}
