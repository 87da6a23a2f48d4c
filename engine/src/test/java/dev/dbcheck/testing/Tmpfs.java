package dev.dbcheck.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs of a test's own, for file-system faults (a full disk, a read-only one), where mounting is allowed
 * (root with CAP_SYS_ADMIN); else the test skips, visibly.
 */
public record Tmpfs(Path path) implements AutoCloseable {

    public static Tmpfs mount(Path parent, String options) throws Exception {
        Path mount = Files.createDirectory(parent.resolve("mnt-" + options.replaceAll("\\W", "")));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            Skips.visibly("Filesystem fault tests skipped: cannot mount a tmpfs here (" + out + ")");
        }
        return new Tmpfs(mount);
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            new ProcessBuilder("umount", path.toString()).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
