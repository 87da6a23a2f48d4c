package dev.dbcheck.change;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.MigrationSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Which migrations are the change a pull request makes, and which are production: the older ones, already
 * deployed, applied first and never judged.
 *
 * <p>With {@code since} (a git ref) the change starts at the first migration, in the order the tool applies them,
 * that was added or modified since the merge base of HEAD and that ref — committed, staged, unstaged or untracked,
 * so that a local build before the commit sees it too. Flyway's repeatable scripts are the change only when they
 * changed themselves: Flyway re-runs a repeatable script only then. A Liquibase changeSet is changed when one of
 * its own lines is (pull requests append changeSets to files production already ran), and the unchanged ones are
 * production wherever they are in the changelog: Liquibase runs only the changeSets it has not run. With
 * {@code afterVersion} the versioned Flyway scripts above it are the change.
 *
 * @param production the migrations applied before the change, in order
 * @param change     the migrations traced, in order; empty when there is nothing to judge
 * @param basis      how the change was chosen, or why nothing is judged, for the log and the reports
 */
public record TheChange(List<MigrationScript> production, List<MigrationScript> change, String basis) {

    public TheChange {
        production = List.copyOf(production);
        change = List.copyOf(change);
    }

    public boolean isEmpty() {
        return change.isEmpty();
    }

    static TheChange nothing(List<MigrationScript> scripts, String why) {
        return new TheChange(scripts, List.of(), why);
    }

    /**
     * @param scripts     every migration, in the order the tool applies them
     * @param directory   the project's directory (inside the git work tree)
     * @param environment the CI's variables ({@code GITHUB_BASE_REF}, {@code CI_MERGE_REQUEST_DIFF_BASE_SHA}, ...)
     * @throws ConfigException when a configured ref or version cannot be used
     */
    public static TheChange select(ChangeConfig config, MigrationSettings.Tool tool, List<MigrationScript> scripts,
                                   Path directory, Map<String, String> environment) throws ConfigException {
        if (config.afterVersion() != null) {
            if (tool != MigrationSettings.Tool.FLYWAY) {
                throw new ConfigException("migrationSafety.afterVersion", "needs Flyway's versioned scripts; with "
                        + "migrations.tool " + tool.name().toLowerCase(java.util.Locale.ROOT)
                        + " choose the change with migrationSafety.since (a git ref)");
            }
            return afterVersion(config.afterVersion(), scripts);
        }
        Git git = new Git(directory);
        Optional<Path> root = git.root();
        if (root.isEmpty()) {
            return nothing(scripts, "the project is not in a git work tree (or git is not installed), so no "
                    + "migration is known to be new; set migrationSafety.afterVersion to name the change");
        }
        String ref;
        if (!ChangeConfig.AUTO.equals(config.since())) {
            ref = config.since();
            if (!git.exists(ref)) {
                throw new ConfigException("migrationSafety.since", "'" + ref + "' is not a commit, branch or tag of "
                        + "the repository at " + root.get() + " (a CI clone may need to fetch it: actions/checkout "
                        + "with fetch-depth: 0, GitLab's GIT_DEPTH: 0)");
            }
        } else {
            Optional<String> found = automaticRef(git, environment);
            if (found.isEmpty()) {
                return nothing(scripts, autoRefMissing(environment));
            }
            ref = found.get();
        }
        Git.Output mergeBase = git.run("merge-base", "HEAD", ref);
        if (!mergeBase.ok() || mergeBase.out().isBlank()) {
            return nothing(scripts, "HEAD and " + ref + " have no common commit in this clone (a shallow clone? "
                    + "fetch the history: actions/checkout with fetch-depth: 0, GitLab's GIT_DEPTH: 0)");
        }
        String base = mergeBase.out().strip();
        Set<Path> changed = new HashSet<>();
        Set<Path> untrackedFiles = new HashSet<>();
        Git.Output diff = git.run("-c", "core.quotePath=false", "diff", "--name-only", "--no-renames",
                "--no-ext-diff", "--no-textconv", "--diff-filter=d", base, "--");
        Git.Output untracked = git.run("-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard");
        if (!diff.ok() || !untracked.ok()) {
            return nothing(scripts, "git could not list the files changed since " + ref + ": "
                    + (diff.ok() ? untracked.error() : diff.error()));
        }
        for (String line : diff.lines()) {
            changed.add(real(root.get().resolve(line)));
        }
        for (String line : untracked.lines()) {
            untrackedFiles.add(real(directory.resolve(line)));
        }
        changed.addAll(untrackedFiles);
        // a step of a file (a Liquibase changeSet) is changed when a line of its own is; read once per file
        Map<Path, IntPredicate> changedLines = new HashMap<>();
        Predicate<MigrationScript> isChanged = s -> {
            Path file = real(s.file());
            if (!changed.contains(file)) {
                return false;
            }
            if (s.wholeFile() || untrackedFiles.contains(file)) {
                return true;
            }
            IntPredicate lines = changedLines.computeIfAbsent(file, f -> git.changedLines(base, f));
            return IntStream.rangeClosed(s.firstLine(), s.lastLine()).anyMatch(lines);
        };
        String since = "since " + ref + " (merge base " + base.substring(0, Math.min(10, base.length())) + ")";
        return split(tool, scripts, isChanged, since);
    }

