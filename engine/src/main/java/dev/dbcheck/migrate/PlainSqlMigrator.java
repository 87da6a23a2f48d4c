package dev.dbcheck.migrate;

import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.StatementWatchdog;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.sql.PsqlCommand;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies every {@code .sql} file of one or more folders in name order (numbers compared as numbers, so
 * {@code 2_x.sql} comes before {@code 10_x.sql}), for projects that keep plain SQL scripts without a migration
 * tool. Each file runs in one transaction, unless it holds a statement PostgreSQL refuses inside one
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...).
 */
public final class PlainSqlMigrator implements Migrator {

    private final List<String> folders;
    private final Map<String, String> placeholders;
    private final Path baseDirectory;
    private final Path sourceRoot;
    /** Each statement is cancelled after this long (migrationTimeout); null for no limit. */
    private final java.time.Duration statementTimeout;

    /** @param settings its locations are the folders, relative to the project's directory */
    public PlainSqlMigrator(MigrationSettings settings, Project project) {
        this.folders = settings.locations();
        this.placeholders = settings.placeholders();
        this.baseDirectory = project.baseDirectory();
        this.sourceRoot = project.sourceRoot();
        this.statementTimeout = settings.statementTimeout();
    }

    /** Applies one script text directly, e.g. a test fixture. */
    public static void execute(Connection connection, String sql, String displayPath) throws DbcheckException {
        new PlainSqlMigrator(new MigrationSettings(MigrationSettings.Tool.PLAIN, List.of(), List.of(), Map.of(), null,
                null), Project.at(Path.of("."))).run(connection, sql, displayPath);
    }

