package dev.dbcheck.schemarules.indexes;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schemarules.Names;
import dev.dbcheck.schema.Constraint;
import dev.dbcheck.schema.ConstraintType;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.schema.Index;
import dev.dbcheck.schema.IndexKey;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.schema.TableKind;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A foreign key whose columns are not the leading columns of a usable index on the referencing table.
 *
 * <p>What counts as supporting: a valid btree index whose first key columns are exactly the foreign key's
 * columns, in any order among themselves (the primary key or a unique index count too). A partial index counts
 * only when its predicate is implied by the lookup the foreign key needs ({@code fk_col IS NOT NULL}); an
 * expression in those leading positions does not count. For a foreign key declared on a partitioned table the
 * partitioned index counts, or an index on every leaf partition; the copies of the constraint on the partitions
 * are not reported again.
 */
public final class ForeignKeyWithoutIndex implements SchemaRule {

    static final String SMALL_TABLE_ROWS = "smallTableRows";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "foreign-key-without-index",
            Category.INDEXES,
            Severity.ERROR,
            "Foreign key columns are not the leading columns of any valid btree index on the referencing table.",
            "Every DELETE of a referenced row, and every UPDATE of its key, makes PostgreSQL look for referencing "
                    + "rows. Without an index that lookup is a sequential scan of the referencing table, run while "
                    + "the referenced row is locked: deletes slow down as the child table grows and lock waits "
                    + "pile up behind them. The same columns are the usual join path, which then cannot use an "
                    + "index either.",
            List.of(RuleOption.integer(SMALL_TABLE_ROWS, "With declared volumes (dashboards.volumes): a "
                    + "referencing table declared at this many rows or fewer is not reported (scanning it costs "
                    + "nothing), and a foreign key to a referenced table this small is a warning (a lookup "
                    + "table's rows are rarely deleted).", 1000)));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        check(Evidence.of(schema), context);
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        SchemaSnapshot schema = evidence.schema();
        Evidence.Volumes volumes = evidence.find(Evidence.VOLUMES).orElse(new Evidence.Volumes(java.util.Map.of()));
        long small = context.intOption(SMALL_TABLE_ROWS);
        for (Table table : schema.tables()) {
            if (table.kind() == TableKind.FOREIGN_TABLE) {
                continue;
            }
            for (Constraint fk : table.constraints(ConstraintType.FOREIGN_KEY)) {
                if (fk.inherited()) {
                    continue; // the partitioned parent's constraint is the one to report
                }
                if (hasSupportingIndex(table, fk.columns())) {
                    continue;
                }
                if (table.isPartitioned() && everyLeafHasSupportingIndex(schema, table, fk.columns())) {
                    continue;
                }
                if (leadsWithAKeyOfTheParent(schema, table, fk)) {
                    continue;
                }
                Long childRows = volumes.of(table.schema(), table.name().name());
                Long parentRows = volumes.of(fk.references().table().schema(), fk.references().table().name());
                if (childRows != null && childRows <= small) {
                    continue; // a scan of a table this small is no slower than an index lookup
                }
                report(table, fk, parentRows != null && parentRows <= small ? parentRows : null, context);
            }
        }
    }

    private static boolean everyLeafHasSupportingIndex(SchemaSnapshot schema, Table parent, List<String> columns) {
        List<Table> leaves = schema.leafPartitionsOf(parent);
        return !leaves.isEmpty() && leaves.stream().allMatch(leaf -> hasSupportingIndex(leaf, columns));
    }

    static boolean hasSupportingIndex(Table table, List<String> columns) {
        return table.indexes().stream().anyMatch(index -> supports(index, columns));
    }

    /** True when the index can serve {@code WHERE col1 = $1 AND col2 = $2 ...} on the foreign key columns. */
    public static boolean supports(Index index, List<String> columns) {
        if (!index.valid() || index.isPartial() && !predicateImpliedByLookup(index.predicate(), columns)) {
            return false;
        }
        if (index.method().equals("hash")) {
            // a hash index serves the equality lookup of a one-column key just as well
            return columns.size() == 1 && index.keys().size() == 1 && columns.get(0).equals(index.keys().get(0).column());
        }
        return index.method().equals("btree") && (leadsWith(index, columns) || leadsWithPart(index, columns));
    }

    /**
     * An index led by columns that reference a unique key of the referenced table ({@code (view_instance_id, ...)}
     * for a key {@code (view_instance_id, view_name, name)} whose first column is the parent's primary key): each
     * lookup finds the rows of one parent through it, however few of the key's columns it has.
     */
    private static boolean leadsWithAKeyOfTheParent(SchemaSnapshot schema, Table table, Constraint fk) {
        Table parent = schema.table(fk.references().table()).orElse(null);
        if (parent == null || fk.columns().size() < 2) {
            return false;
        }
        for (Index index : table.indexes()) {
            if (!index.valid() || !index.method().equals("btree") || index.isPartial()) {
                continue;
            }
            Set<String> referenced = new HashSet<>();
            for (IndexKey key : index.keys()) {
                int at = key.isExpression() ? -1 : fk.columns().indexOf(key.column());
                if (at < 0 || at >= fk.references().columns().size()) {
                    break;
                }
                referenced.add(fk.references().columns().get(at));
            }
            boolean unique = !referenced.isEmpty() && parent.indexes().stream().anyMatch(i -> i.unique()
                    && !i.isPartial() && i.keys().stream().noneMatch(IndexKey::isExpression)
                    && referenced.containsAll(i.keys().stream().map(IndexKey::column).toList()));
            if (unique) {
                return true;
            }
        }
        return false;
    }

    /** Scope columns that hold few values: an index on one of them alone narrows a lookup by little. */
    private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile(
            "(?i)^(nid|tenant_?id|org_?id|organi[sz]ation_?id|workspace_?id|realm_?id|namespace_?id)$");

    /**
     * An index led by part of a composite key's columns ({@code (parent_id)} for {@code (parent_id, parent_state)},
     * {@code (nid, key_id)} for {@code (key_set, key_id, nid)}): the lookup reads the few rows of that part and
     * filters the rest. At least half of the key's columns, and not a tenant column alone.
     */
    private static boolean leadsWithPart(Index index, List<String> columns) {
        if (columns.size() < 2) {
            return false;
        }
        Set<String> covered = new HashSet<>();
        for (IndexKey key : index.keys()) {
            if (key.isExpression() || !columns.contains(key.column())) {
                break;
            }
            covered.add(key.column());
        }
        if (covered.size() == 1 && SCOPE.matcher(covered.iterator().next()).matches()) {
            return false;
        }
        return !covered.isEmpty() && covered.size() * 2 >= columns.size();
    }

    private static boolean leadsWith(Index index, List<String> columns) {
        if (index.keys().size() < columns.size()) {
            return false;
        }
        Set<String> leading = new HashSet<>();
        for (IndexKey key : index.keys().subList(0, columns.size())) {
            if (key.isExpression()) {
                return false;
            }
            leading.add(key.column());
        }
        return leading.equals(new HashSet<>(columns));
    }

    /**
     * True when the predicate is a conjunction of {@code col IS NOT NULL} terms on foreign key columns: an equality
     * lookup with a non-null value implies each of them. Anything else (another column, OR, a comparison) may
     * exclude rows the lookup has to find.
     */
    static boolean predicateImpliedByLookup(String predicate, List<String> columns) {
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken token : SqlScanner.tokenize(predicate)) {
            if (!token.isPunctuation("(") && !token.isPunctuation(")")) {
                tokens.add(token);
            }
        }
        int i = 0;
        while (true) {
            if (i + 3 >= tokens.size()) {
                return false;
            }
            SqlToken column = tokens.get(i);
            if (!column.isIdentifier() || !columns.contains(column.value())
                    || !tokens.get(i + 1).isWord("is") || !tokens.get(i + 2).isWord("not")
                    || !tokens.get(i + 3).isWord("null")) {
                return false;
            }
            i += 4;
            if (i == tokens.size()) {
                return true;
            }
            if (!tokens.get(i).isWord("and")) {
                return false;
            }
            i++;
        }
    }

    private static void report(Table table, Constraint fk, Long smallParentRows, RuleContext context) {
        String columns = Identifiers.columnList(fk.columns());
        String target = fk.references().table() + "(" + Identifiers.columnList(fk.references().columns()) + ")";
        StringBuilder message = new StringBuilder()
                .append("foreign key ").append(Identifiers.quote(fk.name())).append(" (").append(columns)
                .append(") → ").append(target).append(" has no supporting index on ").append(table.name())
                .append(": each DELETE or key UPDATE on ").append(fk.references().table())
                .append(" scans ").append(table.name()).append(" for referencing rows, and joins on ")
                .append(columns).append(" cannot use an index.");
        for (String nearMiss : nearMisses(table, fk.columns())) {
            message.append(' ').append(nearMiss);
        }
        String indexName = Names.indexName(table.name().name(), fk.columns());
        String fix;
        if (table.isPartitioned()) {
            fix = "CREATE INDEX " + Identifiers.quote(indexName) + " ON " + table.name() + " (" + columns + ");"
                    + " -- a partitioned table cannot be indexed CONCURRENTLY: on a live table create it ON ONLY "
                    + "the parent, then CONCURRENTLY on each partition, and ATTACH PARTITION each one";
        } else {
            fix = "CREATE INDEX CONCURRENTLY " + Identifiers.quote(indexName) + " ON " + table.name()
                    + " (" + columns + ");";
        }
        if (smallParentRows != null) {
            message.append(String.format(java.util.Locale.ROOT, " %s is declared at %,d rows: a lookup table whose "
                    + "rows are rarely deleted, so this costs little until one is.", fk.references().table(),
                    smallParentRows));
            context.reportMild(DbObject.constraint(table.name(), fk.name(), fk.columns()), message.toString(),
                    Fix.sql(fix));
            return;
        }
        context.report(DbObject.constraint(table.name(), fk.name(), fk.columns()), message.toString(), fix);
    }

    /** Indexes that almost serve the foreign key, and why they don't: the evidence a reviewer needs. */
    private static List<String> nearMisses(Table table, List<String> columns) {
        List<String> notes = new ArrayList<>();
        for (Index index : table.indexes()) {
            List<String> keyColumns = index.keys().stream().map(IndexKey::column).toList();
            if (!keyColumns.containsAll(columns)) {
                continue;
            }
            String name = "Index " + Identifiers.quote(index.name()) + " ("
                    + String.join(", ", index.keys().stream().map(IndexKey::display).toList()) + ")";
            if (!index.valid()) {
                notes.add(name + " is invalid (a failed CREATE INDEX CONCURRENTLY?) and is not used.");
            } else if (!index.method().equals("btree")) {
                notes.add(name + " uses " + index.method() + ", not btree.");
            } else if (!leadsWith(index, columns)) {
                notes.add(name + " does not start with " + Identifiers.columnList(columns)
                        + ": a lookup on the foreign key alone cannot use it.");
            } else if (index.isPartial()) {
                notes.add(name + " is partial (WHERE " + index.predicate()
                        + ") and misses rows the foreign key lookup must find.");
            }
        }
        return notes;
    }
}
