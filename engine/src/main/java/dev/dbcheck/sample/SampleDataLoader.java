package dev.dbcheck.sample;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.sql.Identifiers;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the user's sample data after the migrations, so that normalization can look at real rows: every
 * {@code <table>.csv} or {@code <schema>.<table>.csv} (a header row names the columns) with COPY, and every
 * {@code .sql} file as a script, in name order. Errors name the file and line.
 */
public final class SampleDataLoader {

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

    private final Path folder;
    private final Path sourceRoot;

    public SampleDataLoader(Path folder, Path sourceRoot) {
        this.folder = folder;
        this.sourceRoot = sourceRoot;
    }

    /** Loads every file; returns how many were loaded. */
    public int load(Connection connection) throws DbcheckException {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("sampleData", "folder " + folder + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("sampleData", "cannot list " + folder + ": " + e.getMessage());
        }
        for (Path file : files) {
            String display = SourceFiles.displayPath(file, sourceRoot);
            String text = SourceFiles.readUtf8(file, display);
            if (file.toString().endsWith(".sql")) {
                PlainSqlMigrator.execute(connection, text, display);
            } else {
                copy(connection, file, display, text);
            }
        }
        return files.size();
    }

    private static void copy(Connection connection, Path file, String display, String text) throws DbcheckException {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        String[] parts = name.split("\\.", 2);
        String table = parts.length == 2 ? Identifiers.alwaysQuote(parts[0]) + "." + Identifiers.alwaysQuote(parts[1])
                : Identifiers.alwaysQuote(name);
        String header;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            header = reader.readLine();
        } catch (IOException e) {
            throw new DbcheckException(display + ": " + e.getMessage(), e);
        }
        if (header == null || header.isBlank()) {
            throw new DbcheckException(display + ":1: the file is empty; a CSV file starts with a header row naming "
                    + "the columns");
        }
        List<String> columns = new ArrayList<>();
        Arrays.stream(header.split(",")).map(String::trim).map(c -> c.replaceAll("^\"|\"$", ""))
                .forEach(c -> columns.add(Identifiers.alwaysQuote(c)));
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv, HEADER true)";
        try (Reader reader = new StringReader(text)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(sql, reader);
        } catch (PSQLException e) {
            int line = 1;
            if (e.getServerErrorMessage() != null && e.getServerErrorMessage().getWhere() != null) {
                Matcher m = COPY_LINE.matcher(e.getServerErrorMessage().getWhere());
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                }
            }
            String message = e.getServerErrorMessage() != null ? e.getServerErrorMessage().getMessage() : e.getMessage();
            throw new DbcheckException(display + ":" + line + ": ERROR: " + message, e);
        } catch (SQLException | IOException e) {
            throw new DbcheckException(display + ": " + e.getMessage(), e);
        }
    }
}
