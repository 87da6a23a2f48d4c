package dev.dbcheck.change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} command, for the few questions migration safety asks of the repository (its root, a ref, a
 * merge base, the files changed since it). Read-only commands only, none that runs hooks; the options that make
 * git run a program of the repository's configuration (an fsmonitor, an external diff, a textconv filter) are
 * switched off, since the checkout is a pull request's.
 */
final class Git {

    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Path directory;

    Git(Path directory) {
        this.directory = directory;
    }

    /** What a git command printed, or why it did not run. */
    record Output(int exitCode, String out, String error) {
        boolean ok() {
            return exitCode == 0;
        }

        List<String> lines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
        }
    }

    Output run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.fsmonitor=false", "-c",
                "core.untrackedCache=false", "-c", "diff.external=", "--no-pager"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
        builder.environment().remove("GIT_DIR");
        builder.environment().remove("GIT_WORK_TREE");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            java.util.concurrent.CompletableFuture<String> error = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Output(-1, "", "git " + arguments[0] + " did not finish within " + TIMEOUT.toSeconds()
                        + " s");
            }
            return new Output(process.exitValue(), out, error.join().strip());
        } catch (IOException e) {
            return new Output(-1, "", "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(-1, "", "interrupted");
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The repository's top folder, when the directory is inside a work tree. */
    Optional<Path> root() {
        Output top = run("rev-parse", "--show-toplevel");
        return top.ok() && !top.out().isBlank() ? Optional.of(Path.of(top.out().strip())) : Optional.empty();
    }

    /** Whether a ref names a commit here. */
    boolean exists(String ref) {
        return run("rev-parse", "--verify", "--quiet", ref + "^{commit}").ok();
    }

    private static final java.util.regex.Pattern HUNK = java.util.regex.Pattern.compile(
            "^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@", java.util.regex.Pattern.MULTILINE);

    /**
     * The lines of a file's current text that differ from the commit's (added or changed; where lines were only
     * removed, the lines on both sides of the gap), or every line when git cannot tell.
     */
    java.util.function.IntPredicate changedLines(String commit, Path file) {
        Output diff = run("diff", "-U0", "--no-renames", "--no-ext-diff", "--no-textconv", commit, "--",
                file.toString());
        if (!diff.ok()) {
            return line -> true;
        }
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        java.util.regex.Matcher m = HUNK.matcher(diff.out());
        while (m.find()) {
            int start = Integer.parseInt(m.group(1));
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (count == 0) {
                lines.add(start);
                lines.add(start + 1);
            }
            for (int i = 0; i < count; i++) {
                lines.add(start + i);
            }
        }
        return lines::contains;
    }
}
