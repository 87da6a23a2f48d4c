package dev.dbcheck.maven;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.provision.embedded.ArtifactResolver;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

import java.nio.file.Path;
import java.util.List;

/** Resolves the PostgreSQL binaries with Maven's own resolver: the user's settings, mirrors and offline mode apply. */
final class MavenArtifactResolver implements ArtifactResolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    MavenArtifactResolver(RepositorySystem system, RepositorySystemSession session,
                          List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    @Override
    public Path resolveJar(String groupId, String artifactId, String version) throws DbcheckException {
        String coordinates = groupId + ":" + artifactId + ":" + version;
        try {
            ArtifactResult result = system.resolveArtifact(session,
                    new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "jar", version), repositories, null));
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new DbcheckException("Cannot resolve the PostgreSQL binaries " + coordinates + " from "
                    + (session.isOffline() ? "the local repository (Maven runs offline)" : "the plugin repositories")
                    + ": " + e.getMessage(), e);
        }
    }
}
