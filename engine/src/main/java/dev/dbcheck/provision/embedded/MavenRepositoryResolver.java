package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Looks for a jar in a local Maven repository and, when it is not there, downloads it from a remote one (Maven
 * Central by default) into the same layout, checking its SHA-1. For front ends that do not run inside Maven.
 */
public final class MavenRepositoryResolver implements ArtifactResolver {

    public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2";

    private final Path localRepository;
    private final String remoteRepository;
    private final EngineLog log;

    public MavenRepositoryResolver(Path localRepository, String remoteRepository, EngineLog log) {
        this.localRepository = localRepository;
        this.remoteRepository = remoteRepository.endsWith("/")
                ? remoteRepository.substring(0, remoteRepository.length() - 1) : remoteRepository;
        this.log = log;
    }

    /** {@code ~/.m2/repository} (or {@code -Dmaven.repo.local}) and Maven Central. */
    public static MavenRepositoryResolver defaults(EngineLog log) {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenRepositoryResolver(local, MAVEN_CENTRAL, log);
    }

    @Override
    public Path resolveJar(String groupId, String artifactId, String version) throws DbcheckException {
        String relative = groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-"
                + version + ".jar";
        Path jar = localRepository.resolve(relative);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String url = remoteRepository + "/" + relative;
        log.info("Downloading " + url);
        try {
            Files.createDirectories(jar.getParent());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            Path partial = Files.createTempFile(jar.getParent(), artifactId, ".part");
            try {
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(partial));
                if (response.statusCode() != 200) {
                    throw new DbcheckException("Could not download " + url + ": HTTP " + response.statusCode());
                }
                HttpResponse<String> sha = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (sha.statusCode() == 200) {
                    String expected = sha.body().trim().split("\\s+")[0];
                    String actual = sha1(partial);
                    if (!expected.equalsIgnoreCase(actual)) {
                        throw new DbcheckException("Checksum mismatch for " + url + ": expected " + expected
                                + ", got " + actual);
                    }
                }
                Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return jar;
        } catch (IOException e) {
            throw new DbcheckException("Could not download " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbcheckException("Interrupted while downloading " + url, e);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