    /** The CI's target branch, else the remote's default branch, else a local main or master. */
    private static Optional<String> automaticRef(Git git, Map<String, String> environment) {
        List<String> candidates = new ArrayList<>();
        String github = environment.get("GITHUB_BASE_REF");
        String gitlabBase = environment.get("CI_MERGE_REQUEST_DIFF_BASE_SHA");
        String gitlabTarget = environment.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
        if (github != null && !github.isBlank()) {
            candidates.add("origin/" + github);
        } else if (gitlabBase != null && !gitlabBase.isBlank()) {
            candidates.add(gitlabBase);
        } else if (gitlabTarget != null && !gitlabTarget.isBlank()) {
            candidates.add("origin/" + gitlabTarget);
        }
        if (!candidates.isEmpty()) {
            // a pull request's target that is not in the clone is said so, not replaced by a guess
            return candidates.stream().filter(git::exists).findFirst();
        }
        Git.Output head = git.run("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD");
        if (head.ok() && head.out().strip().startsWith("refs/remotes/")) {
            candidates.add(head.out().strip().substring("refs/remotes/".length()));
        }
        candidates.addAll(List.of("origin/main", "origin/master", "main", "master"));
        return candidates.stream().filter(git::exists).findFirst();
    }

    private static String autoRefMissing(Map<String, String> environment) {
        String github = environment.get("GITHUB_BASE_REF");
        String gitlab = environment.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
        if (github != null && !github.isBlank()) {
            return "the pull request's target origin/" + github + " is not in this clone (actions/checkout with "
                    + "fetch-depth: 0 fetches it)";
        }
        if (gitlab != null && !gitlab.isBlank()) {
            return "the merge request's target origin/" + gitlab + " is not in this clone (GIT_DEPTH: 0 fetches it)";
        }
        return "no branch to compare with (no origin/HEAD, origin/main, origin/master, main or master); set "
                + "migrationSafety.since to the branch the change goes into";
    }

    private static TheChange afterVersion(String version, List<MigrationScript> scripts) {
        List<MigrationScript> production = new ArrayList<>();
        List<MigrationScript> change = new ArrayList<>();
        List<MigrationScript> repeatable = new ArrayList<>();
        for (MigrationScript s : scripts) {
            Optional<String> v = FlywayMigrator.versionOf(s.file());
            if (v.isEmpty()) {
                repeatable.add(s);
            } else if (FlywayMigrator.compareVersions(v.get(), version) > 0) {
                change.add(s);
            } else {
                production.add(s);
            }
        }
        production.addAll(repeatable);
        return new TheChange(production, change, "above version " + version);
    }

    private static TheChange split(MigrationSettings.Tool tool, List<MigrationScript> scripts,
                                   java.util.function.Predicate<MigrationScript> changed, String since) {
        List<MigrationScript> production = new ArrayList<>();
        List<MigrationScript> change = new ArrayList<>();
        List<MigrationScript> unchangedRepeatable = new ArrayList<>();
        boolean started = false;
        for (MigrationScript s : scripts) {
            boolean repeatable = tool == MigrationSettings.Tool.FLYWAY && FlywayMigrator.versionOf(s.file()).isEmpty();
            if (repeatable) {
                if (changed.test(s)) {
                    change.add(s);
                } else {
                    unchangedRepeatable.add(s);
                }
                continue;
            }
            if (tool == MigrationSettings.Tool.LIQUIBASE) {
                // Liquibase runs the changeSets it has not run yet, wherever they are in the changelog: an
                // unchanged one after a new one ran in production already
                (changed.test(s) ? change : production).add(s);
                continue;
            }
            started |= changed.test(s);
            (started ? change : production).add(s);
        }
        // an unchanged repeatable script ran in production after the versioned ones it was last changed with
        production.addAll(unchangedRepeatable);
        return change.isEmpty() ? nothing(production, "no migration added or changed " + since)
                : new TheChange(production, change, "the migrations added or changed " + since);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
