package dev.dbcheck.migrate;

import dev.dbcheck.base.Wording;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.StatementWatchdog;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.sql.PsqlCommand;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlToken;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.Resource;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies migrations with Flyway: versioned ({@code V1__users.sql}) and repeatable ({@code R__views.sql})
 * scripts from {@code filesystem:} or {@code classpath:} locations, with placeholders and schemas. A failing
 * script becomes {@code path/V3__orders.sql:17: ERROR: ...} with the line of the token PostgreSQL rejected.
 */
public final class FlywayMigrator implements Migrator {

    public static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/migration";
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    private final List<String> locations;
    private final List<String> schemas;
    private final Map<String, String> placeholders;
    private final String table;
    private final Path baseDirectory;
    private final Path sourceRoot;
    private final List<Path> classpathRoots;
    /** Each statement is cancelled after this long (migrationTimeout); null for no limit. */
    private final java.time.Duration statementTimeout;
    /** Flyway's {@code mixed}, false unless configured: the project's Flyway refuses such a script too. */
    private final boolean mixed;

    /**
     * @param settings relative {@code filesystem:} locations are resolved against the project's directory; the
     *                 first schema is the default schema
     * @param project  the project's folders; its classpath roots serve {@code classpath:} locations
     */
    public FlywayMigrator(MigrationSettings settings, Project project) {
        this.locations = settings.locations();
        this.schemas = settings.schemas();
        this.placeholders = settings.placeholders();
        this.table = settings.table() == null || settings.table().isBlank() ? DEFAULT_TABLE : settings.table();
        this.baseDirectory = project.baseDirectory();
        this.sourceRoot = project.sourceRoot();
        this.classpathRoots = project.classpathRoots();
        this.statementTimeout = settings.statementTimeout();
        this.mixed = settings.mixed();
    }

