package dev.dbcheck.benchmark;

import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.RuleRunner;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.connection.host.PgHostImpl;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ColumnsWithJsonTypeCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.PrimaryKeysWithSerialTypesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.StandardChecksOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithoutPrimaryKeyCheckOnHost;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.column.ColumnWithSerialType;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import io.github.mfvanek.pg.model.table.Table;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * dbcheck against pg-index-health (io.github.mfvanek, from Maven Central) on the same migrated databases, for the
 * five checks both have: which objects each finds, every difference with the reason, and the time of each. Run on
 * the example project and on a generated schema of 500 tables whose edge cases ({@link GeneratedSchema}: partial and
 * reordered indexes, composite keys, partitions, identity and random-UUID keys) are where the two differ.
 */
final class AnchorBenchmark {

    static final String NAME = "anchor";

    /** One check of both tools: dbcheck's rule id and the pg-index-health check, with how each names a finding. */
    record Pair(String rule, String anchorName, Function<PgConnection, DatabaseCheckOnHost<? extends DbObject>> check,
                Function<Finding, String> dbcheckKey, Function<DbObject, String> anchorKey) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("foreign-key-without-index", "foreign keys not covered with index",
                    ForeignKeysNotCoveredWithIndexCheckOnHost::new,
                    f -> table(f.object().relation().name()) + " " + f.object().name(),
                    o -> table(((ForeignKey) o).getTableName()) + " " + ((ForeignKey) o).getConstraintName()),
            new Pair("serial-primary-key", "primary keys with serial types", PrimaryKeysWithSerialTypesCheckOnHost::new,
                    f -> table(f.object().relation().name()),
                    o -> table(((ColumnWithSerialType) o).getTableName())),
            new Pair("json-column", "columns with json type", ColumnsWithJsonTypeCheckOnHost::new,
                    f -> table(f.object().relation().name()) + "." + f.object().name(),
                    o -> table(((ColumnNameAware) o).getTableName()) + "." + ((ColumnNameAware) o).getColumnName()),
            new Pair("missing-primary-key", "tables without primary key", TablesWithoutPrimaryKeyCheckOnHost::new,
                    f -> table(f.object().relation().name()),
                    o -> table(((Table) o).getTableName())),
            new Pair("duplicate-index", "duplicated indexes", DuplicatedIndexesCheckOnHost::new,
                    f -> table(f.object().relation().name()),
                    o -> table(((DuplicatedIndexes) o).getTableName())));

    /** Rows per table of the example with real rows: 6 tables, 15,000 rows. */
    static final int EXAMPLE_ROWS_PER_TABLE = 2_500;

    static List<String> run() throws Exception {
        int rounds = Integer.getInteger("benchmark.anchorRounds", 5);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "pg-index-health %s, checks on host, against dbcheck's snapshot + the "
                + "same five rules, in one JVM on the same database; times are medians (min–max, n) of %d rounds "
                + "after a warm-up, each tool with a new connection per round.", anchorVersion(), rounds));
        try (ProvisionedDatabase db = BenchDatabase.start("18", Map.of())) {
            BenchDatabase.execute(db, "CREATE DATABASE anchor_example", "CREATE DATABASE anchor_generated");
            try (Connection c = BenchDatabase.connect(db, "anchor_example")) {
                for (Path script : GeneratorBenchmark.migrations()) {
                    PlainSqlMigrator.execute(c, Files.readString(script, StandardCharsets.UTF_8),
                            script.getFileName().toString());
                }
            }
            try (Connection c = BenchDatabase.connect(db, "anchor_generated"); Statement s = c.createStatement()) {
                List<String> ddl = GeneratedSchema.ddl("public", 500);
                s.execute(String.join(";\n", ddl.subList(1, ddl.size()))); // public exists: no CREATE SCHEMA
            }
            // the same 500 tables with 30 rows each: real rows, which the normalization rules sample
            BenchDatabase.execute(db, "CREATE DATABASE anchor_rows TEMPLATE anchor_generated");
            try (Connection c = BenchDatabase.connect(db, "anchor_rows")) {
                SchemaSnapshot schema = new SnapshotReader(List.of("public"), Set.of()).read(c);
                new dev.dbcheck.synthetic.SyntheticData(schema, new dev.dbcheck.synthetic.DataSpec(Map.of(), 30,
                        List.of(), 1.0), dev.dbcheck.base.EngineLog.SILENT).load(c);
            }
            // a real schema with real rows: the example's tables with 2,500 rows each (the case the issue measured
            // at 4–8×: the rows, not the number of tables, are what the normalization rules read)
            BenchDatabase.execute(db, "CREATE DATABASE anchor_example_rows TEMPLATE anchor_example");
            try (Connection c = BenchDatabase.connect(db, "anchor_example_rows")) {
                SchemaSnapshot schema = new SnapshotReader(List.of("public"), Set.of()).read(c);
                new dev.dbcheck.synthetic.SyntheticData(schema, new dev.dbcheck.synthetic.DataSpec(Map.of(),
                        EXAMPLE_ROWS_PER_TABLE, List.of(), 1.0), dev.dbcheck.base.EngineLog.SILENT).load(c);
            }
            for (String database : List.of("anchor_example", "anchor_example_rows", "anchor_generated",
                    "anchor_rows")) {
                lines.add("");
                lines.add("### " + switch (database) {
                    case "anchor_example" -> "The example project (7 migrations)";
                    case "anchor_example_rows" -> "The example project with " + EXAMPLE_ROWS_PER_TABLE
                            + " rows in each table (the normalization rules sample them all)";
                    case "anchor_generated" -> "A generated schema of 500 tables";
                    default -> "The same 500 tables with 30 rows each (15,000 rows the normalization rules sample)";
                });
                lines.addAll(compare(db, database, rounds));
            }
            lines.add("");
            lines.add("### The real-schema corpus");
            lines.addAll(corpus(db, rounds));
        }
        return lines;
    }

    /** The accuracy corpus's public schemas (engine/src/test/resources/real-schemas), each in a database of its own. */
    static final Path CORPUS = Path.of("../engine/src/test/resources/real-schemas");

    /**
     * Time only, per schema and in total: dbcheck's snapshot + every rule (what the lint path runs) against
     * pg-index-health's five checks, on each schema of the corpus, over all of its schemas.
     */
    private static List<String> corpus(ProvisionedDatabase db, int rounds) throws Exception {
        List<Path> schemas;
        try (Stream<Path> list = Files.list(CORPUS)) {
            schemas = list.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, dev.dbcheck.rule.RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(r -> metadata.put(r.id(), r));
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("dbcheck: snapshot + all rules (the lint path); pg-index-health: its five checks on every schema "
                + "of the database. Medians of " + rounds + " rounds after a warm-up.");
        lines.add("");
        lines.add("| schema | tables | dbcheck ms | pg-index-health ms | ratio |");
        lines.add("|---|---|---|---|---|");
        double ours = 0;
        double theirs = 0;
        int allTables = 0;
        for (Path dir : schemas) {
            String name = dir.getFileName().toString();
            String database = "corpus_" + name.replace('-', '_');
            BenchDatabase.execute(db, "CREATE DATABASE " + database);
            List<String> namespaces;
            int tables;
            try (Connection c = BenchDatabase.connect(db, database)) {
                PlainSqlMigrator.execute(c, Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8),
                        name + "/schema.sql");
                SchemaSnapshot snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
                namespaces = List.copyOf(snapshot.schemas());
                tables = snapshot.tables().size();
            }
            Stats dbcheck = Stats.measure(1, rounds, () -> lintPath(db, database, List.of(), metadata));
            PGSimpleDataSource source = new PGSimpleDataSource();
            String url = BenchDatabase.jdbcUrl(db, database);
            source.setUrl(url);
            source.setUser(db.user());
            source.setPassword(db.password());
            Stats anchor = Stats.measure(1, rounds, () -> {
                PgConnection connection = PgConnectionImpl.of(source, PgHostImpl.ofUrl(url));
                for (Pair pair : PAIRS) {
                    for (String namespace : namespaces) {
                        pair.check().apply(connection).check(PgContext.of(namespace));
                    }
                }
            });
            ours += dbcheck.median();
            theirs += anchor.median();
            allTables += tables;
            lines.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f |", name, tables, dbcheck.median(),
                    anchor.median(), dbcheck.median() / anchor.median()));
        }
        lines.add(String.format(Locale.ROOT, "| **total** | %d | %.0f | %.0f | %.2f |", allTables, ours, theirs,
                ours / theirs));
        return lines;
    }

    private static List<String> compare(ProvisionedDatabase db, String database, int rounds) throws Exception {
        Set<String> ids = new TreeSet<>(PAIRS.stream().map(Pair::rule).toList());
        List<SchemaRule> rules = RuleCatalog.schemaRules().stream().filter(r -> ids.contains(r.metadata().id()))
                .toList();
        java.util.concurrent.atomic.AtomicReference<List<Finding>> found = new java.util.concurrent.atomic.AtomicReference<>();
        Stats dbcheckTime = Stats.measure(1, rounds, () -> {
            try (Connection c = BenchDatabase.connect(db, database)) {
                SchemaSnapshot snapshot = new SnapshotReader(List.of("public"), Set.of()).read(c,
                        BenchDatabase.opener(db, database));
                found.set(new RuleRunner(rules, Map.of(), List.of()).run(Evidence.of(snapshot)));
            }
        });
        // what dbcheck:verify runs: every rule, the data evidence included
        Map<String, dev.dbcheck.rule.RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(r -> metadata.put(r.id(), r));
        Stats allRulesTime = Stats.measure(1, rounds, () -> lintPath(db, database, List.of("public"), metadata));
        PGSimpleDataSource source = new PGSimpleDataSource();
        String url = BenchDatabase.jdbcUrl(db, database);
        source.setUrl(url);
        source.setUser(db.user());
        source.setPassword(db.password());
        Map<Pair, List<? extends DbObject>> theirs = new LinkedHashMap<>();
        Stats anchorTime = Stats.measure(1, rounds, () -> {
            PgConnection connection = PgConnectionImpl.of(source, PgHostImpl.ofUrl(url));
            for (Pair pair : PAIRS) {
                theirs.put(pair, pair.check().apply(connection).check(PgContext.of("public")));
            }
        });
        // tool against tool: every static check pg-index-health has (its runtime ones judge statistics and bloat,
        // which a throwaway database has none of) against every rule of dbcheck
        java.util.concurrent.atomic.AtomicInteger staticChecks = new java.util.concurrent.atomic.AtomicInteger();
        Stats allChecksTime = Stats.measure(1, rounds, () -> {
            PgConnection connection = PgConnectionImpl.of(source, PgHostImpl.ofUrl(url));
            List<DatabaseCheckOnHost<? extends DbObject>> checks = new StandardChecksOnHost().apply(connection)
                    .stream().filter(DatabaseCheckOnHost::isStatic).toList();
            staticChecks.set(checks.size());
            for (DatabaseCheckOnHost<? extends DbObject> check : checks) {
                check.check(PgContext.of("public"));
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| check | dbcheck | pg-index-health | both | only dbcheck | only pg-index-health |");
        lines.add("|---|---|---|---|---|---|");
        List<String> differences = new ArrayList<>();
        for (Pair pair : PAIRS) {
            Set<String> a = new TreeSet<>();
            found.get().stream().filter(f -> f.ruleId().equals(pair.rule())).map(pair.dbcheckKey()).forEach(a::add);
            Set<String> b = new TreeSet<>();
            theirs.get(pair).forEach(o -> b.add(pair.anchorKey().apply(o)));
            Set<String> onlyA = new TreeSet<>(a);
            onlyA.removeAll(b);
            Set<String> onlyB = new TreeSet<>(b);
            onlyB.removeAll(a);
            lines.add(String.format(Locale.ROOT, "| `%s` / %s | %d | %d | %d | %d | %d |", pair.rule(),
                    pair.anchorName(), a.size(), b.size(), a.size() - onlyA.size(), onlyA.size(), onlyB.size()));
            for (String only : onlyA) {
                differences.add("only dbcheck, `" + pair.rule() + "` " + only + ": "
                        + Differences.explain(pair.rule(), only, true, found.get(), db, database));
            }
            for (String only : onlyB) {
                differences.add("only pg-index-health, " + pair.anchorName() + " " + only + ": "
                        + Differences.explain(pair.rule(), only, false, found.get(), db, database));
            }
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Time: dbcheck (snapshot + five rules) %s; pg-index-health (five checks) "
                + "%s; ratio %.2f. dbcheck's snapshot + all rules, data sampling included (what dbcheck:verify "
                + "runs): %s; ratio to pg-index-health %.2f. Tool against tool, pg-index-health's %d static checks "
                + "(`StandardChecksOnHost`): %s; dbcheck's snapshot + all rules against them %.2f.", dbcheckTime,
                anchorTime, dbcheckTime.median() / anchorTime.median(), allRulesTime,
                allRulesTime.median() / anchorTime.median(), staticChecks.get(), allChecksTime,
                allRulesTime.median() / allChecksTime.median()));
        lines.add("");
        if (differences.isEmpty()) {
            lines.add("Both tools found the same objects.");
        } else {
            lines.add("Differences, grouped by reason:");
            lines.add("");
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            for (String d : differences) {
                int colon = d.indexOf(": ");
                byReason.computeIfAbsent(d.substring(colon + 2), k -> new ArrayList<>()).add(d.substring(0, colon));
            }
            byReason.forEach((reason, objects) -> lines.add(String.format(Locale.ROOT, "- %s — %d: %s", reason,
                    objects.size(), objects.size() <= 4 ? String.join("; ", objects)
                            : String.join("; ", objects.subList(0, 3)) + "; …")));
        }
        return lines;
    }

    /**
     * The lint path as dbcheck:verify runs it: the real rows read on a connection of their own while the snapshot is
     * read (on one session, or two from 150 relations), then every rule.
     */
    private static void lintPath(ProvisionedDatabase db, String database, List<String> schemas,
                                 Map<String, dev.dbcheck.rule.RuleMetadata> metadata) throws Exception {
        dev.dbcheck.engine.Linter linter = new dev.dbcheck.engine.Linter(Map.of(), List.of(), List.of(), metadata);
        try (Connection c = BenchDatabase.connect(db, database)) {
            dev.dbcheck.engine.Linter.RowsReading rows = linter.startReadingRows(BenchDatabase.opener(db, database),
                    schemas, Set.of());
            SchemaSnapshot snapshot = new SnapshotReader(schemas, Set.of()).read(c, BenchDatabase.opener(db, database));
            linter.lint(c, snapshot, List.of(), rows);
        }
    }

    /** Names without the schema: both tools report public objects, pg-index-health without "public.". */
    static String table(String name) {
        return name.startsWith("public.") ? name.substring("public.".length()) : name;
    }

    private static String anchorVersion() {
        Package p = ForeignKeysNotCoveredWithIndexCheckOnHost.class.getPackage();
        return p.getImplementationVersion() != null ? p.getImplementationVersion() : "(version unknown)";
    }

    static Stream<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule));
    }
}
