package dev.dbcheck.dashboard;

import dev.dbcheck.dashboard.generator.SyntheticData;
import dev.dbcheck.schema.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
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
 * @param loads   what the generator loaded
 */
public record DashboardResults(DashboardConfig config, SchemaSnapshot schema, List<QueryResult> results,
                               Map<QualifiedName, RelationStats> stats, List<SyntheticData.TableLoad> loads) {

    public DashboardResults {
        results = List.copyOf(results);
        stats = Map.copyOf(stats);
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
     * Rows of a relation at the declared volume: measured after the load and scaled up by the load fraction; in
     * fast mode, the declared volume (or the default) since nothing was loaded.
     */
    public double rowsAtVolume(QualifiedName relation) {
        RelationStats s = stats.get(relation);
        if (s != null) {
            return s.rows() / config.loadFraction();
        }
        Long declared = config.volumeOf(relation.schema(), relation.name());
        return declared != null ? declared : config.defaultRows();
    }

    /** How much bigger the declared volume is than what was loaded. */
    public double scale(QualifiedName relation) {
        RelationStats s = stats.get(relation);
        Long declared = config.volumeOf(relation.schema(), relation.name());
        if (s == null || s.rows() == 0 || declared == null) {
            return 1 / config.loadFraction();
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

    /** The index budget table: every table and materialized view with indexes, measured and projected. */
    public List<BudgetRow> budget() {
        List<BudgetRow> rows = new ArrayList<>();
        for (RelationStats s : stats.values()) {
            if (s.indexCount() > 0 || s.rows() > 0) {
                rows.add(new BudgetRow(s.table(), s.rows(), s.tableBytes(), s.indexCount(), s.indexBytes(),
                        scale(s.table())));
            }
        }
        return rows;
    }

    /** Indexes any plan used (index names as the plans give them: partition indexes too). */
    public Set<String> usedIndexes() {
        Set<String> used = new HashSet<>();
        for (QueryResult r : results) {
            if (r.plan() != null) {
                r.plan().root().visit(n -> {
                    if (n.indexName() != null) {
                        used.add(n.indexName());
                    }
                });
            }
        }
        return used;
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
