package dev.dbcheck.engine;

import dev.dbcheck.base.Wording;
import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.migrate.FlywayMigrator;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.provision.embedded.PortRange;
import dev.dbcheck.provision.embedded.PostgresVersions;
import dev.dbcheck.report.ReportFiles;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.rule.ObjectPattern;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;

import dev.dbcheck.base.RawNode;
import dev.dbcheck.base.Setting;
import dev.dbcheck.base.SettingValues;
import dev.dbcheck.base.SourceFiles;
import dev.dbcheck.base.Suggestions;
import dev.dbcheck.provision.embedded.EmbeddedOptions;
import dev.dbcheck.provision.server.ServerProvider;
import dev.dbcheck.provision.server.ServerTarget;
import dev.dbcheck.report.ReportFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated run configuration: the {@link Settings} a front end read ({@link #from}), turned into what each stage
 * takes. Every value is checked here, and a bad one fails with a {@link ConfigException} naming its key.
 *
 * @param baseDirectory  the project directory; relative paths resolve against it
 * @param sourceRoot     the directory report paths are relative to (the repository root)
 * @param database       where the throwaway database comes from
 * @param migrations     how the schema is built
 * @param schemas        schemas to lint; empty for every non-system schema
 * @param rules          per-rule settings by rule id
 * @param excludes       objects no rule reports: the configured excludes, then the framework tables'
 * @param failOn         the lowest severity that fails the build
 * @param customRules    rules written as SQL in the pom
 * @param baselineFile   the baseline to apply, or null for none
 * @param sampleData     a folder of CSV/SQL files loaded after the migrations, or null
 * @param dataSampleRows rows read per table for the normalization rules' data evidence; 0 turns it off
 * @param dashboards     the dashboard query checks, or null when none are configured
 * @param reports        where report files go and which
 * @param reuseData      whether synthetic data kept by an earlier build is reused ({@code dashboards.reuseData})
 * @param dataCacheBytes what the kept synthetic data may take ({@code dashboards.dataCacheSize})
 * @param advice         the index advice after the plan checks
 * @param migrationSafety which migrations are the change, and how their locks are judged
 */
public record DbcheckConfig(Path baseDirectory, Path sourceRoot, Database database, MigrationSettings migrations,
                            List<String> schemas, Map<String, RuleSettings> rules, List<ObjectPattern> excludes,
                            Severity failOn, List<CustomSqlRule> customRules, Path baselineFile, Path sampleData,
                            int dataSampleRows, DashboardConfig dashboards, ReportFiles reports, boolean reuseData,
                            long dataCacheBytes, dev.dbcheck.advice.AdviceConfig advice,
                            dev.dbcheck.change.ChangeConfig migrationSafety) {

    public DbcheckConfig {
        schemas = List.copyOf(schemas);
        rules = Map.copyOf(rules);
        excludes = List.copyOf(excludes);
        customRules = List.copyOf(customRules);
    }

    /** The same configuration with another index advice setting (the advise goal turns it on). */
    public DbcheckConfig withAdvice(dev.dbcheck.advice.AdviceConfig newAdvice) {
        return new DbcheckConfig(baseDirectory, sourceRoot, database, migrations, schemas, rules, excludes, failOn,
                customRules, baselineFile, sampleData, dataSampleRows, dashboards, reports, reuseData, dataCacheBytes,
                newAdvice, migrationSafety);
    }

    /** Every rule of this run by id: the catalogue's and the custom ones. */
    public Map<String, RuleMetadata> ruleMetadata() {
        Map<String, RuleMetadata> all = new LinkedHashMap<>();
        RuleCatalog.all().forEach(m -> all.put(m.id(), m));
        customRules.forEach(c -> all.put(c.metadata().id(), c.metadata()));
        return all;
    }

    /** The rules that run (not configured off), with the severity each reports at. */
    public Map<String, RuleMetadata> activeRuleMetadata() {
        Map<String, RuleMetadata> active = new LinkedHashMap<>();
        for (RuleMetadata m : ruleMetadata().values()) {
            RuleSettings s = rules.get(m.id());
            Severity severity = s != null && s.severity() != null ? s.severity() : m.defaultSeverity();
            if (severity != Severity.OFF) {
                active.put(m.id(), m);
            }
        }
        return active;
    }

    /**
     * The throwaway database.
     *
     * @param postgresVersion resolved embedded-binaries version (e.g. 18.6.0)
     * @param cacheDirectory  where binaries are extracted; null for the default
     * @param workDirectory   where the temporary cluster goes; null for the system temp directory
     * @param serverSettings  extra server settings
     * @param startupTimeout  how long starting the database may take
     * @param embeddedUser    the user the embedded server runs as when the build runs as root; null for a uid of its own
     * @param embeddedPorts   the ports the embedded server may listen on
     */
    public record Database(String postgresVersion, Path cacheDirectory, Path workDirectory,
                           Map<String, String> serverSettings, Duration startupTimeout, String embeddedUser,
                           PortRange embeddedPorts, Provider provider, ServerTarget server, Docker docker) {
        public Database {
            serverSettings = Map.copyOf(serverSettings);
        }

        /** The PostgreSQL major of {@link #postgresVersion}. */
        public int major() {
            return Integer.parseInt(postgresVersion.replaceAll("\\..*", ""));
        }

        /** What the embedded provider takes. */
        public EmbeddedOptions embedded() {
            return new EmbeddedOptions(postgresVersion, cacheDirectory, workDirectory, serverSettings, startupTimeout,
                    embeddedUser, embeddedPorts);
        }
    }

    /** Where the throwaway database comes from. */
    public enum Provider { EMBEDDED, DOCKER, SERVER }

    /**
     * A container started with Testcontainers.
     *
     * @param image the image (official postgres or compatible)
     */
    public record Docker(String image) {
    }


    /**
     * What a front end knows besides the settings: where the project is, and the server credentials it looked up
     * (settings.xml) — never settings themselves.
     *
     * @param baseDirectory the project directory; relative paths resolve against it
     * @param sourceRoot    the directory report paths are relative to (the repository root); null for the project
     * @param configFile    the file the settings were written in (pom.xml), for positions of inline queries
     * @param environment   where credentials are read from when the front end gives none
     * @param user          server credentials, with {@code password} and where they came from; null for none
     */
    public record Context(Path baseDirectory, Path sourceRoot, Path configFile, Map<String, String> environment,
                          String user, String password, String credentialSource) {

        public Context {
            baseDirectory = baseDirectory.toAbsolutePath().normalize();
            sourceRoot = sourceRoot == null ? baseDirectory : sourceRoot.toAbsolutePath().normalize();
            environment = Map.copyOf(environment);
        }

        @Override
        public String toString() {
            return "Context[" + baseDirectory + ", credentials from " + credentialSource + "]";
        }
    }

    /** Reads and checks every setting; the first bad one fails with its key. */
    public static DbcheckConfig from(SettingValues values, Context context) throws ConfigException {
        return from(values, context, (name, sql) -> 0);
    }

    /**
     * @param lines where an inline query's SQL starts in the configuration file, when the settings do not say
     *              (0: unknown, the query is placed on line 1)
     */
    public static DbcheckConfig from(SettingValues values, Context context, QueryLines lines) throws ConfigException {
        return new Reader(values, context, lines).read();
    }

    /** The line of an inline query in the file the settings were written in. */
    @FunctionalInterface
    public interface QueryLines {
        int lineOf(String name, String sql);
    }

    /** The default framework tables as exclude patterns, for code that lints without a configuration. */
    public static List<ObjectPattern> defaultFrameworkTables() {
        return java.util.Arrays.stream(Settings.FRAMEWORK_TABLES.defaultText().split(","))
                .map(String::strip).map(ObjectPattern::of).toList();
    }

    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /**
     * Settings by key, as a test or a tool without a pom gives them: {@code builder(dir).set("provider", "docker")
     * .set("docker.image", image).build()}. The same declarations and checks as the plugin's: an unknown key fails.
     */
    public static final class Builder {
        private final Path baseDirectory;
        private RawNode root = RawNode.element("configuration", List.of());
        private Path sourceRoot;
        private Map<String, String> environment = System.getenv();
        private Map<String, String> properties = Map.of();
        private String user;
        private String password;
        private String credentialSource;

        private Builder(Path baseDirectory) {
            this.baseDirectory = baseDirectory;
        }

        /** One value at a dotted key ({@code dashboards.workMem}); null leaves it unset. */
        public Builder set(String key, String value) {
            return value == null ? this : put(key, RawNode.value(last(key), value));
        }

        /** A whole element as written ({@code <dashboards>...</dashboards>}, from {@link dev.dbcheck.base.RawXml}). */
        public Builder set(String key, RawNode element) {
            return put(key, new RawNode(last(key), element.text(), element.children(), element.line()));
        }

        /** A list setting ({@code schemas}, {@code formats}); an empty list says "none given". */
        public Builder set(String key, List<String> values) {
            List<RawNode> entries = values.stream().map(v -> RawNode.value("item", v)).toList();
            return put(key, RawNode.element(last(key), entries));
        }

        /** A map setting ({@code serverSettings}, {@code dashboards.volumes}). */
        public Builder set(String key, Map<String, String> entries) {
            List<RawNode> children = new ArrayList<>();
            entries.forEach((k, v) -> children.add(RawNode.value(k, v)));
            return put(key, RawNode.element(last(key), children));
        }

        /**
         * One more item of an items setting ({@code rules}, {@code customRules}, {@code dashboards.queries}):
         * each field a text, a list of texts or a map of texts.
         */
        public Builder item(String key, Map<String, ?> fields) {
            Setting<?> s = find(key);
            List<RawNode> children = new ArrayList<>();
            for (Map.Entry<String, ?> f : fields.entrySet()) {
                if (f.getValue() == null) {
                    continue;
                }
                if (f.getValue() instanceof Map<?, ?> m) {
                    List<RawNode> entries = new ArrayList<>();
                    m.forEach((k, v) -> entries.add(RawNode.value(String.valueOf(k), String.valueOf(v))));
                    children.add(RawNode.element(f.getKey(), entries));
                } else if (f.getValue() instanceof List<?> l) {
                    children.add(RawNode.element(f.getKey(), l.stream().map(v -> RawNode.value("item",
                            String.valueOf(v))).toList()));
                } else {
                    children.add(RawNode.value(f.getKey(), String.valueOf(f.getValue())));
                }
            }
            RawNode item = RawNode.element(s.itemName(), children);
            RawNode existing = node(key);
            return put(key, existing == null ? RawNode.element(last(key), List.of(item)) : existing.plus(item));
        }

        /** Command-line properties ({@code dbcheck.postgresVersion}); they win over what was set. */
        public Builder properties(Map<String, String> value) {
            this.properties = Map.copyOf(value);
            return this;
        }

        public Builder sourceRoot(Path value) {
            this.sourceRoot = value;
            return this;
        }

        /** The environment credentials are read from; the process environment by default. */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /** Credentials for the server, with where they came from (for messages). */
        public Builder serverCredentials(String userName, String secret, String source) {
            this.user = userName;
            this.password = secret;
            this.credentialSource = source;
            return this;
        }

        public DbcheckConfig build() throws ConfigException {
            SettingValues values = SettingValues.read(Settings.ALL, root, properties, Map.of());
            return from(values, new Context(baseDirectory, sourceRoot, baseDirectory.resolve("pom.xml"), environment,
                    user, password, credentialSource));
        }

        private static Setting<?> find(String key) {
            List<Setting<?>> level = Settings.ALL;
            Setting<?> found = null;
            for (String part : key.split("\\.")) {
                found = level.stream().filter(s -> s.name().equals(part)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
                level = found.children();
            }
            return found;
        }

        private RawNode node(String key) {
            return root.at(key).orElse(null);
        }

        private Builder put(String key, RawNode value) {
            root = root.with(key, value);
            return this;
        }

        private static String last(String key) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    /** The values of {@code listen_addresses} that keep a server on this machine. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "");

    /** Reads the settings into the records each stage takes. */
    private static final class Reader {
        private final SettingValues v;
        private final Context context;
        private final QueryLines lines;

        Reader(SettingValues values, Context context, QueryLines lines) {
            this.v = values;
            this.context = context;
            this.lines = lines;
        }

        DbcheckConfig read() throws ConfigException {
            v.checkAll();
            Path base = context.baseDirectory();
            Provider provider = Provider.valueOf(v.get(Settings.PROVIDER).toUpperCase(Locale.ROOT));
            String requested = v.get(Settings.POSTGRES_VERSION);
            String version = PostgresVersions.resolve(requested, v.keyOf(Settings.POSTGRES_VERSION));
            ServerTarget server = provider == Provider.SERVER ? server() : null;
            Docker docker = provider == Provider.DOCKER ? new Docker(v.isSet(Settings.DOCKER_IMAGE)
                    ? v.get(Settings.DOCKER_IMAGE) : officialImage(requested, version)) : null;
            Map<String, String> serverSettings = v.map(Settings.SERVER_SETTINGS);
            for (String name : serverSettings.keySet()) {
                if (!Settings.SERVER_SETTING_NAME.matcher(name).matches()) {
                    throw new ConfigException("serverSettings", "'" + name + "' is not a PostgreSQL setting name");
                }
            }
            String listen = serverSettings.get("listen_addresses");
            if (listen != null && !LOOPBACK.contains(listen.trim().toLowerCase(Locale.ROOT))) {
                // the throwaway server's superuser runs the pull request's SQL: nobody else may reach it
                throw new ConfigException("serverSettings.listen_addresses", "'" + listen + "' would let other "
                        + "machines reach the throwaway server, whose superuser runs the project's SQL; it listens "
                        + "on loopback only (127.0.0.1, localhost or ::1): remove the setting");
            }
            if (serverSettings.containsKey("port")) {
                throw new ConfigException("serverSettings.port", "dbcheck picks the port of its throwaway server; "
                        + "use " + Wording.current().setting("embeddedPorts") + " to choose from a range");
            }
            Database database = new Database(version, abs(v.get(Settings.CACHE_DIRECTORY)),
                    abs(v.get(Settings.WORK_DIRECTORY)), serverSettings, v.get(Settings.STARTUP_TIMEOUT),
                    v.isSet(Settings.EMBEDDED_USER) ? v.get(Settings.EMBEDDED_USER) : null,
                    v.get(Settings.EMBEDDED_PORTS, PortRange.ANY), provider, server, docker);

            MigrationSettings.Tool tool = MigrationSettings.Tool.valueOf(v.get(Settings.MIGRATION_TOOL)
                    .toUpperCase(Locale.ROOT));
            List<String> locations = v.list(Settings.MIGRATION_LOCATIONS);
            if (!v.isSet(Settings.MIGRATION_LOCATIONS) && tool == MigrationSettings.Tool.FLYWAY) {
                locations = List.of(FlywayMigrator.DEFAULT_LOCATION);
            } else if (!v.isSet(Settings.MIGRATION_LOCATIONS)) {
                locations = List.of("src/main/resources/db/migration");
            }
            MigrationSettings migrations = new MigrationSettings(tool, locations, v.list(Settings.MIGRATION_SCHEMAS),
                    v.map(Settings.PLACEHOLDERS), v.get(Settings.HISTORY_TABLE), v.get(Settings.MIGRATION_TIMEOUT),
                    v.get(Settings.MIGRATION_CHANGELOG), v.get(Settings.MIGRATION_CONTEXTS),
                    v.get(Settings.MIGRATION_LABELS), v.get(Settings.MIGRATION_MIXED));

            List<CustomSqlRule> custom = new ArrayList<>();
            Map<String, RuleMetadata> known = new LinkedHashMap<>();
            RuleCatalog.all().forEach(m -> known.put(m.id(), m));
            for (SettingValues item : v.items(Settings.CUSTOM_RULES)) {
                CustomSqlRule rule = customRule(item, known,
                        SourceFiles.displayPath(context.configFile(), context.sourceRoot()));
                known.put(rule.metadata().id(), rule.metadata());
                custom.add(rule);
            }
            Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
            for (SettingValues item : v.items(Settings.RULES)) {
                String id = item.isSet(Settings.RULE_ID) ? item.get(Settings.RULE_ID) : "";
                if (ruleSettings.containsKey(id)) {
                    throw new ConfigException("rules[" + id + "]", "configured twice");
                }
                ruleSettings.put(id, rule(item, id, known));
            }
            Severity failOn = Severity.parse(v.get(Settings.FAIL_ON_SEVERITY));
            Path sample = abs(v.get(Settings.SAMPLE_DATA));
            if (sample != null && !Files.isDirectory(sample)) {
                throw new ConfigException("sampleData", "folder " + sample + " does not exist");
            }
            return new DbcheckConfig(base, context.sourceRoot(), database, migrations, v.list(Settings.SCHEMAS),
                    ruleSettings, excludes(v), failOn, custom,
                    abs(v.get(Settings.BASELINE_FILE)), sample, v.get(Settings.DATA_SAMPLE_ROWS), dashboards(),
                    reports(), v.get(Settings.REUSE_DATA),
                    dev.dbcheck.base.ConfigValues.size(v.keyOf(Settings.DATA_CACHE_SIZE), v.get(Settings.DATA_CACHE_SIZE)),
                    new dev.dbcheck.advice.AdviceConfig(v.get(Settings.ADVICE_ENABLED), v.get(Settings.ADVICE_CANDIDATES),
                            v.get(Settings.ADVICE_TIME_LIMIT)),
                    migrationSafety());
        }

        /** The migration safety section; its data is the dashboards' declaration, whether or not there are queries. */
        private dev.dbcheck.change.ChangeConfig migrationSafety() throws ConfigException {
            if (v.isSet(Settings.SAFETY_AFTER_VERSION) && v.isSet(Settings.SAFETY_SINCE)
                    && !v.get(Settings.SAFETY_SINCE).equals(dev.dbcheck.change.ChangeConfig.AUTO)) {
                throw new ConfigException("migrationSafety.afterVersion", "set either migrationSafety.since (a git "
                        + "ref) or migrationSafety.afterVersion (a Flyway version), not both");
            }
            String since = v.get(Settings.SAFETY_SINCE);
            return new dev.dbcheck.change.ChangeConfig(v.get(Settings.SAFETY_ENABLED),
                    since == null || since.isBlank() ? dev.dbcheck.change.ChangeConfig.AUTO : since.strip(),
                    v.get(Settings.SAFETY_AFTER_VERSION), v.get(Settings.SAFETY_MAX_LOCK_TIME), dataSpec());
        }

        /** The declared volumes and column distributions: one declaration for the dashboards and the change. */
        private DataSpec dataSpec() throws ConfigException {
            List<ColumnSpec> columns = new ArrayList<>();
            for (SettingValues c : v.items(Settings.COLUMNS)) {
                columns.add(column(c));
            }
            return new DataSpec(v.map(Settings.VOLUMES), v.get(Settings.DEFAULT_ROWS), columns,
                    v.get(Settings.LOAD_FRACTION));
        }

        /**
         * The official image for the configured version: {@code postgres:17} for a major, {@code postgres:17.6} for
         * an exact version (the image tags name major.minor).
         */
        private static String officialImage(String requested, String resolved) {
            String[] parts = resolved.split("\\.");
            return requested.trim().matches("\\d+") ? "postgres:" + parts[0] : "postgres:" + parts[0] + "."
                    + parts[1];
        }

        /** The server provider's settings; credentials from the front end, else DBCHECK_DB_USER/PASSWORD, else PGUSER. */
        private ServerTarget server() throws ConfigException {
            if (!v.isSet(Settings.SERVER_URL)) {
                throw new ConfigException("server.url", "provider server needs the server's JDBC URL: "
                        + Wording.current().example("server.url", "jdbc:postgresql://host:5432/postgres") + " or "
                        + Wording.current().property("dbcheck.server.url"));
            }
            String url = ServerProvider.checkedUrl(v.get(Settings.SERVER_URL));
            String user = context.user();
            String password = context.password();
            String source = context.credentialSource();
            Map<String, String> env = context.environment();
            if (user == null && env.get("DBCHECK_DB_USER") != null) {
                user = env.get("DBCHECK_DB_USER");
                password = env.get("DBCHECK_DB_PASSWORD");
                source = "environment DBCHECK_DB_USER/DBCHECK_DB_PASSWORD";
            } else if (user == null && env.get("PGUSER") != null) {
                user = env.get("PGUSER");
                password = env.get("PGPASSWORD");
                source = "environment PGUSER/PGPASSWORD";
            }
            if (user == null) {
                throw new ConfigException("server.serverId", "no credentials for the server: name a settings.xml "
                        + "<server> with " + Wording.current().setting("server.serverId") + " ("
                        + Wording.current().property("dbcheck.server.id") + "), or set DBCHECK_DB_USER and "
                        + "DBCHECK_DB_PASSWORD");
            }
            return new ServerTarget(url, user, password, source, v.get(Settings.SERVER_DATABASE));
        }

        private ReportFiles reports() throws ConfigException {
            java.util.Set<ReportFormat> chosen = java.util.EnumSet.noneOf(ReportFormat.class);
            for (String f : v.list(Settings.FORMATS)) {
                if (!f.equals("none")) {
                    chosen.add(ReportFormat.valueOf(f));
                }
            }
            return new ReportFiles(abs(v.get(Settings.REPORT_DIRECTORY)), chosen);
        }

        /** The dashboards section; the default folder src/main/dashboards counts when it exists. */
        private DashboardConfig dashboards() throws ConfigException {
            if (v.get(Settings.SKIP_DASHBOARDS)) {
                return null;
            }
            Path directory = abs(v.get(Settings.DASHBOARD_DIRECTORY));
            if (v.isSet(Settings.DASHBOARD_DIRECTORY) && !Files.isDirectory(directory)) {
                throw new ConfigException("dashboards.directory", "folder " + directory + " does not exist");
            }
            List<SettingValues> declared = v.items(Settings.QUERIES);
            Map<String, Long> volumes = v.map(Settings.VOLUMES);
            if (!Files.isDirectory(directory) && declared.isEmpty() && volumes.isEmpty()) {
                return null;
            }
            List<DashboardQuery> queries = new ArrayList<>();
            String configFile = SourceFiles.displayPath(context.configFile(), context.sourceRoot());
            for (SettingValues q : declared) {
                if (!q.isSet(Settings.QUERY_NAME)) {
                    throw new ConfigException("dashboards.queries.query.name", "every <query> needs a <name>");
                }
                if (!q.isSet(Settings.QUERY_SQL)) {
                    throw new ConfigException(q.keyOf(Settings.QUERY_SQL), "the query is empty");
                }
                Map<String, String> allowed = q.texts(Settings.QUERY_ALLOW_SEQ_SCANS);
                for (Map.Entry<String, String> a : allowed.entrySet()) {
                    if (a.getValue().isBlank()) {
                        throw new ConfigException(q.keyOf(Settings.QUERY_ALLOW_SEQ_SCANS) + "." + a.getKey(),
                                "a reason is required");
                    }
                }
                String sql = q.get(Settings.QUERY_SQL);
                int line = q.line(Settings.QUERY_SQL) > 0 ? q.line(Settings.QUERY_SQL)
                        : Math.max(1, lines.lineOf(q.get(Settings.QUERY_NAME), sql));
                sql = oneStatement(q.keyOf(Settings.QUERY_SQL), configFile, line, sql);
                queries.add(new DashboardQuery(q.get(Settings.QUERY_NAME), configFile, line, sql,
                        q.get(Settings.QUERY_BUDGET), allowed, q.list(Settings.QUERY_EXPECT_INDEXES)));
            }
            DataSpec data = dataSpec();
            return new DashboardConfig(directory, queries, data, v.get(Settings.WORK_MEM),
                    v.get(Settings.PARALLEL_WORKERS), v.get(Settings.RUNS), v.get(Settings.QUERY_TIMEOUT),
                    DashboardConfig.Mode.valueOf(v.get(Settings.DASHBOARD_MODE).toUpperCase(Locale.ROOT)));
        }

        private static ColumnSpec column(SettingValues c) throws ConfigException {
            String name = c.isSet(Settings.COLUMN_NAME) ? c.get(Settings.COLUMN_NAME) : "";
            String key = "dashboards.columns[" + name + "]";
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new ConfigException(key + ".name", "'" + name + "' is not table.column (or schema.table.column)");
            }
            String skew = c.get(Settings.COLUMN_SKEW);
            List<ColumnSpec.Weighted> values = new ArrayList<>();
            String valueText = c.get(Settings.COLUMN_VALUES);
            if (valueText != null) {
                for (String part : valueText.split(",")) {
                    if (!part.isBlank()) {
                        values.add(weighted(key + ".values", part.trim()));
                    }
                }
            }
            Long distinct = c.get(Settings.COLUMN_DISTINCT);
            if (distinct != null && distinct < 1) {
                throw new ConfigException(key + ".distinct", "at least one distinct value is needed");
            }
            return new ColumnSpec(name.substring(0, dot), name.substring(dot + 1), distinct,
                    c.get(Settings.COLUMN_NULL_FRACTION), skew == null ? null
                    : ColumnSpec.Skew.valueOf(skew.toUpperCase(Locale.ROOT)), c.get(Settings.COLUMN_MIN),
                    c.get(Settings.COLUMN_MAX), values, c.get(Settings.COLUMN_JSON));
        }

        private static ColumnSpec.Weighted weighted(String key, String text) throws ConfigException {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return new ColumnSpec.Weighted(text, 1);
            }
            try {
                double weight = Double.parseDouble(text.substring(colon + 1).trim());
                if (!Double.isFinite(weight) || weight < 0) {
                    throw new ConfigException(key, "weight of '" + text + "' is not a number of at least 0");
                }
                return new ColumnSpec.Weighted(text.substring(0, colon).trim(), weight);
            } catch (NumberFormatException e) {
                return new ColumnSpec.Weighted(text, 1); // a colon inside the value
            }
        }

        private Path abs(Path path) {
            return path == null ? null : context.baseDirectory().resolve(path).normalize();
        }

        private static CustomSqlRule customRule(SettingValues item, Map<String, RuleMetadata> known,
                                                String configFile) throws ConfigException {
            String id = item.isSet(Settings.CUSTOM_ID) ? item.get(Settings.CUSTOM_ID) : "";
            String key = "customRules[" + id + "]";
            if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw new ConfigException(key + ".id", "'" + id + "' is not a kebab-case rule id (like "
                        + "table-needs-comment)");
            }
            if (known.containsKey(id)) {
                throw new ConfigException(key + ".id", "'" + id + "' is already the id of "
                        + (RuleCatalog.byId(id).isPresent() ? "a built-in rule" : "another custom rule"));
            }
            if (!item.isSet(Settings.CUSTOM_SQL)) {
                throw new ConfigException(key + ".sql", "a query is required");
            }
            Severity severity = Severity.parse(item.get(Settings.CUSTOM_SEVERITY));
            String summary = item.isSet(Settings.CUSTOM_SUMMARY) ? item.get(Settings.CUSTOM_SUMMARY)
                    : "Custom rule " + id;
            String sql = oneStatement(key + ".sql", configFile, Math.max(1, item.line(Settings.CUSTOM_SQL)),
                    item.get(Settings.CUSTOM_SQL));
            return new CustomSqlRule(new RuleMetadata(id, Category.CUSTOM, severity, summary, summary, List.of(),
                    item.get(Settings.CUSTOM_DOCS_URL)), sql);
        }

        /**
         * The one statement of a query the pom declares. A second one would run outside what limits the first —
         * its transaction (a custom rule's READ ONLY), its time limit (after a {@code COMMIT}) — so a query with
         * more is refused before anything runs.
         */
        private static String oneStatement(String key, String configFile, int line, String sql)
                throws ConfigException {
            List<dev.dbcheck.sql.SqlStatement> statements = dev.dbcheck.sql.SqlScanner.split(sql);
            if (statements.isEmpty()) {
                throw new ConfigException(key, "the query is empty");
            }
            if (statements.size() > 1) {
                dev.dbcheck.sql.SqlStatement second = statements.get(1);
                String[] words = second.text().strip().split("\\s+");
                String start = words.length > 1 ? words[0] + " " + words[1] : words[0];
                throw new ConfigException(key, configFile + ":" + (line + second.startLine() - 1) + ": one "
                        + "statement per query, and this one holds " + statements.size() + " (the second begins '"
                        + start + "'); a second statement would run outside the query's transaction and time limit");
            }
            return statements.get(0).text();
        }

        private static RuleSettings rule(SettingValues item, String id, Map<String, RuleMetadata> known)
                throws ConfigException {
            String key = "rules[" + id + "]";
            List<String> ids = known.keySet().stream().sorted().toList();
            if (id.isEmpty()) {
                throw new ConfigException("rules.rule.id", "every <rule> needs an <id>; known rules: "
                        + String.join(", ", ids));
            }
            RuleMetadata metadata = known.get(id);
            if (metadata == null) {
                throw new ConfigException(key, "unknown rule id '" + id + "'" + Suggestions.didYouMean(id, ids)
                        + "; known rules: " + String.join(", ", ids));
            }
            String severity = item.get(Settings.RULE_SEVERITY);
            Map<String, String> options = item.map(Settings.RULE_OPTIONS);
            for (Map.Entry<String, String> option : options.entrySet()) {
                RuleOption spec = metadata.option(option.getKey()).orElseThrow(() -> new ConfigException(
                        key + ".options." + option.getKey(), "unknown option for " + id + "; "
                        + (metadata.options().isEmpty() ? "it takes no options"
                        : "its options are " + String.join(", ",
                        metadata.options().stream().map(RuleOption::name).toList()))));
                String problem = spec.validate(option.getValue());
                if (problem != null) {
                    throw new ConfigException(key + ".options." + option.getKey(), problem);
                }
            }
            return new RuleSettings(severity == null ? null : Severity.parse(severity), options,
                    patterns(key + ".includes", item.list(Settings.RULE_INCLUDES)),
                    patterns(key + ".excludes", item.list(Settings.RULE_EXCLUDES)));
        }

        /** The user's excludes and the framework tables, which are excluded the same way. */
        private List<ObjectPattern> excludes(SettingValues v) throws ConfigException {
            List<ObjectPattern> excludes = patterns(v.keyOf(Settings.EXCLUDES), v.list(Settings.EXCLUDES));
            List<String> framework = v.list(Settings.FRAMEWORK_TABLES);
            if (!framework.equals(List.of("none"))) {
                excludes.addAll(patterns(v.keyOf(Settings.FRAMEWORK_TABLES), framework));
            }
            return excludes;
        }

        private static List<ObjectPattern> patterns(String key, List<String> values) throws ConfigException {
            List<ObjectPattern> patterns = new ArrayList<>();
            for (String p : values) {
                if (p == null || p.isBlank()) {
                    throw new ConfigException(key, "empty pattern; use schema.table[.column] with * and ?");
                }
                patterns.add(ObjectPattern.of(p));
            }
            return patterns;
        }
    }
}
