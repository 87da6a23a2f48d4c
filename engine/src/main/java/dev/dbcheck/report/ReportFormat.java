package dev.dbcheck.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report files dbcheck can write under the report directory. */
public enum ReportFormat {
    /** Every finding, timing, plan and the index budget: {@code dbcheck.json}. */
    JSON("dbcheck.json"),
    /** SARIF 2.1.0 for code scanning: {@code dbcheck.sarif}. */
    SARIF("dbcheck.sarif"),
    /** JUnit XML, one file per suite: {@code junit/TEST-dbcheck.*.xml}. */
    JUNIT("junit"),
    /** One self-contained page for people: {@code dbcheck.html}. */
    HTML("dbcheck.html"),
    /** GitLab Code Quality (Code Climate issues) for merge requests: {@code gl-code-quality-report.json}. */
    GITLAB("gl-code-quality-report.json"),
    /** SonarQube generic external issues ({@code sonar.externalIssuesReportPaths}): {@code dbcheck-sonarqube.json}. */
    SONARQUBE("dbcheck-sonarqube.json"),
    /** A Markdown summary for a pull-request comment from any CI: {@code dbcheck.md}. */
    MARKDOWN("dbcheck.md");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file (or, for JUnit, the folder) under the report directory. */
    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id().equals(t) || (f == JUNIT && t.equals("junit-xml"))
                || (f == GITLAB && (t.equals("codequality") || t.equals("code-quality")))
                || (f == SONARQUBE && t.equals("sonar")) || (f == MARKDOWN && t.equals("md"))).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