    @Override
    @SuppressWarnings("try") // the watchdog works while the try block runs
    public AppliedMigrations migrate(ProvisionedDatabase database, EngineLog log) throws DbcheckException {
        List<String> resolved = resolveLocations();
        ClassLoader classLoader = classLoader();
        FlywayLogBridge.bind(log);
        try {
            FluentConfiguration configuration = Flyway.configure(classLoader);
            // A transactional advisory lock keeps a transaction open that CREATE INDEX CONCURRENTLY waits for
            // forever (flyway/flyway#3497); a session lock does not.
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            Flyway flyway = configuration
                    .loggers(FlywayLogBridge.class.getName())
                    .dataSource(withStatementTimeout(database.jdbcUrl()), database.user(), database.password())
                    .locations(resolved.toArray(String[]::new))
                    .schemas(schemas.toArray(String[]::new))
                    .placeholders(placeholders)
                    .table(table)
                    .cleanDisabled(true)
                    .mixed(mixed)
                    .validateMigrationNaming(true)
                    .failOnMissingLocations(true)
                    .connectRetries(0)
                    // the database is new: there is no history to check the scripts against, and each of Flyway's
                    // passes over the locations (validate, info) resolves and checksums every script again
                    .validateOnMigrate(false)
                    .load();
            // statement_timeout holds until a migration switches it off (SET statement_timeout = 0, as pg_dump
            // writes): the watchdog holds the limit from outside the session
            MigrateResult result;
            try (StatementWatchdog watchdog = StatementWatchdog.start(database, statementTimeout, log)) {
                result = flyway.migrate();
            } catch (SQLException e) {
                throw new DbcheckException("Cannot connect to " + database.description() + ": " + e.getMessage(), e);
            }
            // what migrate ran, as it reports it: the database is new, so that is everything applied (asking
            // info() instead resolved and checksummed every script again and read the history table, 20-40 ms of
            // every build); a schema Flyway created is no migration, so a run that applied none found none
            List<MigrateOutput> applied = result.migrations == null ? List.of() : result.migrations;
            if (applied.isEmpty()) {
                throw new ConfigException("migrations.locations", "no migrations found in "
                        + String.join(", ", locations) + " (Flyway looks for V<version>__<name>.sql and "
                        + "R__<name>.sql files)");
            }
            List<MigrationScript> scripts = new ArrayList<>();
            for (MigrateOutput migration : applied) {
                Path file = physicalFile(migration.filepath);
                if (file != null && file.toString().endsWith(".sql")) {
                    String display = SourceFiles.displayPath(file, sourceRoot);
                    String content = SourceFiles.replacePlaceholders(SourceFiles.readUtf8(file, display), placeholders);
                    scripts.add(new MigrationScript(file, display, content));
                }
            }
            warnOfJavaMigrations(applied, log);
            String historySchema = schemas.isEmpty() ? "public" : schemas.get(0);
            return new AppliedMigrations(scripts, Set.of(new QualifiedName(historySchema, table)));
        } catch (FlywayException e) {
            throw translate(e, database.user());
        } finally {
            FlywayLogBridge.unbind();
            // only the loader of the project's folders: without any, it is dbcheck's own (in Maven, the plugin's
            // class realm), which closed would leave every class not yet loaded missing
            if (classLoader != FlywayMigrator.class.getClassLoader() && classLoader instanceof URLClassLoader urls) {
                try {
                    urls.close();
                } catch (java.io.IOException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /** A Java (or Kotlin) migration's source: {@code V3__Backfill_totals.java}. */
    private static final java.util.regex.Pattern JAVA_MIGRATION = java.util.regex.Pattern.compile(
            "V([0-9][0-9_]*)__\\w+\\.(java|kt)");

    /**
     * One warning per Java-based migration of the project that Flyway did not apply (dbcheck runs SQL migrations;
     * a Java one needs the application's classes and dependencies): the schema checked then lacks what it does.
     */
    private void warnOfJavaMigrations(List<MigrateOutput> applied, EngineLog log) {
        java.util.Set<String> versions = new java.util.HashSet<>();
        for (MigrateOutput migration : applied) {
            if (migration.version != null && !migration.version.isEmpty()) {
                versions.add(normalizedVersion(migration.version));
            }
        }
        for (String sources : List.of("src/main/java", "src/main/kotlin")) {
            Path root = baseDirectory.resolve(sources);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    java.util.regex.Matcher m = JAVA_MIGRATION.matcher(f.getFileName().toString());
                    if (m.matches() && !versions.contains(normalizedVersion(m.group(1)))) {
                        log.warn(SourceFiles.displayPath(f, sourceRoot) + ": the Java migration V" + m.group(1)
                                + " was not applied (dbcheck applies the SQL migrations; a Java one needs the "
                                + "application's classes): the schema checked lacks what it does. Give dbcheck a SQL "
                                + "migration that does the same, or exclude what depends on it");
                    }
                }
            } catch (java.io.IOException e) {
                // a folder that cannot be listed holds no migration we could name
            }
        }
    }

    /**
     * The URL with the login timeout and {@link #statementTimeout} as connection options, so that they hold on
     * every connection Flyway opens (Flyway's {@code initSql} did the same, but is deprecated and warns in every
     * build).
     */
    String withStatementTimeout(String url) {
        String withLogin = url + (url.contains("?") ? "&" : "?") + "loginTimeout="
                + ProvisionedDatabase.LOGIN_TIMEOUT.toSeconds();
        if (statementTimeout == null) {
            return withLogin;
        }
        return withLogin + "&options=-c%20statement_timeout%3D" + statementTimeout.toMillis();
    }

    /**
     * Before any database starts: the folders exist, and each script on disk is UTF-8, has a version of its own
     * and a value for each placeholder — the mistakes Flyway would otherwise report as a parser failure without a
     * line, or as a list of "offenders".
     */
    @Override
    public void check() throws DbcheckException {
        Map<String, Path> versions = new java.util.TreeMap<>();
        for (String location : resolveLocations()) {
            if (!location.startsWith("filesystem:")) {
                continue;
            }
            for (Path script : scriptFiles(Path.of(location.substring("filesystem:".length())), location)) {
                String display = SourceFiles.displayPath(script, sourceRoot);
                String text = SourceFiles.readUtf8(script, display);
                java.util.regex.Matcher v = SCRIPT.matcher(script.getFileName().toString());
                if (v.matches() && v.group(1) != null) {
                    String version = normalizedVersion(v.group(1));
                    Path other = versions.putIfAbsent(version, script);
                    if (other != null) {
                        throw new ConfigException("migrations.locations", "version " + v.group(1) + " is used by two "
                                + "scripts, " + SourceFiles.displayPath(other, sourceRoot) + " and " + display
                                + "; give each script a version of its own");
                    }
                }
                for (PsqlCommand command : PsqlCommand.find(text)) {
                    // Flyway sends every line to the server: even the harmless ones fail there
                    throw new DbcheckException(command.refusal(display, "Flyway"));
                }
                java.util.regex.Matcher p = PLACEHOLDER.matcher(text);
                while (p.find()) {
                    String name = p.group(1);
                    if (!placeholders.containsKey(name) && !name.startsWith("flyway:")) {
                        int line = SourceFiles.lineAt(text, p.start());
                        throw new DbcheckException(display + ":" + line + ": no value for placeholder ${" + name
                                + "}; set it in " + Wording.current().example("migrations.placeholders." + name,
                                "..."));
                    }
                }
            }
        }
    }

    @Override
    public List<MigrationScript> scripts() throws DbcheckException {
        List<Path> files = new ArrayList<>();
        for (String location : resolveLocations()) {
            List<Path> roots = new ArrayList<>();
            if (location.startsWith("filesystem:")) {
                roots.add(Path.of(location.substring("filesystem:".length())));
            } else if (location.startsWith("classpath:")) {
                String folder = location.substring("classpath:".length()).replaceFirst("^/", "");
                classpathRoots.forEach(root -> roots.add(root.resolve(folder)));
            }
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    files.addAll(scriptFiles(root, root.toString()));
                }
            }
        }
        // versioned scripts by version, then the repeatable ones by name: the order Flyway applies them in
        files.sort(java.util.Comparator.comparing((Path f) -> versionKey(f.getFileName().toString()).isEmpty())
                .thenComparing(f -> versionKey(f.getFileName().toString()))
                .thenComparing(f -> f.getFileName().toString()));
        List<MigrationScript> scripts = new ArrayList<>();
        for (Path file : files) {
            String display = SourceFiles.displayPath(file, sourceRoot);
            scripts.add(new MigrationScript(file, display,
                    SourceFiles.replacePlaceholders(SourceFiles.readUtf8(file, display), placeholders)));
        }
        return scripts;
    }