    @Override
    @SuppressWarnings("try") // the watchdog works while the try block runs
    public AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException {
        List<MigrationScript> scripts = scripts();
        // the session's statement_timeout is the first limit; a script can switch it off, the watchdog cannot be
        try (StatementWatchdog watchdog = StatementWatchdog.start(database, statementTimeout, log);
             Connection connection = database.connect()) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute(timeoutSetting());
            }
            for (MigrationScript script : scripts) {
                log.debug("Applying " + script.displayPath());
                run(connection, withoutHarmlessPsqlCommands(script.content(), script.displayPath(), log),
                        script.displayPath());
            }
        } catch (SQLException e) {
            throw new DbcheckException("Cannot connect to " + database.description() + ": " + e.getMessage(), e);
        }
        return new AppliedMigrations(scripts, Set.of());
    }


    /**
     * Applies scripts on a connection in the structure {@link #migrate} uses (each script one transaction unless a
     * statement refuses one), for a part of a project's migrations; a failure is reported at its file and line.
     */
    public static void apply(Connection connection, List<MigrationScript> scripts, java.time.Duration statementTimeout,
                             EngineLog log) throws DbcheckException {
        PlainSqlMigrator migrator = new PlainSqlMigrator(new MigrationSettings(MigrationSettings.Tool.PLAIN, List.of(),
                List.of(), Map.of(), null, statementTimeout), Project.at(Path.of(".")));
        for (MigrationScript script : scripts) {
            log.debug("Applying " + script.displayPath());
            migrator.run(connection, runnableText(script, log), script.displayPath());
        }
    }

    /** A script's text as it is sent: placeholders replaced, the harmless psql commands left out (with a warning). */
    public static String runnableText(MigrationScript script, EngineLog log) {
        return withoutHarmlessPsqlCommands(script.content(), script.displayPath(), log);
    }

    /**
     * The script without the psql commands that change nothing (pg_dump's {@code \restrict}, {@code \set
     * ON_ERROR_STOP}), each skipped with a warning; {@link #check} has refused the others.
     */
    private static String withoutHarmlessPsqlCommands(String content, String display, EngineLog log) {
        List<PsqlCommand> harmless = PsqlCommand.find(content).stream().filter(PsqlCommand::harmless).toList();
        for (PsqlCommand command : harmless) {
            log.warn(display + ":" + command.line() + ": skipped the psql command " + command.text().split("\\s+")[0]
                    + " (psql runs it, not the server; it changes nothing in the schema)");
        }
        return harmless.isEmpty() ? content : PsqlCommand.without(content, harmless);
    }

    /** The session setting that enforces {@link #statementTimeout}. */
    private String timeoutSetting() {
        return "SET statement_timeout = " + (statementTimeout == null ? 0 : statementTimeout.toMillis());
    }

    @Override
    public List<MigrationScript> scripts() throws DbcheckException {
        List<MigrationScript> scripts = new ArrayList<>();
        for (Path file : files()) {
            String display = SourceFiles.displayPath(file, sourceRoot);
            scripts.add(new MigrationScript(file, display,
                    SourceFiles.replacePlaceholders(SourceFiles.readUtf8(file, display), placeholders)));
        }
        return scripts;
    }

    /** Before any database starts: the folders hold scripts, and no script needs psql to run it. */
    @Override
    public void check() throws DbcheckException {
        for (Path file : files()) {
            String display = SourceFiles.displayPath(file, sourceRoot);
            for (PsqlCommand command : PsqlCommand.find(SourceFiles.readUtf8(file, display))) {
                if (!command.harmless()) {
                    throw new DbcheckException(command.refusal(display, "dbcheck"));
                }
            }
        }
    }

    private List<Path> files() throws ConfigException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            String f = folder.startsWith("filesystem:") ? folder.substring("filesystem:".length()) : folder;
            Path dir = baseDirectory.resolve(f).normalize();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("migrations.locations", "migrations folder " + dir + " does not exist");
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new ConfigException("migrations.locations", "cannot list " + dir + ": " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new ConfigException("migrations.locations", "no .sql files found in " + String.join(", ", folders));
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), PlainSqlMigrator::naturalCompare));
        return files;
    }

    private void run(Connection connection, String sql, String display) throws DbcheckException {
        // scanned twice, no statement kept: a data migration may be large
        Iterable<SqlStatement> statements = SqlScanner.statements(sql);
        boolean transactional = true;
        for (SqlStatement statement : statements) {
            transactional &= !refusesTransaction(statement);
        }
        try {
            connection.setAutoCommit(!transactional);
            try (Statement jdbc = connection.createStatement()) {
                for (SqlStatement statement : statements) {
                    try {
                        jdbc.execute(statement.text());
                    } catch (SQLException e) {
                        if (transactional) {
                            connection.rollback();
                        }
                        String message = DatabaseErrors.message(e) + DatabaseErrors.timeoutNote(e, statementTimeout);
                        throw new MigrationException(new SourcePosition(display, DatabaseErrors.line(statement, e)),
                                message, e);
                    }
                }
            }
            if (transactional) {
                connection.commit();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new MigrationException(new SourcePosition(display, 1), DatabaseErrors.message(e), e);
        }
    }

    /**
     * Whether PostgreSQL runs the statement only outside a transaction block (CONCURRENTLY, VACUUM, CREATE
     * DATABASE): a script with one runs statement by statement, as Flyway runs it with {@code mixed}.
     */
    public static boolean refusesTransaction(SqlStatement statement) {
        var tokens = statement.tokens();
        if (statement.startsWith("vacuum") || statement.startsWith("create", "database")
                || statement.startsWith("drop", "database") || statement.startsWith("alter", "system")
                || statement.startsWith("create", "tablespace")) {
            return true;
        }
        boolean indexStatement = statement.startsWith("create", "index") || statement.startsWith("create", "unique")
                || statement.startsWith("drop", "index") || statement.startsWith("reindex");
        return indexStatement && tokens.stream().limit(6).anyMatch(t -> t.isWord("concurrently"));
    }

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    /** Compares names with embedded numbers numerically: V2 before V10. */
    static int naturalCompare(String a, String b) {
        Matcher ma = CHUNK.matcher(a);
        Matcher mb = CHUNK.matcher(b);
        while (ma.find() && mb.find()) {
            String ca = ma.group();
            String cb = mb.group();
            int result;
            if (Character.isDigit(ca.charAt(0)) && Character.isDigit(cb.charAt(0))) {
                result = new java.math.BigInteger(ca).compareTo(new java.math.BigInteger(cb));
            } else {
                result = ca.compareTo(cb);
            }
            if (result != 0) {
                return result;
            }
        }
        return a.compareTo(b);
    }
}
