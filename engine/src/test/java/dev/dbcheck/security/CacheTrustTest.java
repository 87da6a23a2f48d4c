package dev.dbcheck.security;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.ServerUser;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The binaries cache may be shared by the users of a CI machine: a build runs what it finds there. These tests
 * plant and damage what is reused — the extracted binaries, the template cluster — and check that the next build
 * refuses what someone else could have written, and repairs what is merely broken.
 */
class CacheTrustTest {

    /** Another user of the machine (nobody). */
    private static final int OTHER_UID = 65534;

    @TempDir
    Path cache;

    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void letTheServerUserIn() throws Exception {
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String key() {
        TestPostgres.BinariesJar jar = TestPostgres.binariesJar();
        return jar.version() + "-" + jar.platform();
    }

    private PostgresInstallation extract() throws DbcheckException {
        TestPostgres.BinariesJar jar = TestPostgres.binariesJar();
        return PostgresInstallation.fromJar(jar.jar(), jar.version(), key(), cache, RecordingLog.into(log));
    }

    @Test
    void binariesPlantedByAnotherUserAreRefusedAndNeverRun() throws Exception {
        assumeTrue(ServerUser.currentUid() == 0, "planting a directory owned by someone else needs root");
        Path planted = cache.resolve("postgres").resolve(key());
        Path canary = cache.resolve("initdb-ran");
        Files.createDirectories(planted.resolve("bin"));
        Path initdb = Files.writeString(planted.resolve("bin/initdb"), "#!/bin/sh\ntouch " + canary + "\n");
        Files.setPosixFilePermissions(initdb, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(planted.resolve(".dbcheck-complete"));
        chownTree(planted, OTHER_UID);

        assertThatThrownBy(this::extract)
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("The PostgreSQL binaries cache is not safe to use: " + planted
                        + " is owned by uid 65534, not by this user (uid 0) or root.")
                .hasMessageContaining("Remove " + planted + " (dbcheck extracts the binaries again)")
                .hasMessageContaining("set cacheDirectory (DBCHECK_CACHE_DIR)");
        assertThat(canary).doesNotExist();
        assertThat(planted.resolve("bin/initdb")).exists(); // not ours to delete: the user decides
    }

    @Test
    void binariesEveryUserCanWriteAreRefused() throws Exception {
        Path bin = extract().directory().resolve("bin");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(this::extract)
                .isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("The PostgreSQL binaries cache is not safe to use: " + bin.toRealPath()
                        + " is writable by every user.");
    }

    @Test
    void aCacheDirectoryOfAnotherUserIsRefusedBeforeAnythingIsExtracted() throws Exception {
        assumeTrue(ServerUser.currentUid() == 0, "a directory owned by someone else needs root");
        Path root = Files.createDirectories(cache.resolve("postgres"));
        Files.setAttribute(root, "unix:uid", OTHER_UID);

        assertThatThrownBy(this::extract)
                .isInstanceOf(DbcheckException.class)
                .hasMessageContaining(root.toRealPath() + " is owned by uid 65534");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).allMatch(p -> p.getFileName().toString().endsWith(".lock"));
        }
    }

    @Test
    void truncatedBinariesAndAbandonedExtractionsAreRepaired() throws Exception {
        PostgresInstallation first = extract();
        Path postgres = first.directory().resolve("bin/postgres");
        long size = Files.size(postgres);
        try (RandomAccessFile file = new RandomAccessFile(postgres.toFile(), "rw")) {
            file.setLength(size / 2); // a disk that filled up, a copy stopped half-way
        }
        Path abandoned = Files.createDirectories(cache.resolve("postgres").resolve(key() + ".extracting-123"));
        Files.writeString(abandoned.resolve("half"), "x");
        log.clear();

        PostgresInstallation second = extract();

        assertThat(Files.size(second.directory().resolve("bin/postgres"))).isEqualTo(size);
        assertThat(log).contains("The PostgreSQL binaries in " + first.directory() + " do not match what was "
                + "extracted (a file is missing or has another size): extracting them again");
        assertThat(abandoned).doesNotExist();
        try (Stream<Path> left = Files.list(cache.resolve("postgres"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(key(), key() + ".lock");
        }
        log.clear();
        extract();
        assertThat(log).as("intact binaries are used as they are").isEmpty();
    }

    @Test
    void aTemplateClusterOfAnotherUserIsNotCopiedAndADamagedOneIsMadeAgain() throws Exception {
        // binaries seen through a link in this test's cache, so the template goes beside it
        Path binaries = Files.createSymbolicLink(cache.resolve("bin-link"), TestPostgres.installation().directory());
        PostgresInstallation installation = PostgresInstallation.fromDirectory(binaries,
                TestPostgres.installation().version());
        Path template = cache.resolve("bin-link.cluster-v2");
        try (EmbeddedPostgres server = start(installation)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(template.resolve("data/PG_VERSION")).exists();
        try (Stream<Path> all = Files.walk(template)) {
            assertThat(all).as("the template belongs to the cache's owner, not to the first server's uid")
                    .allMatch(p -> uid(p) == ServerUser.currentUid());
        }

        // a template someone else can write: a postgresql.conf of theirs would run in every later server
        Files.setPosixFilePermissions(template.resolve("data"), PosixFilePermissions.fromString("rwxrwxrwx"));
        log.clear();
        try (EmbeddedPostgres server = start(installation)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(log).contains("Not using the cluster template " + template + ": " + template.resolve("data")
                + " is writable by every user; running initdb instead (remove it, or set cacheDirectory to a "
                + "directory only you can write)");
        Files.setPosixFilePermissions(template.resolve("data"), PosixFilePermissions.fromString("rwx------"));

        // a template that lost a file: the copy would not start
        Files.delete(template.resolve("data/PG_VERSION"));
        log.clear();
        try (EmbeddedPostgres server = start(installation)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(log).contains("The cluster template " + template + " is damaged (no PG_VERSION): making it again");
        assertThat(template.resolve("data/PG_VERSION")).as("made again from the new cluster").exists();

        // a truncated pg_control (PANIC at start-up before): made again too
        try (RandomAccessFile file = new RandomAccessFile(template.resolve("data/global/pg_control").toFile(), "rw")) {
            file.setLength(100);
        }
        log.clear();
        try (EmbeddedPostgres server = start(installation)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(log).contains("The cluster template " + template + " is damaged (global/pg_control is missing "
                + "or not 8192 bytes): making it again");
        try (EmbeddedPostgres server = start(installation)) {
            assertThat(server.fromTemplate()).as("the repaired template is used").isTrue();
        }
    }

    private EmbeddedPostgres start(PostgresInstallation installation) throws DbcheckException {
        return EmbeddedPostgres.start(installation, ServerUser.choose(null, true), cache, Map.of(),
                Duration.ofSeconds(60), RecordingLog.into(log));
    }

    private static int uid(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void chownTree(Path tree, int uid) throws IOException {
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
