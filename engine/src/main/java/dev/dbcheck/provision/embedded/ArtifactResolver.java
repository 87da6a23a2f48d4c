package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;

import java.nio.file.Path;

/**
 * Finds a jar in a Maven repository. The Maven plugin answers with Maven's own resolver (settings, mirrors,
 * offline mode); other front ends use {@link MavenRepositoryResolver}.
 */
@FunctionalInterface
public interface ArtifactResolver {

    String BINARIES_GROUP_ID = "io.zonky.test.postgres";

    Path resolveJar(String groupId, String artifactId, String version) throws DbcheckException;
}
