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
        assertThat(count(dom, "class=\"node offending\"")).as("the Seq Scan of paid_orders").isEqualTo(1);
        assertThat(dom).containsPattern("class=\"node offending\"[^>]*><div class=\"head\"><b>Seq Scan</b> on "
                + "<code>public.orders</code>");
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
