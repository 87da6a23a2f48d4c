package dev.dbcheck.report;

import dev.dbcheck.base.DbcheckException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes the configured report files under the report directory; each takes milliseconds. */
public final class Reports {

    /** The index advice as a migration, beside the reports: {@code target/dbcheck/advice.sql}. */
    public static final String ADVICE_FILE = "advice.sql";

    private final ReportFiles settings;

    public Reports(ReportFiles settings) {
        this.settings = settings;
    }

    /** The files (and, for JUnit, the suite files) written. */
    public List<Path> write(RunResult result) throws DbcheckException {
        List<Path> written = new ArrayList<>();
        if (result.advice() != null && !result.advice().indexes().isEmpty()) {
            // the advice is the run's product, not a report format: written whatever formats are chosen
            Path dir = settings.directory();
            try {
                Files.createDirectories(dir);
                written.add(write(dir.resolve(ADVICE_FILE), result.advice().migration()));
            } catch (IOException e) {
                throw new DbcheckException("Cannot write the index advice to " + dir + ": " + e.getMessage(), e);
            }
        }
        written.addAll(write(new Renderings(() -> JsonReport.render(result), () -> SarifReport.render(result),
                () -> HtmlReport.render(result), () -> JUnitReport.render(result),
                () -> GitLabCodeQuality.render(result), () -> SonarQubeIssues.render(result),
                () -> MarkdownSummary.render(result))));
        return written;
    }

    /** What each format renders: of a run's result, or of a run that failed. */
    private record Renderings(java.util.function.Supplier<String> json, java.util.function.Supplier<String> sarif,
                              java.util.function.Supplier<String> html,
                              java.util.function.Supplier<List<JUnitReport.Suite>> junit,
                              java.util.function.Supplier<String> gitlab, java.util.function.Supplier<String> sonarqube,
                              java.util.function.Supplier<String> markdown) {
    }

    private List<Path> write(Renderings renderings) throws DbcheckException {
        List<Path> written = new ArrayList<>();
        if (settings.formats().isEmpty()) {
            return written;
        }
        Path dir = settings.directory();
        try {
            Files.createDirectories(dir);
            for (ReportFormat format : settings.formats()) {
                Path target = dir.resolve(format.fileName());
                switch (format) {
                    case JSON -> written.add(write(target, renderings.json().get()));
                    case SARIF -> written.add(write(target, renderings.sarif().get()));
                    case HTML -> written.add(write(target, renderings.html().get()));
                    case GITLAB -> written.add(write(target, renderings.gitlab().get()));
                    case SONARQUBE -> written.add(write(target, renderings.sonarqube().get()));
                    case MARKDOWN -> written.add(write(target, renderings.markdown().get()));
                    case JUNIT -> {
                        Files.createDirectories(target);
                        // suites of an earlier run (a renamed query) would linger in the CI's test tab
                        removeSuites(target);
                        for (JUnitReport.Suite suite : renderings.junit().get()) {
                            written.add(write(target.resolve(suite.fileName()), suite.xml()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DbcheckException("Cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void removeSuites(Path junit) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(junit, "TEST-dbcheck.*.xml")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }

    /**
     * Removes what an earlier run wrote here (every format, configured or not), so that a run that fails before
     * its reports never leaves the last run's findings looking like its own. Other files in the directory stay.
     */
    public void removePrevious() throws DbcheckException {
        Path dir = settings.directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(ADVICE_FILE));
            for (ReportFormat format : ReportFormat.values()) {
                Path target = dir.resolve(format.fileName());
                if (format == ReportFormat.JUNIT) {
                    if (Files.isDirectory(target)) {
                        removeSuites(target);
                    }
                } else {
                    Files.deleteIfExists(target);
                }
            }
        } catch (IOException e) {
            throw new DbcheckException("Cannot remove the previous reports from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The configured formats' reports of a run that failed ({@link FailedRun}). */
    public List<Path> writeFailure(FailedRun failure) throws DbcheckException {
        return write(new Renderings(() -> JsonReport.renderFailure(failure), () -> SarifReport.renderFailure(failure),
                () -> HtmlReport.renderFailure(failure), () -> List.of(JUnitReport.renderFailure(failure)),
                () -> GitLabCodeQuality.renderFailure(failure), () -> SonarQubeIssues.renderFailure(failure),
                () -> MarkdownSummary.renderFailure(failure)));
    }

    /**
     * Written beside the target and renamed over it: a full disk or a killed build leaves the previous file or
     * none, never a truncated one that a CI step would read.
     */
    private static Path write(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
