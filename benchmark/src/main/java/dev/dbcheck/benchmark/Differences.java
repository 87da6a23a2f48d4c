package dev.dbcheck.benchmark;

import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.rule.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the two tools disagree on one object, read from the catalog of the database both looked at: the fact that
 * decides it and which tool is right about it.
 */
final class Differences {

    private Differences() {
    }

    static String explain(String rule, String key, boolean onlyDbcheck, List<Finding> ours, ProvisionedDatabase db,
                          String database) throws Exception {
        try (Connection c = BenchDatabase.connect(db, database)) {
            return switch (rule) {
                case "foreign-key-without-index" -> foreignKey(c, key, onlyDbcheck);
                case "serial-primary-key" -> serialKey(c, key, onlyDbcheck);
                case "json-column", "missing-primary-key", "duplicate-index" -> relationKind(c, key, rule, onlyDbcheck);
                default -> "not classified";
            };
        }
    }

    private static String foreignKey(Connection c, String key, boolean onlyDbcheck) throws Exception {
        String table = key.substring(0, key.indexOf(' '));
        String constraint = key.substring(key.indexOf(' ') + 1);
        List<String> facts = rows(c, """
                SELECT CASE
                         WHEN t.relkind = 'p' THEN 'partitioned'
                         WHEN EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indpred IS NOT NULL
                                        AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey
                                        AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey)
                           THEN 'partial'
                         WHEN EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indpred IS NULL
                                        AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey
                                        AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey
                                        AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <> k.conkey)
                           THEN 'reordered'
                         WHEN EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid
                                        AND (i.indkey::int2[]) @> k.conkey)
                           THEN 'not leading'
                         ELSE 'none' END
                FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                WHERE k.conname = ? AND t.relname = ?""", constraint, table);
        String fact = facts.isEmpty() ? "missing" : facts.get(0);
        return switch (fact) {
            case "partial" -> onlyDbcheck
                    ? "the only index on the key columns is partial, and its predicate does not keep every non-null "
                    + "key: lookups from the referenced table cannot rely on it (dbcheck right)"
                    : "the only index on the key columns is partial with `WHERE fk IS NOT NULL`: every row a lookup "
                    + "from the referenced table can match is in it, so it supports the key — pg-index-health does "
                    + "not accept partial indexes (dbcheck right)";
            case "reordered" -> onlyDbcheck
                    ? "a composite key whose index has the same columns in another order"
                    : "a composite key covered by an index with the same columns in another order: the lookup's "
                    + "equality on all key columns uses it — pg-index-health wants the constraint's column order "
                    + "(dbcheck right)";
            case "not leading" -> onlyDbcheck
                    ? "the key column is in an index, but not as its leading column: the index cannot serve the "
                    + "lookup — pg-index-health accepts it (dbcheck right)"
                    : "the key column is only a later column of an index";
            case "partitioned" -> onlyDbcheck
                    ? "a partitioned table: dbcheck checks its leaf partitions' indexes, pg-index-health skips "
                    + "partitioned tables"
                    : "a partitioned table whose partitions are indexed";
            case "none" -> onlyDbcheck ? "no index on the key columns at all — pg-index-health misses it"
                    : "no index on the key columns at all — dbcheck misses it";
            default -> "the constraint is not in the catalog under that name";
        };
    }

    private static String serialKey(Connection c, String table, boolean onlyDbcheck) throws Exception {
        List<String> facts = rows(c, """
                SELECT CASE WHEN a.attidentity <> '' THEN 'identity'
                            WHEN pg_get_expr(d.adbin, d.adrelid) LIKE 'gen_random_uuid%' THEN 'random uuid'
                            WHEN pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval%' THEN 'sequence default'
                            ELSE coalesce(pg_get_expr(d.adbin, d.adrelid), 'no default') END
                FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE k.contype = 'p' AND t.relname = ?""", table);
        String fact = facts.isEmpty() ? "no primary key" : facts.get(0);
        return switch (fact) {
            case "identity" -> onlyDbcheck
                    ? "an identity key: dbcheck's default `preferredKey` is uuidv7, so identity is reported as "
                    + "well (with `preferredKey=identity` it is not); pg-index-health looks for serial types only"
                    : "an identity key";
            case "random uuid" -> onlyDbcheck
                    ? "a `gen_random_uuid()` key: random UUIDs scatter index inserts, dbcheck asks for UUIDv7; "
                    + "pg-index-health looks for serial types only"
                    : "a random-UUID key";
            case "sequence default" -> onlyDbcheck ? "a serial key" : "a serial key that dbcheck misses";
            default -> "key default: " + fact;
        };
    }

    private static String relationKind(Connection c, String table, String rule, boolean onlyDbcheck)
            throws Exception {
        String name = table.contains(".") && !rule.equals("missing-primary-key") && !rule.equals("duplicate-index")
                ? table.substring(0, table.indexOf('.')) : table;
        List<String> facts = rows(c, """
                SELECT CASE WHEN relispartition THEN 'partition' WHEN relkind = 'p' THEN 'partitioned'
                            WHEN relkind = 'm' THEN 'matview' ELSE 'table' END
                FROM pg_class WHERE relname = ?""", name);
        String fact = facts.isEmpty() ? "unknown" : facts.get(0);
        return switch (fact) {
            case "partition" -> onlyDbcheck
                    ? "a partition, reported by dbcheck"
                    : "a partition: dbcheck reports the partitioned table once instead of each partition";
            case "partitioned" -> onlyDbcheck
                    ? "a partitioned table: dbcheck reports it once, pg-index-health reports its partitions"
                    : "a partitioned table";
            case "matview" -> onlyDbcheck ? "a materialized view: pg-index-health reads tables only"
                    : "a materialized view";
            default -> onlyDbcheck ? "a plain table that pg-index-health does not report"
                    : "a plain table that dbcheck does not report";
        };
    }

    private static List<String> rows(Connection c, String sql, String... parameters) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
