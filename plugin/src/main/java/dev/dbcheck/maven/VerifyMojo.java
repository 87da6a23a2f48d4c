package dev.dbcheck.maven;

import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.report.ConsoleReport;
import dev.dbcheck.report.GitHubActions;
import dev.dbcheck.report.Reports;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts a throwaway PostgreSQL, applies the project's migrations, checks the schema against the design rules and
 * fails the build when a finding at or above {@code failOn} remains.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractDbcheckMojo {

    /** When false, findings are reported but never fail the build. */
    @Parameter(property = "dbcheck.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** How many of the failing findings the build's last lines repeat. */
    @Parameter(property = "dbcheck.maxFailuresShown", defaultValue = "10")
    int maxFailuresShown;

    @Inject
    public VerifyMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dbcheck is skipped (dbcheck.skip=true)");
            return;
        }
        RunResult result;
        List<Path> reports;
        try {
            DbcheckConfig config = buildConfig();
            result = new Dbcheck(config, artifactResolver(), classpathRoots()).run(new MavenLog(getLog()));
            // written before the build can fail, so that CI finds them either way
            reports = result.timings().time("reports", () -> new Reports(config.reports()).write(result));
            GitHubActions.publish(result, System.getenv(), System.out);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write the GitHub step summary: " + e.getMessage());
        } catch (DbcheckException e) {
            // No cause: Maven would append every cause's message to this one. The chain is there with -X.
            getLog().debug("dbcheck failed", e);
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("dbcheck failed unexpectedly: " + e, e);
        }
        report(result);
        if (!reports.isEmpty()) {
            Path dir = reports.get(0).getParent();
            getLog().info("Reports: " + reports.stream().map(p -> p.getParent().equals(dir) ? p.getFileName().toString()
                    : dir.relativize(p.getParent()) + "/").distinct().collect(Collectors.joining(", ")) + " in " + dir);
        }
        if (result.failed()) {
            String message = ConsoleReport.failureMessage(result, maxFailuresShown);
            if (failOnViolation) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message);
            getLog().warn("Not failing the build: failOnViolation is false");
        }
    }

    private void report(RunResult result) {
        for (String line : ConsoleReport.dashboards(result)) {
            getLog().info(line);
        }
        for (String line : ConsoleReport.findings(result)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("ERROR")) {
                getLog().error(line);
            } else if (trimmed.startsWith("WARNING")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        for (String line : ConsoleReport.staleBaseline(result, baselineDisplay())) {
            getLog().warn(line);
        }
        getLog().info(ConsoleReport.summary(result));
    }
}