    /** Flyway's scripts ({@link #SCRIPT}) in a folder and below it, sorted by path. */
    private static List<Path> scriptFiles(Path folder, String location) throws ConfigException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> SCRIPT.matcher(f.getFileName().toString())
                    .matches()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new ConfigException("migrations.locations", "cannot list " + location + ": " + e.getMessage());
        }
    }

    /**
     * The version of a versioned script ({@code V2_1__orders.sql}: {@code 2.1}), empty for a repeatable one or a
     * file that is not Flyway's.
     */
    public static java.util.Optional<String> versionOf(Path file) {
        java.util.regex.Matcher m = SCRIPT.matcher(file.getFileName().toString());
        return m.matches() && m.group(1) != null ? java.util.Optional.of(normalizedVersion(m.group(1)))
                : java.util.Optional.empty();
    }

    /** Compares two versions as Flyway orders them (1.10 after 1.9; 1, 1.0 and 01 equal). */
    public static int compareVersions(String a, String b) {
        return versionKey("V" + a + "__.sql").compareTo(versionKey("V" + b + "__.sql"));
    }

    /** A version as a key that sorts like Flyway's versions: each part zero-padded. */
    private static String versionKey(String fileName) {
        java.util.regex.Matcher m = SCRIPT.matcher(fileName);
        if (!m.matches() || m.group(1) == null) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String part : normalizedVersion(m.group(1)).split("\\.")) {
            key.append(String.format("%20s", part).replace(' ', '0')).append('.');
        }
        return key.toString();
    }

    /** Flyway's script names: V&lt;version&gt;__&lt;description&gt;.sql or R__&lt;description&gt;.sql. */
    private static final java.util.regex.Pattern SCRIPT = java.util.regex.Pattern.compile(
            "(?:V([0-9][0-9._]*)|R)__.*\\.sql");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{([^}\\s]+)}");

    /** Versions as Flyway compares them: 1, 1.0 and 01 are the same version; _ separates like a dot. */
    static String normalizedVersion(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.replace('_', '.').split("\\.")) {
            parts.add(part.isEmpty() ? "0" : new java.math.BigInteger(part).toString());
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }

    private List<String> resolveLocations() throws ConfigException {
        List<String> resolved = new ArrayList<>();
        for (String location : locations) {
            String l = location.trim();
            if (l.startsWith("filesystem:")) {
                Path path = baseDirectory.resolve(l.substring("filesystem:".length())).normalize();
                if (!Files.isDirectory(path)) {
                    throw new ConfigException("migrations.locations", "migrations folder " + path + " does not exist"
                            + " (location " + l + ")");
                }
                resolved.add("filesystem:" + path.toAbsolutePath());
            } else if (l.startsWith("classpath:")) {
                resolved.add(l);
            } else if (l.contains(":")) {
                throw new ConfigException("migrations.locations", "'" + l + "' is not a supported location; use "
                        + "filesystem:<folder> or classpath:<package folder>");
            } else {
                Path path = baseDirectory.resolve(l).normalize();
                if (!Files.isDirectory(path)) {
                    throw new ConfigException("migrations.locations", "migrations folder " + path + " does not exist");
                }
                resolved.add("filesystem:" + path.toAbsolutePath());
            }
        }
        return resolved;
    }

    private ClassLoader classLoader() throws ConfigException {
        ClassLoader own = FlywayMigrator.class.getClassLoader();
        if (classpathRoots.isEmpty()) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        for (Path root : classpathRoots) {
            try {
                urls.add(root.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("migrations.locations", "bad class path entry " + root);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), own);
    }

    /** @param location a migration's physical location as Flyway reports it: a file, or a classpath resource */
    private Path physicalFile(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return path;
        }
        // A classpath resource: find it under the project's resource roots.
        for (Path root : classpathRoots) {
            Path candidate = root.resolve(location);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private DbcheckException translate(FlywayException e, String user) {
        FlywaySqlScriptException script = findCause(e, FlywaySqlScriptException.class);
        if (script != null) {
            Resource resource = script.getResource();
            String display = resource == null ? "migration" : displayOf(resource);
            SQLException sql = findCause(script, SQLException.class);
            int line = script.getLineNumber();
            String statementText = script.getStatement();
            if (sql != null && statementText != null) {
                // Flyway's text starts with the comments before the statement, its line number is the line of
                // the first token: positions PostgreSQL gives count from the start of the text.
                List<SqlToken> tokens = SqlScanner.tokenize(statementText);
                int textStartLine = tokens.isEmpty() ? line : line - (tokens.get(0).line() - 1);
                line = DatabaseErrors.line(statementText, textStartLine, sql);
            }
            String message = sql != null ? DatabaseErrors.message(sql) : "ERROR: " + firstLine(script.getMessage());
            message += DatabaseErrors.timeoutNote(sql, statementTimeout);
            return new MigrationException(new SourcePosition(display, line), message, e);
        }
        // Flyway names the user in connection errors; with the server provider that is a credential
        String message = cleanFlywayMessage(e.getMessage());
        java.util.regex.Matcher mixedRefused = MIXED.matcher(message);
        if (mixedRefused.find()) {
            return mixedRefusal(Integer.parseInt(mixedRefused.group(1)), message, e);
        }
        if (user != null && !user.isEmpty()) {
            message = message.replace(" for user '" + user + "'", "");
        }
        return new DbcheckException("Flyway: " + message, e);
    }

    private static final java.util.regex.Pattern MIXED = java.util.regex.Pattern.compile(
            "Detected both transactional and non-transactional statements.*?Offending statement found at line (\\d+)");

    /**
     * Flyway's refusal of a script that mixes statements (with {@code mixed} false, its default), placed on the
     * script and line: Flyway names only the line.
     */
    private DbcheckException mixedRefusal(int line, String message, FlywayException e) {
        try {
            for (MigrationScript script : scripts()) {
                List<dev.dbcheck.sql.SqlStatement> statements = SqlScanner.split(script.content());
                boolean both = statements.stream().anyMatch(PlainSqlMigrator::refusesTransaction)
                        && statements.stream().anyMatch(s -> !PlainSqlMigrator.refusesTransaction(s));
                // Flyway names the first statement of the other kind than the script's first
                if (both && statements.stream().anyMatch(s -> s.startLine() == line)) {
                    return new MigrationException(new SourcePosition(script.displayPath(), line), "Flyway: Detected "
                            + "both transactional and non-transactional statements within the same migration (even "
                            + "though mixed is false) — as the project's own Flyway would: put this statement in a "
                            + "migration of its own, or set " + Wording.current().setting("migrations.mixed")
                            + " to true", e);
                }
            }
        } catch (DbcheckException ignored) {
            // the scripts cannot be read again: Flyway's words then
        }
        return new DbcheckException("Flyway: " + message, e);
    }

    private String displayOf(Resource resource) {
        String onDisk = resource.getAbsolutePathOnDisk();
        if (onDisk != null && Files.exists(Path.of(onDisk))) {
            return SourceFiles.displayPath(Path.of(onDisk), sourceRoot);
        }
        if (resource.getRelativePath() != null) {
            return resource.getRelativePath();
        }
        return resource.getFilename();
    }

    /** Flyway's messages carry banners and blank lines; keep the sentences. */
    static String cleanFlywayMessage(String message) {
        if (message == null) {
            return "migration failed";
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.matches("-+")) {
                lines.add(l);
            }
        }
        return String.join(" ", lines);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\\R")[0];
    }

    /** The first throwable of this type in the cause chain, or null (the Liquibase migrator's too). */
    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
