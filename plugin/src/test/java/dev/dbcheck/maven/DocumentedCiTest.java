package dev.dbcheck.maven;

import dev.dbcheck.base.PhaseTimings;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.report.ReportFormat;
import dev.dbcheck.report.Reports;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.base.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI examples of docs/ci.md and the command lines in every doc: each {@code -Ddbcheck.*} property is one a
 * setting declares ({@code Settings}), each format named is a format, and each report path the CI examples upload
 * is a file dbcheck writes.
 */
class DocumentedCiTest {

    static final Path DOCS = Path.of("../docs");
    static final Set<String> TEST_ONLY = Set.of("dbcheck.updateDocs", "dbcheck.updateGolden", "dbcheck.requireBrowser",
            "dbcheck.updateAccuracy");

    @Test
    void everyDocumentedPropertyIsAPluginParameter() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (dev.dbcheck.base.Setting<?> s : dev.dbcheck.engine.Settings.withProperties()) {
            declared.add(s.property());
        }
        assertThat(declared).contains("dbcheck.formats", "dbcheck.reportDirectory", "dbcheck.dashboards.mode");
        List<String> maps = dev.dbcheck.engine.Settings.withProperties().stream()
                .filter(s -> s.kind() == dev.dbcheck.base.Setting.Kind.MAP).map(s -> s.property()).toList();
        Map<String, String> used = new LinkedHashMap<>();
        for (Path doc : docs()) {
            Matcher m = Pattern.compile("-D(dbcheck\\.[A-Za-z.]*[A-Za-z])(=([^\\s`'\"]*))?")
                    .matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!TEST_ONLY.contains(m.group(1))) {
                    String name = m.group(1);
                    assertThat(declared.contains(name) || maps.stream().anyMatch(p -> name.startsWith(p + ".")))
                            .as("%s uses -D%s, which no setting declares", doc, name).isTrue();
                    used.put(m.group(1) + "=" + m.group(3), doc.toString());
                }
            }
        }
        for (String u : used.keySet()) {
            if (u.startsWith("dbcheck.formats=")) {
                for (String f : u.substring("dbcheck.formats=".length()).split(",")) {
                    assertThat(ReportFormat.parse(f)).as("format %s in %s", f, used.get(u)).isPresent();
                }
            }
        }
    }

    @Test
    void theReportPathsTheCiExamplesUploadAreWritten(@TempDir Path project) throws Exception {
        Path dir = project.resolve("target/dbcheck");
        new Reports(new dev.dbcheck.report.ReportFiles(dir, EnumSet.allOf(ReportFormat.class))).write(sample());
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project)) {
            files.filter(Files::isRegularFile).forEach(f -> written.add(project.relativize(f).toString()));
        }
        String ci = Files.readString(DOCS.resolve("ci.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(target/dbcheck/[^\\s'\"`]+)").matcher(ci);
        int paths = 0;
        while (m.find()) {
            String path = m.group(1);
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
            assertThat(written).as("docs/ci.md uploads %s", path).anyMatch(w -> glob.matches(Path.of(w)));
            paths++;
        }
        assertThat(paths).as("report paths in docs/ci.md").isGreaterThanOrEqualTo(6);
        assertThat(ci).contains("<!-- ci-example:github -->", "<!-- ci-example:gitlab -->", "<!-- ci-example:jenkins -->",
                "<!-- ci-example:sonarqube -->", "codequality: target/dbcheck/gl-code-quality-report.json");
    }

    /**
     * The GitHub example caches the folder a runner's build keeps its binaries and synthetic data in (the runner
     * is no root: {@code ~/.cache/dbcheck}), keyed on what the data depends on that the workflow can see.
     */
    @Test
    void theGithubExampleCachesTheFolderTheKeptDataIsIn() throws Exception {
        String ci = Files.readString(DOCS.resolve("ci.md"), StandardCharsets.UTF_8);
        String github = ci.substring(ci.indexOf("<!-- ci-example:github -->"), ci.indexOf("<!-- ci-example:gitlab -->"));
        Matcher step = Pattern.compile("uses: actions/cache@v\\d+\\n\\s+with:\\n\\s+path: (\\S+)\\n\\s+key: (.+)\\n")
                .matcher(github);
        assertThat(step.find()).as("an actions/cache step in the GitHub example").isTrue();
        Path home = Path.of("/home/runner");
        Path cache = home.resolve(".cache/dbcheck");
        assertThat(home.resolve(step.group(1).replaceFirst("^~/", ""))).isEqualTo(cache);
        assertThat(dev.dbcheck.provision.embedded.LoadedClusters.in(cache, 1).root().startsWith(cache)).isTrue();
        // the default migrations location, and the pom that declares the volumes and column specs
        assertThat(step.group(2)).contains("'pom.xml'", "'" + dev.dbcheck.engine.Settings.MIGRATION_LOCATIONS
                .defaultText().replaceFirst("^filesystem:", "") + "/**'");
        assertThat(github.indexOf("actions/cache")).as("restored before the build runs")
                .isLessThan(github.indexOf("./mvnw -B verify"));
    }

    /** The Maven JVM options docs/ci.md recommends are the ones this repository's own builds run with. */
    @Test
    void theRecommendedJvmConfigIsTheRepositorysOwn() throws Exception {
        String ci = Files.readString(DOCS.resolve("ci.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- jvm-config -->\\s*```\\n(.*?)```", Pattern.DOTALL).matcher(ci);
        assertThat(block.find()).as("the jvm.config block of docs/ci.md").isTrue();
        String own = Files.readString(Path.of("../.mvn/jvm.config"), StandardCharsets.UTF_8);
        assertThat(own.trim()).isEqualTo(block.group(1).replaceAll("(?m)^\\s+", "").trim());
    }

    private static List<Path> docs() throws Exception {
        List<Path> docs = new ArrayList<>(List.of(Path.of("../README.md")));
        try (Stream<Path> files = Files.walk(DOCS)) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }

    private static RunResult sample() {
        Map<String, dev.dbcheck.rule.RuleMetadata> rules = new LinkedHashMap<>();
        RuleCatalog.all().forEach(r -> rules.put(r.id(), r));
        Finding f = new Finding("json-column", Severity.ERROR, DbObject.column(new QualifiedName("public", "t"), "c"),
                "json", (String) null, new SourcePosition("db/V1__t.sql", 2));
        return new RunResult(List.of(f), List.of(), List.of(), List.of(),
                new SchemaSnapshot(180000, "18", List.of("public"), List.of(), List.of(), List.of()),
                new PhaseTimings(), "PostgreSQL", Severity.ERROR, rules, null);
    }
}
