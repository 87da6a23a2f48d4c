package dev.dbcheck.maven;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.SettingValues;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.Settings;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.report.ConsoleReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;

/**
 * Starts a throwaway PostgreSQL, applies the project's migrations, checks the schema against the design rules and
 * fails the build when a finding at or above {@code failOn} remains.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractDbcheckMojo {

    @Inject
    public VerifyMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        RunResult result;
        boolean failOnViolation;
        int maxFailuresShown;
        try {
            SettingValues settings = settings();
            if (settings.get(Settings.SKIP)) {
                getLog().info("dbcheck is skipped (dbcheck.skip=true)");
                return;
            }
            failOnViolation = settings.get(Settings.FAIL_ON_VIOLATION);
            maxFailuresShown = settings.get(Settings.MAX_FAILURES_SHOWN);
            // the engine runs every stage, the reports included (they are written before the build can fail,
            // so that CI finds them either way); what is left here is Maven's verdict
            result = new Dbcheck(buildConfig(settings), artifactResolver(), classpathRoots())
                    .run(new MavenLog(getLog()));
        } catch (DbcheckException e) {
            // No cause: Maven would append every cause's message to this one. The chain is there with -X.
            getLog().debug("dbcheck failed", e);
            throw new MojoFailureException(dev.dbcheck.base.Printable.line(e.getMessage()));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("dbcheck failed unexpectedly: " + e, e);
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
}
