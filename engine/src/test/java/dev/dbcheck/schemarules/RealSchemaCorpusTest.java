package dev.dbcheck.schemarules;

import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-schema corpus: public PostgreSQL schemas written by other people ({@code real-schemas/<name>/schema.sql},
 * with the license and source commit beside each), labelled by hand finding by finding in {@code labels.tsv}
 * (rubric: docs/accuracy.md). Every rule runs on every schema with its default settings. The test fails when a
 * finding has no label (a rule changed: label what it says now), when a label names a finding that is gone
 * without being a violation (remove it), or when a rule's precision or recall falls below the figure recorded in
 * {@code real-schemas/figures.tsv} (a ratchet: {@code -Ddbcheck.updateAccuracy=true} records better figures).
 * The unlabelled findings of a run are written to {@code target/real-schemas/<name>.tsv} ready to be labelled.
 */
class RealSchemaCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/real-schemas");
    static final Path FIGURES = CORPUS.resolve("figures.tsv");
    static final Path REPORT = Path.of("../docs/accuracy-figures.md");
    static final Path UNLABELLED = Path.of("target/real-schemas");

    /** A hand label: the finding {@code rule + object} is true, noise or false; a {@code missed} label is a clear
     *  violation no rule reports yet (it counts against recall until the rule finds it, then it must say true). */
    record Label(String schema, String key, String verdict, String reason) {
    }

    /** True positives, noise, false positives and misses of one rule. */
    static final class Counts {
        int truePositives;
        int noise;
        int falsePositives;
        int missed;

        double precision() {
            int found = truePositives + noise + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        double recall() {
            return truePositives + missed == 0 ? 1.0 : (double) truePositives / (truePositives + missed);
        }

        void add(Counts other) {
            truePositives += other.truePositives;
            noise += other.noise;
            falsePositives += other.falsePositives;
            missed += other.missed;
        }
    }

    @Test
    void everyFindingIsLabelledAndNoRuleGetsWorse() throws Exception {
        Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
        List<Path> schemas;
        try (Stream<Path> list = Files.list(CORPUS)) {
            schemas = list.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, Counts> byRule = new TreeMap<>();
        metadata.keySet().forEach(r -> byRule.put(r, new Counts()));
        List<String> problems = new ArrayList<>();
        int tables = 0;
        Files.createDirectories(UNLABELLED);
        for (Path dir : schemas) {
            String name = dir.getFileName().toString();
            assertThat(dir.resolve("LICENSE")).as("license of %s", name).exists();
            assertThat(Files.readString(dir.resolve("SOURCE.md"))).as("source of %s", name).contains("- Commit: ");
            Path schema = dir.resolve("schema.sql");
            String sql = Files.readString(schema, StandardCharsets.UTF_8);
            Map<String, Finding> findings = new TreeMap<>();
            try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection connection = db.connect()) {
                PlainSqlMigrator.execute(connection, sql, name + "/schema.sql");
                var snapshot = new SnapshotReader(List.of(), Set.of()).read(connection);
                tables += snapshot.tables().size();
                // the defaults a user gets: the framework tables are not linted
                for (Finding f : new Linter(Map.of(), DbcheckConfig.defaultFrameworkTables(), List.of(), metadata)
                        .lint(connection, snapshot, List.of(new MigrationScript(schema, name + "/schema.sql", sql)))
                        .findings()) {
                    findings.putIfAbsent(f.baselineKey(), f);
                }
            }
            Map<String, Label> labels = labels(dir.resolve("labels.tsv"), name);
            List<String> unlabelled = new ArrayList<>();
            List<String> labelled = new ArrayList<>();
            for (Map.Entry<String, Finding> e : findings.entrySet()) {
                Finding f = e.getValue();
                Counts counts = byRule.get(f.ruleId());
                Label label = labels.get(e.getKey());
                labelled.add(f.ruleId() + "\t" + f.object().identity() + "\t"
                        + (label == null ? "?" : label.verdict()) + "\t" + f.message().replace('\n', ' ')
                        .replace('\t', ' '));
                if (label == null) {
                    unlabelled.add(f.ruleId() + "\t" + f.object().identity() + "\t?\t"
                            + (f.position() == null ? "" : "line " + f.position().line() + ": ")
                            + f.message().replace('\n', ' ').replace('\t', ' '));
                    continue;
                }
                switch (label.verdict()) {
                    case "true" -> counts.truePositives++;
                    case "noise" -> counts.noise++;
                    case "false" -> counts.falsePositives++;
                    default -> problems.add(name + ": " + e.getKey() + " is found now: label it true, not "
                            + label.verdict());
                }
            }
            for (Label label : labels.values()) {
                if (findings.containsKey(label.key())) {
                    continue;
                }
                String rule = label.key().substring(0, label.key().indexOf(' '));
                if (label.verdict().equals("missed") || label.verdict().equals("true")) {
                    byRule.computeIfAbsent(rule, r -> new Counts()).missed++;
                    if (label.verdict().equals("true")) {
                        problems.add(name + ": " + label.key() + " was found and is not any more (" + label.reason()
                                + ")");
                    }
                } else {
                    problems.add(name + ": " + label.key() + " (" + label.verdict() + ") is not reported any more:"
                            + " remove its label");
                }
            }
            // every finding with its verdict and message, for a reviewer re-reading the labels
            Files.write(UNLABELLED.resolve(name + ".all.tsv"), labelled, StandardCharsets.UTF_8);
            Path pending = UNLABELLED.resolve(name + ".tsv");
            if (unlabelled.isEmpty()) {
                Files.deleteIfExists(pending);
            } else {
                Files.write(pending, unlabelled, StandardCharsets.UTF_8);
                problems.add(name + ": " + unlabelled.size() + " findings without a label (listed in " + pending
                        + ")");
            }
        }
        String report = report(schemas.size(), tables, byRule, metadata);
        System.out.println(report);
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        writeNormalizationSection(schemas.size(), byRule, metadata);
        Map<String, double[]> recorded = recordedFigures();
        if (Boolean.getBoolean("dbcheck.updateAccuracy")) {
            List<String> lines = new ArrayList<>(List.of("# rule\tprecision\trecall (the floor this corpus holds "
                    + "each rule to; RealSchemaCorpusTest)"));
            byRule.forEach((rule, c) -> lines.add(String.format(Locale.ROOT, "%s\t%.2f\t%.2f", rule,
                    Math.floor(c.precision() * 100) / 100, Math.floor(c.recall() * 100) / 100)));
            Files.write(FIGURES, lines, StandardCharsets.UTF_8);
            recorded = recordedFigures();
        }
        for (Map.Entry<String, Counts> e : byRule.entrySet()) {
            double[] floor = recorded.getOrDefault(e.getKey(), new double[] {1.0, 1.0});
            if (e.getValue().precision() + 1e-9 < floor[0]) {
                problems.add(String.format(Locale.ROOT, "precision of %s fell to %.2f (recorded %.2f)", e.getKey(),
                        e.getValue().precision(), floor[0]));
            }
            if (e.getValue().recall() + 1e-9 < floor[1]) {
                problems.add(String.format(Locale.ROOT, "recall of %s fell to %.2f (recorded %.2f)", e.getKey(),
                        e.getValue().recall(), floor[1]));
            }
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(15);
        assertThat(problems).as("the real-schema corpus").isEmpty();
    }

    /** Where docs/normalization-accuracy.md gives the real corpus's figures beside the self-written corpus's. */
    static final String REAL_SECTION = "\n## On real schemas\n";

    /** The real-schema section of the normalization report as it stands ("" when there is none yet). */
    static String realSection(Path report) throws IOException {
        if (!Files.exists(report)) {
            return "";
        }
        String text = Files.readString(report, StandardCharsets.UTF_8);
        int at = text.indexOf(REAL_SECTION);
        return at < 0 ? "" : text.substring(at);
    }

    private static void writeNormalizationSection(int schemas, Map<String, Counts> byRule,
                                                  Map<String, RuleMetadata> metadata) throws IOException {
        Path report = NormalizationCorpusTest.REPORT;
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        int at = text.indexOf(REAL_SECTION);
        String head = at < 0 ? text : text.substring(0, at);
        StringBuilder table = new StringBuilder(TABLE_HEAD);
        Counts all = new Counts();
        for (Map.Entry<String, Counts> e : byRule.entrySet()) {
            RuleMetadata m = metadata.get(e.getKey());
            if (m != null && m.category() == Category.NORMALIZATION) {
                table.append(row(e.getKey(), e.getValue()));
                all.add(e.getValue());
            }
        }
        table.append(row("**all normalization rules**", all));
        Files.writeString(report, head + REAL_SECTION + "\n"
                + "The same rules on " + schemas + " public schemas nobody here wrote, measured by "
                + "`RealSchemaCorpusTest` (labels and rubric: [accuracy.md](accuracy.md); every rule's figures: "
                + "[accuracy-figures.md](accuracy-figures.md)). Unlike the corpus above, most of these schemas hold "
                + "no rows (a few carry their seed data: ambari's permissions and privileges, ranger's and hexpm's "
                + "reference rows, which the data rules and copied-attribute's row check read): the findings come "
                + "mostly from the schema alone, and the clear violations no rule reports are labelled `missed`.\n\n" + table, StandardCharsets.UTF_8);
    }

    private static Map<String, Label> labels(Path file, String schema) throws IOException {
        Map<String, Label> labels = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return labels;
        }
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            assertThat(parts).as("%s:%d: rule, object, verdict, reason separated by tabs", file, lineNumber)
                    .hasSize(4);
            assertThat(Set.of("true", "noise", "false", "missed")).as("%s:%d: verdict", file, lineNumber)
                    .contains(parts[2]);
            assertThat(parts[3].strip()).as("%s:%d: a label says why", file, lineNumber).isNotEmpty();
            String key = parts[0] + " " + parts[1];
            assertThat(labels.put(key, new Label(schema, key, parts[2], parts[3])))
                    .as("%s:%d: %s labelled twice", file, lineNumber, key).isNull();
        }
        return labels;
    }

    private static Map<String, double[]> recordedFigures() throws IOException {
        Map<String, double[]> figures = new TreeMap<>();
        if (Files.exists(FIGURES)) {
            for (String line : Files.readAllLines(FIGURES, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split("\t");
                    figures.put(parts[0], new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                }
            }
        }
        return figures;
    }

    private static String report(int schemas, int tables, Map<String, Counts> byRule,
                                 Map<String, RuleMetadata> metadata) {
        StringBuilder table = new StringBuilder(TABLE_HEAD);
        Counts normalization = new Counts();
        Counts all = new Counts();
        for (Map.Entry<String, Counts> e : byRule.entrySet()) {
            Counts c = e.getValue();
            if (c.truePositives + c.noise + c.falsePositives + c.missed == 0) {
                continue;
            }
            table.append(row(e.getKey(), c));
            all.add(c);
            RuleMetadata m = metadata.get(e.getKey());
            if (m != null && m.category() == Category.NORMALIZATION) {
                normalization.add(c);
            }
        }
        table.append(row("**normalization rules**", normalization)).append(row("**all rules**", all));
        return "# Accuracy on real schemas\n\n"
                + "Measured by `RealSchemaCorpusTest` on " + schemas + " public schemas nobody here wrote (" + tables
                + " tables; `engine/src/test/resources/real-schemas/`, each with its license and source commit), "
                + "every finding of every rule labelled by hand as the rubric in [accuracy.md](accuracy.md) says. "
                + "Precision counts noise against a rule (true / findings); recall counts the clear violations "
                + "labelled `missed`. Rules without a finding on the corpus are not listed.\n\n" + table;
    }

    /** The head of both tables of figures (this corpus's, and its normalization section). */
    private static final String TABLE_HEAD = "| Rule | Findings | True | Noise | False | Missed | Precision | Recall |\n"
            + "|---|---|---|---|---|---|---|---|\n";

    private static String row(String rule, Counts c) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f | %.2f |%n", rule,
                c.truePositives + c.noise + c.falsePositives, c.truePositives, c.noise, c.falsePositives, c.missed,
                c.precision(), c.recall());
    }
}
