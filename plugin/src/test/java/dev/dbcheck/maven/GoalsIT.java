package dev.dbcheck.maven;

import dev.dbcheck.provision.embedded.PostgresInstallation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals a Maven user reaches for outside a build: {@code dbcheck:help} and {@code dbcheck:rules} in a folder
 * without a pom — by the plugin's coordinates, and by the prefix once {@code dev.dbcheck} is among the user's
 * {@code pluginGroups}, as docs/configuration.md says.
 */
class GoalsIT {

    @Test
    void helpAndRulesRunWithoutAProjectByCoordinatesAndByPrefix() throws Exception {
        Path empty = FaultsIT.WORK.resolve("no-project");
        PostgresInstallation.deleteRecursively(empty);
        Files.createDirectories(empty);
        String coordinates = "dev.dbcheck:dbcheck-maven-plugin:" + System.getProperty("dbcheck.version");

        String rules = mvn(empty, false, coordinates + ":rules");
        assertThat(rules).contains("BUILD SUCCESS").containsPattern("blocking-index-build +Migration safety +error ")
                .contains("foreign-key-without-index");

        String help = mvn(empty, true, "dbcheck:help", "-Ddetail", "-Dgoal=verify");
        assertThat(help).contains("BUILD SUCCESS", "dbcheck:verify", "migrationSafety", "dashboards");
        String goals = mvn(empty, true, "dbcheck:help");
        assertThat(goals).contains("dbcheck:verify", "dbcheck:advise", "dbcheck:baseline", "dbcheck:rules",
                "dbcheck:help");
    }

    private static String mvn(Path dir, boolean pluginGroups, String... goals) throws Exception {
        String repo = Path.of(System.getProperty("dbcheck.outerRepository")).toUri().toString();
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>%s<profiles><profile><id>it-repo</id>
                  <activation><activeByDefault>true</activeByDefault></activation>
                  <repositories><repository><id>local.central</id><url>%s</url></repository></repositories>
                  <pluginRepositories><pluginRepository><id>local.central</id><url>%s</url></pluginRepository></pluginRepositories>
                </profile></profiles></settings>
                """.formatted(pluginGroups ? "<pluginGroups><pluginGroup>dev.dbcheck</pluginGroup></pluginGroups>"
                : "", repo, repo), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn")
                .toString(), "-B", "-o", "-s", settings.toString(),
                "-Dmaven.repo.local=" + Path.of("target/local-repo").toAbsolutePath()));
        command.addAll(List.of(goals));
        Path log = dir.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
