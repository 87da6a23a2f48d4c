package dev.dbcheck.maven;

import dev.dbcheck.advice.AdviceConfig;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.report.Reports;
import dev.dbcheck.report.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.nio.file.Path;

/**
 * Proposes the indexes the declared dashboard queries need: runs what {@code dbcheck:verify} runs, with the index
 * advice on whatever {@code advice.enabled} says, and writes the smallest measured set as a ready migration,
 * {@code target/dbcheck/advice.sql}. Findings do not fail this goal (it is there to be run on a failing project);
 * bad configuration, a failing migration or query do.
 */
@Mojo(name = "advise", threadSafe = true)
public class AdviseMojo extends AbstractDbcheckMojo {

    @Inject
    public AdviseMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        runGoal(settings -> {
            DbcheckConfig configured = buildConfig(settings);
            if (configured.dashboards() == null) {
                throw new MojoFailureException("dbcheck:advise needs dashboard queries to advise indexes for: put "
                        + "them in src/main/dashboards (or <dashboards><directory>) and declare the volumes");
            }
            AdviceConfig advice = configured.advice();
            DbcheckConfig config = configured.withAdvice(new AdviceConfig(true, advice.candidatesPerQuery(),
                    advice.timeLimit()));
            RunResult result = new Dbcheck(config, artifactResolver(), classpathRoots()).run(new MavenLog(getLog()));
            if (result.advice() == null) {
                getLog().info("No index advice: no dashboard query has a finding an index could remove");
            } else if (result.advice().indexes().isEmpty()) {
                getLog().warn("No index removes the dashboard findings; see each finding's fix for what helps instead");
            } else {
                Path file = config.reports().directory().resolve(Reports.ADVICE_FILE);
                getLog().info("Wrote the index advice to " + file + " (" + result.advice().indexes().size()
                        + " index" + (result.advice().indexes().size() == 1 ? "" : "es") + (result.advice().allPass()
                        ? ", every declared query passes with them" : ", some queries still fail: see above")
                        + "): copy it as the next migration");
            }
        });
    }
}
