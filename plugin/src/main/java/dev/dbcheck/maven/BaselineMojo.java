package dev.dbcheck.maven;

import dev.dbcheck.place.Baseline;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.report.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;

/**
 * Records today's findings in {@code dbcheck-baseline.json}, so that {@code dbcheck:verify} fails only on new
 * ones: the way to adopt dbcheck on an existing schema. Commit the file; shrink it as findings are fixed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractDbcheckMojo {

    @Inject
    public BaselineMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        runGoal(settings -> {
            DbcheckConfig config = buildConfig(settings);
            RunResult result = new Dbcheck(config, artifactResolver(), classpathRoots())
                    .check(new MavenLog(getLog()), false);
            Baseline baseline = Baseline.of(result.findings());
            baseline.write(config.baselineFile());
            getLog().info("Wrote " + baseline.entries().size() + " finding(s) to " + baselineDisplay(config)
                    + ": dbcheck:verify now fails only on findings not listed there");
        });
    }
}
