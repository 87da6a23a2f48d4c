package dev.dbcheck.migrate;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.StatementWatchdog;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.ui.LoggerUIService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a Liquibase changelog (XML, YAML, JSON or formatted SQL, with includes, contexts, labels and changelog
 * parameters) with Liquibase itself. A failing changeSet becomes {@code db/changelog/orders.xml:42: ERROR: ...}:
 * the changeSet's line, or in formatted SQL the failing statement's. For the source positions, each changelog file
 * becomes a script dbcheck can index: a formatted-SQL file as it is, an XML, YAML or JSON file as the SQL Liquibase
 * generates for each changeSet, written on the changeSet's line, with {@code dbcheck:ignore} comments of the file
 * ({@code <!-- dbcheck:ignore rule: reason -->}, {@code # dbcheck:ignore ...}) on their lines.
 */
public final class LiquibaseMigrator implements Migrator {

    /** Where Liquibase's Spring Boot and JHipster defaults put the master changelog, in the order looked for. */
    public static final List<String> DEFAULT_CHANGELOGS = List.of("src/main/resources/db/changelog/db.changelog-master.xml",
            "src/main/resources/db/changelog/db.changelog-master.yaml",
            "src/main/resources/db/changelog/db.changelog-master.yml",
            "src/main/resources/db/changelog/db.changelog-master.json",
            "src/main/resources/db/changelog/db.changelog-master.sql",
            "src/main/resources/config/liquibase/master.xml");

    /** Liquibase's history table. */
    public static final String HISTORY_TABLE = "databasechangelog";
    /** The table Liquibase locks while it updates: bookkeeping too. */
    static final String LOCK_TABLE = "databasechangeloglock";

    private final String changelog;
    private final List<String> schemas;
    private final Map<String, String> parameters;
    private final String contexts;
    private final String labels;
    private final Path baseDirectory;
    private final Path sourceRoot;
    private final List<Path> classpathRoots;
    private final java.time.Duration statementTimeout;

    public LiquibaseMigrator(MigrationSettings settings, Project project) {
        this.changelog = settings.changelog();
        this.schemas = settings.schemas();
        this.parameters = settings.placeholders();
        this.contexts = settings.contexts();
        this.labels = settings.labels();
        this.baseDirectory = project.baseDirectory();
        this.sourceRoot = project.sourceRoot();
        this.classpathRoots = project.classpathRoots();
        this.statementTimeout = settings.statementTimeout();
    }

    /** The master changelog: the configured one, else the first of {@link #DEFAULT_CHANGELOGS} that exists. */
    Path changelogFile() throws ConfigException {
        if (changelog != null && !changelog.isBlank()) {
            Path file = baseDirectory.resolve(changelog.strip()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("migrations.changelog", "Liquibase changelog " + file + " does not exist");
            }
            return file;
        }
        for (String candidate : DEFAULT_CHANGELOGS) {
            Path file = baseDirectory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new ConfigException("migrations.changelog", "no Liquibase changelog found (looked for "
                + String.join(", ", DEFAULT_CHANGELOGS) + "); set migrations.changelog");
    }

    /** The changelog's path as Liquibase names it: relative to the project folder, forward slashes. */
    private String logicalPath(Path file) {
        return baseDirectory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    @Override
    public void check() throws DbcheckException {
        scripts(); // parses the changelog and its includes: a broken file fails before a server starts
    }

    @Override
    public List<MigrationScript> scripts() throws DbcheckException {
        Path master = changelogFile();
        return inScope(EngineLog.SILENT, accessor -> {
            Database offline = new PostgresDatabase();
            Map<String, List<ChangeSet>> byFile = new LinkedHashMap<>();
            for (ChangeSet changeSet : parse(master, accessor, offline).getChangeSets()) {
                byFile.computeIfAbsent(changeSet.getFilePath(), k -> new ArrayList<>()).add(changeSet);
            }
            List<MigrationScript> scripts = new ArrayList<>();
            for (Map.Entry<String, List<ChangeSet>> e : byFile.entrySet()) {
                Path file = physical(e.getKey());
                if (file == null) {
                    continue; // a changelog from the class path of a library: no line of the project
                }
                String display = SourceFiles.displayPath(file, sourceRoot);
                String text = text(file, display);
                scripts.add(new MigrationScript(file, display, file.toString().endsWith(".sql") ? text
                        : indexable(text, e.getValue(), offline)));
            }
            return scripts;
        });
    }

    /**
     * One step per changeSet the configured contexts, labels and {@code dbms} select, in Liquibase's order: in
     * formatted SQL the changeSet's own lines, elsewhere the SQL Liquibase generates for it on the changeSet's line.
     * A step spans its changeSet's lines up to the next changeSet of the file, so that a changed line inside it
     * makes it part of a pull request's change.
     */
    @Override
    public List<MigrationScript> steps() throws DbcheckException {
        Path master = changelogFile();
        return inScope(EngineLog.SILENT, accessor -> {
            Database offline = new PostgresDatabase();
            List<ChangeSet> changeSets = parse(master, accessor, offline).getChangeSets();
            List<ChangeSetFilter> filters = List.of(new ContextChangeSetFilter(new Contexts(contexts)),
                    new LabelChangeSetFilter(new LabelExpression(labels)), new DbmsChangeSetFilter(offline));
            // each file read and split once, each changeSet's line found once: every changeSet's span ends where
            // the next one of its file starts, whether the filters select that one or not
            Map<Path, String> texts = new HashMap<>();
            Map<Path, String[]> lineArrays = new HashMap<>();
            Map<ChangeSet, Integer> startLines = new java.util.IdentityHashMap<>();
            Map<Path, List<Integer>> starts = new HashMap<>();
            for (ChangeSet changeSet : changeSets) {
                Path file = physical(changeSet.getFilePath());
                if (file != null) {
                    if (!texts.containsKey(file)) {
                        String read = text(file, SourceFiles.displayPath(file, sourceRoot));
                        texts.put(file, read);
                        lineArrays.put(file, read.split("\\R", -1));
                    }
                    String text = texts.get(file);
                    int line = changeSetLine(text, changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
                    startLines.put(changeSet, line);
                    starts.computeIfAbsent(file, f -> new ArrayList<>()).add(line);
                }
            }
            List<MigrationScript> steps = new ArrayList<>();
            for (ChangeSet changeSet : changeSets) {
                Path file = physical(changeSet.getFilePath());
                if (file == null || filters.stream().anyMatch(f -> !f.accepts(changeSet).isAccepted())) {
                    continue;
                }
                String[] lines = lineArrays.get(file);
                int first = startLines.get(changeSet);
                if (first < 1) {
                    continue;
                }
                int last = starts.get(file).stream().filter(l -> l > first).min(Integer::compare)
                        .map(l -> l - 1).orElse(lines.length);
                String[] out = new String[lines.length];
                java.util.Arrays.fill(out, "");
                if (file.toString().endsWith(".sql")) {
                    System.arraycopy(lines, first - 1, out, first - 1, last - first + 1);
                } else {
                    out[first - 1] = generatedSql(changeSet, offline);
                }
                steps.add(new MigrationScript(file, SourceFiles.displayPath(file, sourceRoot), String.join("\n", out),
                        first, last, changeSet.isRunInTransaction()));
            }
            return steps;
        });
    }

    private DatabaseChangeLog parse(Path master, ResourceAccessor accessor, Database offline)
            throws LiquibaseException {
        ChangeLogParameters params = new ChangeLogParameters(offline);
        parameters.forEach(params::set);
        String path = logicalPath(master);
        return ChangeLogParserFactory.getInstance().getParser(path, accessor).parse(path, params, accessor);
    }

    private String text(Path file, String display) throws DbcheckException {
        return SourceFiles.replacePlaceholders(SourceFiles.readUtf8(file, display), parameters);
    }

    private Path physical(String logical) {
        String p = logical.startsWith("classpath:") ? logical.substring("classpath:".length()) : logical;
        Path direct = baseDirectory.resolve(p).normalize();
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        for (Path root : classpathRoots) {
            Path candidate = root.resolve(p.replaceFirst("^/", ""));
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static final Pattern IGNORE = Pattern.compile("(?:<!--|#|//)\\s*(dbcheck:ignore\\b.*?)\\s*(?:-->)?\\s*$");

    /**
     * An XML, YAML or JSON changelog as SQL dbcheck's source index reads: on each changeSet's line the SQL
     * Liquibase generates for it (one line), on each line with a {@code dbcheck:ignore} comment that comment.
     */
    static String indexable(String text, List<ChangeSet> changeSets, Database database) {
        String[] lines = text.split("\\R", -1);
        String[] out = new String[lines.length];
        java.util.Arrays.fill(out, "");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = IGNORE.matcher(lines[i]);
            if (m.find()) {
                out[i] = "-- " + m.group(1);
            }
        }
        for (ChangeSet changeSet : changeSets) {
            int line = changeSetLine(text, changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
            if (line < 1 || line > out.length) {
                continue;
            }
            out[line - 1] = (out[line - 1].isEmpty() ? "" : out[line - 1] + " ") + generatedSql(changeSet, database);
        }
        return String.join("\n", out);
    }

    /** The SQL Liquibase generates for a changeSet, on one line, each statement ended by {@code ;}. */
    private static String generatedSql(ChangeSet changeSet, Database database) {
        StringBuilder sql = new StringBuilder();
        for (Change change : changeSet.getChanges()) {
            try {
                for (Sql s : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                    sql.append(s.toSql().replaceAll("\\s*\\R\\s*", " ").replaceAll(";\\s*$", "")).append("; ");
                }
            } catch (RuntimeException e) {
                // a change whose SQL depends on the live database: its objects keep no line
            }
        }
        return sql.toString().strip();
    }

    /** The 1-based line a changeSet starts on in its file, or 0 when it cannot be found. */
    static int changeSetLine(String text, String path, String id, String author) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        Pattern start;
        if (lower.endsWith(".sql")) {
            start = Pattern.compile("(?im)^\\s*--\\s*changeset\\s+" + Pattern.quote(author) + ":" + Pattern.quote(id)
                    + "(\\s|$)");
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            start = Pattern.compile("(?m)^\\s*id:\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*$");
        } else if (lower.endsWith(".json")) {
            start = Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(id) + "\"");
        } else {
            start = Pattern.compile("<changeSet\\b[^>]*\\bid\\s*=\\s*[\"']" + Pattern.quote(id) + "[\"'][^>]*>");
        }
        Matcher m = start.matcher(text);
        while (m.find()) {
            int line = SourceFiles.lineAt(text, m.start());
            if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
                // the changeSet's own line: the nearest "changeSet" key before its id
                int key = text.lastIndexOf("changeSet", m.start());
                return key < 0 ? line : SourceFiles.lineAt(text, key);
            }
            if (lower.endsWith(".sql") || m.group().contains(author)) {
                return line;
            }
        }
        return 0;
    }

    @Override
    @SuppressWarnings("try") // the watchdog works while the try block runs
    public AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException {
        Path master = changelogFile();
        List<MigrationScript> scripts = scripts();
        try (StatementWatchdog watchdog = StatementWatchdog.start(database, statementTimeout, log);
             Connection connection = database.connect()) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET statement_timeout = " + (statementTimeout == null ? 0 : statementTimeout.toMillis()));
            }
            inScope(log, accessor -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                        new JdbcConnection(connection));
                if (!schemas.isEmpty()) {
                    db.setDefaultSchemaName(schemas.get(0));
                }
                Liquibase liquibase = new Liquibase(logicalPath(master), accessor, db);
                parameters.forEach(liquibase::setChangeLogParameter);
                liquibase.update(new Contexts(contexts), new LabelExpression(labels));
                return null;
            });
        } catch (SQLException e) {
            throw new DbcheckException("Cannot connect to " + database.description() + ": " + e.getMessage(), e);
        }
        String schema = schemas.isEmpty() ? "public" : schemas.get(0);
        return new AppliedMigrations(scripts, Set.of(new QualifiedName(schema, HISTORY_TABLE),
                new QualifiedName(schema, LOCK_TABLE)));
    }

    /** Work inside a Liquibase scope of dbcheck's: the project's files, no analytics, Liquibase's lines in our log. */
    private interface Work<T> {
        T run(ResourceAccessor accessor) throws Exception;
    }

    private <T> T inScope(EngineLog log, Work<T> work) throws DbcheckException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        try {
            accessors.add(new DirectoryResourceAccessor(baseDirectory));
            java.net.URL[] urls = new java.net.URL[classpathRoots.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = classpathRoots.get(i).toUri().toURL();
            }
            accessors.add(new ClassLoaderResourceAccessor(new java.net.URLClassLoader(urls,
                    LiquibaseMigrator.class.getClassLoader())));
        } catch (java.io.IOException e) {
            throw new ConfigException("migrations.changelog", "cannot read " + baseDirectory + ": " + e.getMessage());
        }
        CompositeResourceAccessor accessor = new CompositeResourceAccessor(accessors);
        try {
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put(Scope.Attr.logService.name(), new Log(log));
            // no reporting home from a build (Liquibase 4.30 and later would send usage data)
            scope.put(AnalyticsArgs.ENABLED.getKey(), false);
            // its update summary goes to the log (debug), not to the build's standard output
            scope.put("liquibase.command.showSummaryOutput", "LOG");
            scope.put("liquibase.command.update.showSummaryOutput", "LOG");
            return Scope.child(scope, () -> work.run(accessor));
        } catch (DbcheckException e) {
            throw e;
        } catch (LiquibaseException e) {
            throw translate(e);
        } catch (Exception e) {
            LiquibaseException cause = FlywayMigrator.findCause(e, LiquibaseException.class);
            if (cause != null) {
                throw translate(cause);
            }
            throw new DbcheckException("Liquibase: " + e.getMessage(), e);
        } finally {
            try {
                accessor.close(); // closes the class loader of the project's folders too
            } catch (Exception ignored) {
                // nothing left to release
            }
        }
    }

    private static final Pattern FAILED_CHANGESET = Pattern.compile("changeset (.+?)::(.+?)::(.+?):");
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(\\d+\\) (.*)]\\s*$", Pattern.DOTALL);

    /** A failed changeSet as {@code path:line: ERROR: ...}; a parse error as Liquibase says it, once. */
    private DbcheckException translate(LiquibaseException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = FAILED_CHANGESET.matcher(message);
        SQLException sql = FlywayMigrator.findCause(e, SQLException.class);
        if (m.find()) {
            Path file = physical(m.group(1));
            String display = file == null ? m.group(1) : SourceFiles.displayPath(file, sourceRoot);
            int line = 1;
            if (file != null) {
                try {
                    String text = Files.readString(file);
                    line = Math.max(1, changeSetLine(text, m.group(1), m.group(2), m.group(3)));
                    Matcher failed = FAILED_SQL.matcher(message);
                    if (file.toString().endsWith(".sql") && failed.find() && sql != null) {
                        String statement = failed.group(1).strip();
                        for (SqlStatement s : SqlScanner.split(text)) {
                            if (s.startLine() >= line && s.text().strip().equals(statement)) {
                                line = DatabaseErrors.line(s, sql);
                                break;
                            }
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the changeSet's file cannot be read again: its first line
                }
            }
            String reason = sql != null ? DatabaseErrors.message(sql) + DatabaseErrors.timeoutNote(sql, statementTimeout)
                    : "ERROR: " + message.substring(m.end()).strip().split("\\R")[0];
            return new MigrationException(new SourcePosition(display, line), reason, e);
        }
        // Liquibase nests its exceptions' class names into the message: the sentences are what the user needs
        return new DbcheckException("Liquibase: " + FlywayMigrator.cleanFlywayMessage(
                message.replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "")), e);
    }

    /** Liquibase's log lines: warnings and errors as warnings, the rest at debug. */
    private static final class Log extends AbstractLogService {
        private final EngineLog log;

        Log(EngineLog log) {
            this.log = log;
        }

        @Override
        public int getPriority() {
            return PRIORITY_SPECIALIZED;
        }

        @Override
        @SuppressWarnings({"rawtypes", "try"}) // LogService's own signature; the logger holds nothing to close
        public liquibase.logging.Logger getLog(Class clazz) {
            return new AbstractLogger() {
                @Override
                public void log(Level level, String message, Throwable e) {
                    if (message == null) {
                        return;
                    }
                    // Liquibase warns that analytics are off, which dbcheck asked for
                    if (level.intValue() >= Level.WARNING.intValue() && !message.contains("disabled analytics")) {
                        log.warn("Liquibase: " + message);
                    } else {
                        log.debug("Liquibase: " + message);
                    }
                }
            };
        }
    }
}
