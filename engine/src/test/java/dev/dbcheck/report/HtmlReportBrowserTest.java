package dev.dbcheck.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report in a real headless Chromium (Debian's package; {@code .ci/run} installs it): the page loads
 * without script errors, its parts are there, the filters work (preset from the address), and a screenshot is
 * saved with the test output ({@code target/surefire-reports/dbcheck-report.png}). Without Chromium the test is
 * skipped, unless {@code -Ddbcheck.requireBrowser=true} or {@code DBCHECK_REQUIRE_BROWSER=true} (set by
 * {@code .ci/run}) makes that a failure.
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Path page;
    /** The same run with 29 alike findings more and a long path: the groups, the wrapping. */
    static Path crowded;

    @BeforeEach
    void browserOrSkip() {
        // here rather than in @BeforeAll, so that Surefire counts the tests as skipped
        if (!Files.isExecutable(CHROMIUM)) {
            dev.dbcheck.testing.Skips.unlessRequired("BROWSER", "HTML report browser tests skipped: Chromium is not "
                    + "installed (" + CHROMIUM + "; apt-get install chromium, as .ci/run does)");
        }
    }

    @BeforeAll
    static void writePage() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            return;
        }
        RunResult result = ReportFixture.run(0);
        Path dir = Files.createDirectories(Path.of("target/report-tests/html").toAbsolutePath());
        page = dir.resolve("dbcheck.html");
        Files.writeString(page, HtmlReport.render(result), StandardCharsets.UTF_8);
        List<dev.dbcheck.rule.Finding> more = new ArrayList<>(result.findings());
        for (int i = 1; i <= 29; i++) {
            more.add(new dev.dbcheck.rule.Finding("varchar-length", dev.dbcheck.rule.Severity.WARNING,
                    dev.dbcheck.rule.DbObject.column(new dev.dbcheck.sql.QualifiedName("public", "events"), "c" + i),
                    "column public.events.c" + i + " is varchar(255): a length nobody chose", "ALTER TABLE public.events "
                    + "ALTER COLUMN c" + i + " TYPE text;", new dev.dbcheck.base.SourcePosition("services/"
                    + "order-management/platform/persistence/src/main/resources/db/migration/tenants/europe/"
                    + "V20240517093000__create_the_event_tables_for_the_order_history_feature.sql", 10 + i)));
        }
        crowded = dir.resolve("crowded.html");
        Files.writeString(crowded, HtmlReport.render(new RunResult(more, result.suppressed(), result.baselined(),
                result.staleBaseline(), result.snapshot(), result.timings(), result.database(), result.failOn(),
                result.rules(), result.dashboards(), result.advice(), result.change())), StandardCharsets.UTF_8);
    }

    @Test
    void atBothWidthsNothingOverflowsAndEverySectionIsReachableByItsLink() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/surefire-reports")).toAbsolutePath();
        for (int width : List.of(1400, 800)) {
            for (Path p : List.of(page, crowded)) {
                String dom = chromium("--window-size=" + width + ",2400", "--dump-dom", p.toUri().toString()).stdout();
                assertThat(dom).as("%s at %d px", p.getFileName(), width).containsPattern("<body[^>]* data-ready=\"true\"")
                        .containsPattern("<body[^>]* data-overflow=\"false\"");
                Matcher links = Pattern.compile("<nav id=\"nav\">(.*?)</nav>", Pattern.DOTALL).matcher(dom);
                assertThat(links.find()).isTrue();
                Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(links.group(1));
                int n = 0;
                while (href.find()) {
                    assertThat(dom).as("the target of #%s", href.group(1)).contains("id=\"" + href.group(1) + "\"");
                    n++;
                }
                assertThat(n).as("links: overview, findings, dashboards, index budget").isGreaterThanOrEqualTo(4);
            }
            Path shot = shots.resolve("dbcheck-report-" + width + ".png");
            Files.deleteIfExists(shot);
            chromium("--screenshot=" + shot, "--window-size=" + width + ",2400", "--hide-scrollbars",
                    crowded.toUri().toString());
            assertThat(shot).exists();
            assertThat(Files.size(shot)).isGreaterThan(20_000);
        }
    }

    @Test
    void alikeFindingsAreOneCollapsedGroupThatItsLinkOpens() throws Exception {
        String dom = chromium("--dump-dom", crowded.toUri().toString()).stdout();
        assertThat(dom).containsPattern("<tr class=\"group collapsible\" id=\"rule-varchar-length\"[^>]*><td colspan=\"5\">"
                + "<button type=\"button\" class=\"toggle\" aria-expanded=\"false\">▸</button> <b>varchar-length</b> — "
                + "29 alike findings");
        assertThat(count(dom, "data-group=\"rule-varchar-length\" hidden")).isEqualTo(29);
        assertThat(dom).contains("34 of 34 shown").contains("<a href=\"#rule-varchar-length\">varchar-length</a>")
                .contains("id=\"f-34\"").containsPattern("<svg class=\"chart\" id=\"phase-chart\"");
        String opened = chromium("--dump-dom", crowded.toUri() + "#rule-varchar-length").stdout();
        assertThat(count(opened, "data-group=\"rule-varchar-length\" hidden")).isZero();
        assertThat(opened).contains("aria-expanded=\"true\"");
    }

    @Test
    void thePageLoadsWithoutErrorsAndShowsEveryPart() throws Exception {
        Run run = chromium("--dump-dom", page.toUri().toString());
        String dom = run.stdout();
        assertThat(dom).containsPattern("<body[^>]* data-ready=\"true\"").doesNotContainPattern("<body[^>]*data-errors");
        assertThat(run.stderr()).doesNotContain("Uncaught").doesNotContain("ERR_FILE_NOT_FOUND");
        assertThat(count(dom, "<tr class=\"finding ")).as("4 errors, 1 warning, 1 suppressed").isEqualTo(6);
        assertThat(dom).contains("id=\"summary\"").contains("<b>4</b> errors").contains("id=\"index-budget\"")
                .contains("5 of 5 shown");
        assertThat(count(dom, "class=\"query\"")).isEqualTo(2);
        assertThat(count(dom, "class=\"node offending")).as("the Seq Scan of paid_orders").isEqualTo(1);
        // the Seq Scan is also where paid_orders spends its time: highlighted as the hot node
        assertThat(dom).containsPattern("class=\"node offending hot-node\"[^>]*><div class=\"head\"><b>Seq Scan</b> on "
                + "<code>public.orders</code>");
        assertThat(count(dom, "<li class=\"node hot-node") + count(dom, "<li class=\"node offending hot-node"))
                .as("one per query's plan").isEqualTo(2);
        assertThat(dom).containsPattern("<div class=\"share\" title=\"100 % of the query's time\">");
        assertThat(dom).contains("Index Scan</b> using <code>orders_created_at_idx</code>");
        assertThat(dom).doesNotContain("http://").as("self-contained: no external resources")
                .doesNotContainPattern("<(script|link|img)[^>]+(src|href)=");
    }

    @Test
    void theFiltersHideWhatWasNotAskedFor() throws Exception {
        String onlyWarnings = chromium("--dump-dom", page.toUri() + "#severity=warning").stdout();
        assertThat(hidden(onlyWarnings)).containsExactlyInAnyOrder("error", "error", "error", "error");
        assertThat(onlyWarnings).contains("1 of 5 shown");
        String oneRule = chromium("--dump-dom", page.toUri() + "#rule=json-column").stdout();
        assertThat(oneRule).contains("1 of 5 shown");
        String text = chromium("--dump-dom", page.toUri() + "#text=customers").stdout();
        assertThat(text).containsPattern("[1-4] of 5 shown");
    }

    @Test
    void aScreenshotIsSavedWithTheTestOutput() throws Exception {
        Path shot = Files.createDirectories(Path.of("target/surefire-reports")).toAbsolutePath()
                .resolve("dbcheck-report.png");
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, "--window-size=1400,2400", "--hide-scrollbars", page.toUri().toString());
        assertThat(shot).exists();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(20_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private record Run(String stdout, String stderr) {
    }

    /** Chromium as root in a container: no sandbox, no network chatter, a fresh profile. */
    private static Run chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("dbcheck-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                    "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
            command.addAll(List.of(args));
            Path out = profile.resolve("stdout.txt");
            Path err = profile.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("Chromium did not finish within 90 s");
            }
            return new Run(Files.readString(out), Files.readString(err));
        } finally {
            try (var files = Files.walk(profile)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS
            }
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The severities of the hidden finding rows. */
    private static List<String> hidden(String dom) {
        List<String> severities = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"finding (\\w+)\"[^>]*hidden").matcher(dom);
        while (m.find()) {
            severities.add(m.group(1));
        }
        return severities;
    }
}
