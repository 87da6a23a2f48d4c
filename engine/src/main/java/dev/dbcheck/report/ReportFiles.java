package dev.dbcheck.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which report files a run writes, and where.
 *
 * @param directory the folder ({@code target/dbcheck} by default)
 * @param formats   the formats; empty for the console only
 */
public record ReportFiles(Path directory, Set<ReportFormat> formats) {

    public ReportFiles {
        formats = formats.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }
}
