package dev.dbcheck.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the project's files are, for the migration tools.
 *
 * @param baseDirectory  the project directory; relative locations resolve against it
 * @param sourceRoot     the directory report paths are relative to (the repository root)
 * @param classpathRoots the project's resource and output folders, for {@code classpath:} locations
 */
public record Project(Path baseDirectory, Path sourceRoot, List<Path> classpathRoots) {

    public Project {
        classpathRoots = List.copyOf(classpathRoots);
    }

    /** A project whose files are all under one folder. */
    public static Project at(Path directory) {
        return new Project(directory, directory, List.of());
    }
}
