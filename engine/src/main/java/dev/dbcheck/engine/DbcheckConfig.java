package dev.dbcheck.engine;

import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.ConfigValues;
import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.dashboard.DashboardQuery;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.migrate.FlywayMigrator;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated run configuration. Front ends fill a {@link Builder} with the raw text users wrote; every value is
 * checked there, and a bad one fails with a {@link ConfigException} naming the key as written in the pom.
 *
 * @param baseDirectory  the project directory; relative paths resolve against it
 * @param sourceRoot     the directory report paths are relative to (the repository root)
 * @param database       where the throwaway database comes from
 * @param migrations     how the schema is built
 * @param schemas        schemas to lint; empty for every non-system schema
 * @param rules          per-rule settings by rule id
 * @param excludes       objects no rule reports
 * @param failOn         the lowest severity that fails the build
 * @param customRules    rules written as SQL in the pom
 * @param baselineFile   the baseline to apply, or null for none
 * @param sampleData     a folder of CSV/SQL files loaded after the migrations, or null
 * @param dataSampleRows rows read per table for the normalization rules' data evidence; 0 turns it off
 * @param dashboards     the dashboard query checks, or null when none are configured
 * @param reports        where report files go and which
 */
public record DbcheckConfig(Path baseDirectory, Path sourceRoot, Database database, Migrations migrations,
                            List<String> schemas, Map<String, RuleSettings> rules, List<ObjectPattern> excludes,
                            Severity failOn, List<CustomSqlRule> customRules, Path baselineFile, Path sampleData,
                            int dataSampleRows, DashboardConfig dashboards, ReportFiles reports) {

    public DbcheckConfig {
        schemas = List.copyOf(schemas);
        rules = Map.copyOf(rules);
        excludes = List.copyOf(excludes);
        customRules = List.copyOf(customRules);
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
     * @param embeddedUser    the user the embedded server runs as when the build runs as root; null for nobody
     * @param embeddedPorts   the ports the embedded server may listen on
     */
    public record Database(String postgresVersion, Path cacheDirectory, Path workDirectory,
                           Map<String, String> serverSettings, Duration startupTimeout, String embeddedUser,
                           PortRange embeddedPorts, Provider provider, Server server, Docker docker) {
        public Database {
            serverSettings = Map.copyOf(serverSettings);
        }

        /** The PostgreSQL major of {@link #postgresVersion}. */
        public int major() {
            return Integer.parseInt(postgresVersion.replaceAll("\\..*", ""));
        }
    }

    /** Where the throwaway database comes from. */
    public enum Provider { EMBEDDED, DOCKER, SERVER }

    /**
     * An existing server: dbcheck creates (or uses a given empty) database there.
     *
     * @param url              JDBC URL of the database to connect to for CREATE DATABASE
     * @param user             from settings.xml or the environment
     * @param password         idem; never printed ({@link #toString} hides both)
     * @param credentialSource where they came from, for messages
     * @param database         an empty database to use instead of creating one, or null
     */
    public record Server(String url, String user, String password, String credentialSource, String database) {
        @Override
        public String toString() {
            return "Server[url=" + url + ", credentials from " + credentialSource + ", database=" + database + "]";
        }
    }

    /**
     * A container started with Testcontainers.
     *
     * @param image the image (official postgres or compatible)
     */
    public record Docker(String image) {
    }

    /**
     * @param tool         flyway or plain
     * @param locations    where the scripts are
     * @param schemas      Flyway's managed schemas
     * @param placeholders {@code ${name}} values
     * @param table        Flyway's history table
     */
    /**
     * @param statementTimeout how long one migration statement may run before it is cancelled
     */
    public record Migrations(Tool tool, List<String> locations, List<String> schemas, Map<String, String> placeholders,
                             String table, Duration statementTimeout) {
        public Migrations {
            locations = List.copyOf(locations);
            schemas = List.copyOf(schemas);
            placeholders = Map.copyOf(placeholders);
        }
    }

    public enum Tool { FLYWAY, PLAIN }

    /** What users write for one rule, before validation. */
    public record RawRule(String id, String severity, Map<String, String> options, List<String> includes,
                          List<String> excludes) {
    }

    /** What users write for one query in the pom, before validation. */
    public record RawQuery(String name, String sql, String budget, Map<String, String> allowSeqScans,
                           List<String> expectIndexes) {
    }

    /** What users write for one column's distribution, before validation. */
    public record RawColumn(String name, String distinct, String nullFraction, String skew, String min, String max,
                            String values, String json) {
    }

    /** What users write in {@code <dashboards>}, before validation. */
    public record RawDashboards(Path directory, List<RawQuery> queries, Map<String, String> volumes, String defaultRows,
                                List<RawColumn> columns, String loadFraction, String workMem, String parallelWorkers,
                                String runs, String queryTimeout, String mode) {
    }

    /** What users write for one custom SQL rule, before validation. */
    public record RawCustomRule(String id, String severity, String summary, String docsUrl, String sql) {
    }

    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** Collects raw values; {@link #build()} validates them all. */
    public static final class Builder {
        private final Path baseDirectory;
        private Path sourceRoot;
        private String provider;
        private String postgresVersion;
        private Path cacheDirectory;
        private Path workDirectory;
        private Map<String, String> serverSettings = Map.of();
        private String startupTimeout;
        private String migrationTimeout;
        private String embeddedUser;
        private String embeddedPorts;
        private String migrationTool;
        private List<String> locations = List.of();
        private List<String> migrationSchemas = List.of();
        private Map<String, String> placeholders = Map.of();
        private String historyTable;
        private List<String> schemas = List.of();
        private final List<RawRule> rules = new ArrayList<>();
        private List<String> excludes = List.of();
        private String failOn;
        private final List<RawCustomRule> customRules = new ArrayList<>();
        private Path baselineFile;
        private Path sampleData;
        private String dataSampleRows;
        private RawDashboards dashboards;
        private boolean skipDashboards;
        private String serverUrl;
        private String serverDatabase;
        private String serverUser;
        private String serverPassword;
        private String credentialSource;
        private String dockerImage;
        private Map<String, String> environment = System.getenv();
        private Path reportDirectory;
        private List<String> formats;
        private String dashboardMode;

        private Builder(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        }

        public Builder sourceRoot(Path value) {
            this.sourceRoot = value;
            return this;
        }

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        public Builder postgresVersion(String value) {
            this.postgresVersion = value;
            return this;
        }

        public Builder cacheDirectory(Path value) {
            this.cacheDirectory = value;
            return this;
        }

        public Builder workDirectory(Path value) {
            this.workDirectory = value;
            return this;
        }

        public Builder serverSettings(Map<String, String> value) {
            this.serverSettings = value == null ? Map.of() : value;
            return this;
        }

        /** How long one migration statement may run (default 10m). */
        public Builder migrationTimeout(String value) {
            this.migrationTimeout = value;
            return this;
        }

        public Builder startupTimeout(String value) {
            this.startupTimeout = value;
            return this;
        }

        public Builder embeddedUser(String value) {
            this.embeddedUser = value;
            return this;
        }

        /** {@code 54320-54339} or one port; unset lets the system pick a free port. */
        public Builder embeddedPorts(String value) {
            this.embeddedPorts = value;
            return this;
        }

        public Builder migrationTool(String value) {
            this.migrationTool = value;
            return this;
        }

        public Builder locations(List<String> value) {
            this.locations = value == null ? List.of() : value;
            return this;
        }

        public Builder migrationSchemas(List<String> value) {
            this.migrationSchemas = value == null ? List.of() : value;
            return this;
        }

        public Builder placeholders(Map<String, String> value) {
            this.placeholders = value == null ? Map.of() : value;
            return this;
        }

        public Builder historyTable(String value) {
            this.historyTable = value;
            return this;
        }

        public Builder schemas(List<String> value) {
            this.schemas = value == null ? List.of() : value;
            return this;
        }

        public Builder rule(RawRule rule) {
            this.rules.add(rule);
            return this;
        }

        public Builder excludes(List<String> value) {
            this.excludes = value == null ? List.of() : value;
            return this;
        }

        public Builder failOn(String value) {
            this.failOn = value;
            return this;
        }

        public Builder customRule(RawCustomRule rule) {
            this.customRules.add(rule);
            return this;
        }

        public Builder dashboards(RawDashboards value) {
            this.dashboards = value;
            return this;
        }

        /** The existing server's JDBC URL (provider server). */
        public Builder serverUrl(String value) {
            this.serverUrl = value;
            return this;
        }

        /** An empty database on the server to use instead of creating one. */
        public Builder serverDatabase(String value) {
            this.serverDatabase = value;
            return this;
        }

        /** Credentials for the server, with where they came from (for messages); null to read the environment. */
        public Builder serverCredentials(String user, String password, String source) {
            this.serverUser = user;
            this.serverPassword = password;
            this.credentialSource = source;
            return this;
        }

        /** The container image (provider docker); null for the official postgres image of postgresVersion. */
        public Builder dockerImage(String value) {
            this.dockerImage = value;
            return this;
        }

        /** The environment credentials are read from; the process environment by default. */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /** Where report files go; default {@code target/dbcheck} under the base directory. */
        public Builder reportDirectory(Path value) {
            this.reportDirectory = value;
            return this;
        }

        /** Report formats by id (json, sarif, junit, html); null for all of them, empty for none. */
        public Builder formats(List<String> value) {
            this.formats = value;
            return this;
        }

        /** Leaves the dashboard queries out, even when the default folder exists ({@code -Ddbcheck.dashboards.skip}). */
        public Builder skipDashboards(boolean value) {
            this.skipDashboards = value;
            return this;
        }

        /** Overrides {@code <dashboards><mode>} ({@code -Ddbcheck.dashboards.mode=fast} for a quick local run). */
        public Builder dashboardMode(String value) {
            this.dashboardMode = value;
            return this;
        }

        public Builder sampleData(Path value) {
            this.sampleData = value;
            return this;
        }

        public Builder dataSampleRows(String value) {
            this.dataSampleRows = value;
            return this;
        }

        /** The baseline file; applied when it exists. */
        public Builder baselineFile(Path value) {
            this.baselineFile = value;
            return this;
        }

        public DbcheckConfig build() throws ConfigException {
            String p = provider == null || provider.isBlank() ? "embedded" : provider.trim().toLowerCase(Locale.ROOT);
            Provider chosen = switch (p) {
                case "embedded" -> Provider.EMBEDDED;
                case "docker" -> Provider.DOCKER;
                case "server" -> Provider.SERVER;
                default -> throw new ConfigException("provider", "'" + provider + "' is not one of embedded, docker, "
                        + "server");
            };
            String version = PostgresVersions.resolve(postgresVersion, "postgresVersion");
            Server server = chosen == Provider.SERVER ? server() : null;
            Docker docker = chosen == Provider.DOCKER ? new Docker(dockerImage != null && !dockerImage.isBlank()
                    ? dockerImage.trim() : officialImage(version)) : null;
            Duration timeout = startupTimeout == null || startupTimeout.isBlank() ? Duration.ofSeconds(120)
                    : ConfigValues.duration("startupTimeout", startupTimeout);
            for (Map.Entry<String, String> s : serverSettings.entrySet()) {
                if (!s.getKey().matches("[a-z_][a-z0-9_.]*")) {
                    throw new ConfigException("serverSettings", "'" + s.getKey() + "' is not a PostgreSQL setting name");
                }
                if (s.getValue() == null) {
                    throw new ConfigException("serverSettings." + s.getKey(), "a value is required");
                }
            }
            Database database = new Database(version, abs(cacheDirectory), abs(workDirectory), serverSettings, timeout,
                    embeddedUser, PortRange.parse("embeddedPorts", embeddedPorts), chosen, server, docker);

            Tool tool = parseTool(migrationTool);
            List<String> locs = locations.isEmpty()
                    ? List.of(tool == Tool.FLYWAY ? FlywayMigrator.DEFAULT_LOCATION : "src/main/resources/db/migration")
                    : locations.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            Migrations migrations = new Migrations(tool, locs, trimmed(migrationSchemas), placeholders,
                    historyTable == null || historyTable.isBlank() ? FlywayMigrator.DEFAULT_TABLE : historyTable.trim(),
                    migrationTimeout == null || migrationTimeout.isBlank() ? Duration.ofMinutes(10)
                            : ConfigValues.duration("migrationTimeout", migrationTimeout));

            List<CustomSqlRule> custom = new ArrayList<>();
            Map<String, RuleMetadata> known = new LinkedHashMap<>();
            RuleCatalog.all().forEach(m -> known.put(m.id(), m));
            for (RawCustomRule raw : customRules) {
                CustomSqlRule rule = validateCustomRule(raw, known);
                known.put(rule.metadata().id(), rule.metadata());
                custom.add(rule);
            }
            Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
            for (RawRule raw : rules) {
                String id = raw.id() == null ? "" : raw.id().trim();
                if (ruleSettings.containsKey(id)) {
                    throw new ConfigException("rules[" + id + "]", "configured twice");
                }
                ruleSettings.put(id, validateRule(raw, id, known));
            }
            Severity threshold = Severity.ERROR;
            if (failOn != null && !failOn.isBlank()) {
                threshold = Severity.parse(failOn);
                if (threshold == null || threshold == Severity.OFF) {
                    throw new ConfigException("failOn", "'" + failOn + "' is not one of error, warning, info");
                }
            }
            int sampleRows = Linter.DEFAULT_SAMPLE_ROWS;
            if (dataSampleRows != null && !dataSampleRows.isBlank()) {
                try {
                    sampleRows = Integer.parseInt(dataSampleRows.trim());
                } catch (NumberFormatException e) {
                    sampleRows = -1;
                }
                if (sampleRows < 0) {
                    throw new ConfigException("dataSampleRows", "'" + dataSampleRows + "' is not a row count (0 turns "
                            + "the data evidence off)");
                }
            }
            Path sample = abs(sampleData);
            if (sample != null && !java.nio.file.Files.isDirectory(sample)) {
                throw new ConfigException("sampleData", "folder " + sample + " does not exist");
            }
            return new DbcheckConfig(baseDirectory, sourceRoot != null ? sourceRoot.toAbsolutePath().normalize()
                    : baseDirectory, database, migrations, trimmed(schemas), ruleSettings,
                    patterns("excludes", excludes), threshold, custom, abs(baselineFile), sample, sampleRows,
                    dashboards(), reports());
        }

        /**
         * The official image for the configured version: {@code postgres:17} for a major, {@code postgres:17.6} for
         * an exact version (the image tags name major.minor).
         */
        private String officialImage(String resolved) {
            String raw = postgresVersion == null || postgresVersion.isBlank() ? "" : postgresVersion.trim();
            String[] parts = resolved.split("\\.");
            return raw.matches("\\d+") || raw.isEmpty() ? "postgres:" + parts[0] : "postgres:" + parts[0] + "."
                    + parts[1];
        }

        /**
         * The line of the pom where an inline query's SQL starts, so that an error in it points into the pom:
         * the first line of the SQL after the query's {@code <name>}; 1 when the pom is not on disk.
         */
        private int lineInPom(String name, String sql) {
            Path pom = baseDirectory.resolve("pom.xml");
            String first = sql.strip().lines().findFirst().orElse("").strip();
            try {
                String text = Files.readString(pom, StandardCharsets.UTF_8);
                int at = text.indexOf("<name>" + name + "</name>");
                int sqlAt = first.isEmpty() ? -1 : text.indexOf(first, Math.max(at, 0));
                if (sqlAt < 0) {
                    return 1;
                }
                return dev.dbcheck.base.SourceFiles.lineAt(text, sqlAt);
            } catch (java.io.IOException | RuntimeException e) {
                return 1;
            }
        }

        /** The server provider's settings; credentials from the caller, else DBCHECK_DB_USER/PASSWORD, else PGUSER. */
        private Server server() throws ConfigException {
            if (serverUrl == null || serverUrl.isBlank()) {
                throw new ConfigException("server.url", "provider server needs the server's JDBC URL: "
                        + "<server><url>jdbc:postgresql://host:5432/postgres</url></server> or -Ddbcheck.server.url");
            }
            String url = dev.dbcheck.provision.server.ServerProvider.checkedUrl(serverUrl);
            String user = serverUser;
            String password = serverPassword;
            String source = credentialSource;
            if (user == null && environment.get("DBCHECK_DB_USER") != null) {
                user = environment.get("DBCHECK_DB_USER");
                password = environment.get("DBCHECK_DB_PASSWORD");
                source = "environment DBCHECK_DB_USER/DBCHECK_DB_PASSWORD";
            } else if (user == null && environment.get("PGUSER") != null) {
                user = environment.get("PGUSER");
                password = environment.get("PGPASSWORD");
                source = "environment PGUSER/PGPASSWORD";
            }
            if (user == null) {
                throw new ConfigException("server.serverId", "no credentials for the server: name a settings.xml "
                        + "<server> with <server><serverId> (-Ddbcheck.server.id), or set DBCHECK_DB_USER and "
                        + "DBCHECK_DB_PASSWORD");
            }
            String database = serverDatabase == null || serverDatabase.isBlank() ? null : serverDatabase.trim();
            return new Server(url, user, password, source, database);
        }

        private ReportFiles reports() throws ConfigException {
            Path directory = reportDirectory != null ? abs(reportDirectory) : baseDirectory.resolve("target/dbcheck");
            java.util.Set<dev.dbcheck.report.ReportFormat> chosen = java.util.EnumSet.noneOf(
                    dev.dbcheck.report.ReportFormat.class);
            if (formats == null) {
                chosen.addAll(List.of(dev.dbcheck.report.ReportFormat.values()));
            } else {
                for (String f : formats) {
                    for (String part : f == null ? new String[0] : f.split(",")) {
                        if (part.isBlank() || part.trim().equalsIgnoreCase("none")) {
                            continue;
                        }
                        chosen.add(dev.dbcheck.report.ReportFormat.parse(part).orElseThrow(() -> new ConfigException(
                                "formats", "'" + part.trim() + "' is not one of "
                                + dev.dbcheck.report.ReportFormat.choices() + " (or none)")));
                    }
                }
            }
            return new ReportFiles(directory, chosen);
        }

        /** The dashboards section; the default folder src/main/dashboards counts when it exists. */
        private DashboardConfig dashboards() throws ConfigException {
            if (skipDashboards) {
                return null;
            }
            RawDashboards d = dashboards != null ? dashboards
                    : new RawDashboards(null, List.of(), Map.of(), null, List.of(), null, null, null, null, null, null);
            Path directory = d.directory() != null ? abs(d.directory()) : baseDirectory.resolve("src/main/dashboards");
            if (d.directory() != null && !java.nio.file.Files.isDirectory(directory)) {
                throw new ConfigException("dashboards.directory", "folder " + directory + " does not exist");
            }
            boolean anyQueries = java.nio.file.Files.isDirectory(directory) || !d.queries().isEmpty();
            if (!anyQueries && d.volumes().isEmpty()) {
                return null;
            }
            List<DashboardQuery> queries = new ArrayList<>();
            for (RawQuery q : d.queries()) {
                String key = "dashboards.queries[" + (q.name() == null ? "" : q.name()) + "]";
                if (q.name() == null || q.name().isBlank()) {
                    throw new ConfigException("dashboards.queries.query.name", "every <query> needs a <name>");
                }
                if (q.sql() == null || q.sql().isBlank()) {
                    throw new ConfigException(key + ".sql", "the query is empty");
                }
                Map<String, String> allowed = q.allowSeqScans() == null ? Map.of() : q.allowSeqScans();
                for (Map.Entry<String, String> a : allowed.entrySet()) {
                    if (a.getValue() == null || a.getValue().isBlank()) {
                        throw new ConfigException(key + ".allowSeqScans." + a.getKey(), "a reason is required");
                    }
                }
                // the pom as reports show paths: relative to the repository root, like migrations
                String pom = dev.dbcheck.base.SourceFiles.displayPath(baseDirectory.resolve("pom.xml"),
                        sourceRoot != null ? sourceRoot.toAbsolutePath().normalize() : baseDirectory);
                queries.add(new DashboardQuery(q.name().trim(), pom, lineInPom(q.name().trim(), q.sql()), q.sql().trim(),
                        q.budget() == null || q.budget().isBlank() ? null : ConfigValues.duration(key + ".budget", q.budget()),
                        allowed, q.expectIndexes() == null ? List.of() : q.expectIndexes()));
            }
            Map<String, Long> volumes = new LinkedHashMap<>();
            for (Map.Entry<String, String> v : d.volumes().entrySet()) {
                volumes.put(v.getKey(), rows("dashboards.volumes." + v.getKey(), v.getValue()));
            }
            List<ColumnSpec> columns = new ArrayList<>();
            for (RawColumn c : d.columns()) {
                columns.add(column(c));
            }
            double fraction = d.loadFraction() == null || d.loadFraction().isBlank() ? 1.0
                    : number("dashboards.loadFraction", d.loadFraction());
            if (fraction <= 0 || fraction > 1) {
                throw new ConfigException("dashboards.loadFraction", "'" + d.loadFraction() + "' is not above 0 and "
                        + "at most 1");
            }
            String workMem = d.workMem() == null || d.workMem().isBlank() ? "4MB" : d.workMem().trim();
            ConfigValues.size("dashboards.workMem", workMem);
            DashboardConfig.Mode mode = DashboardConfig.Mode.FULL;
            String modeText = dashboardMode != null && !dashboardMode.isBlank() ? dashboardMode : d.mode();
            if (modeText != null && !modeText.isBlank()) {
                mode = switch (modeText.trim().toLowerCase(Locale.ROOT)) {
                    case "full" -> DashboardConfig.Mode.FULL;
                    case "fast" -> DashboardConfig.Mode.FAST;
                    default -> throw new ConfigException("dashboards.mode", "'" + modeText + "' is not one of full, fast");
                };
            }
            return new DashboardConfig(directory, queries, new DataSpec(volumes, d.defaultRows() == null || d.defaultRows().isBlank() ? 1000 : rows("dashboards.defaultRows",
                            d.defaultRows()), columns, fraction), workMem.replace(" ", ""),
                    (int) count("dashboards.parallelWorkers", d.parallelWorkers(), 2),
                    (int) Math.max(1, count("dashboards.runs", d.runs(), 3)),
                    d.queryTimeout() == null || d.queryTimeout().isBlank() ? java.time.Duration.ofMinutes(5)
                            : ConfigValues.duration("dashboards.queryTimeout", d.queryTimeout()), mode);
        }

        private static ColumnSpec column(RawColumn c) throws ConfigException {
            String name = c.name() == null ? "" : c.name().trim();
            String key = "dashboards.columns[" + name + "]";
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new ConfigException(key + ".name", "'" + name + "' is not table.column (or schema.table.column)");
            }
            ColumnSpec.Skew skew = null;
            if (c.skew() != null && !c.skew().isBlank()) {
                skew = switch (c.skew().trim().toLowerCase(Locale.ROOT)) {
                    case "uniform" -> ColumnSpec.Skew.UNIFORM;
                    case "zipf" -> ColumnSpec.Skew.ZIPF;
                    default -> throw new ConfigException(key + ".skew", "'" + c.skew() + "' is not one of uniform, zipf");
                };
            }
            List<ColumnSpec.Weighted> values = new ArrayList<>();
            if (c.values() != null && !c.values().isBlank()) {
                for (String v : c.values().split(",")) {
                    if (!v.isBlank()) {
                        values.add(weighted(key + ".values", v.trim()));
                    }
                }
            }
            Double nullFraction = c.nullFraction() == null || c.nullFraction().isBlank() ? null
                    : number(key + ".nullFraction", c.nullFraction());
            if (nullFraction != null && (nullFraction < 0 || nullFraction > 1)) {
                throw new ConfigException(key + ".nullFraction", "'" + c.nullFraction() + "' is not between 0 and 1");
            }
            Long distinct = c.distinct() == null || c.distinct().isBlank() ? null : rows(key + ".distinct", c.distinct());
            if (distinct != null && distinct < 1) {
                throw new ConfigException(key + ".distinct", "at least one distinct value is needed");
            }
            return new ColumnSpec(name.substring(0, dot), name.substring(dot + 1), distinct, nullFraction, skew,
                    blankToNull(c.min()), blankToNull(c.max()), values, blankToNull(c.json()));
        }

        private static ColumnSpec.Weighted weighted(String key, String text) throws ConfigException {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return new ColumnSpec.Weighted(text, 1);
            }
            try {
                double weight = Double.parseDouble(text.substring(colon + 1).trim());
                if (weight < 0) {
                    throw new ConfigException(key, "weight of '" + text + "' is negative");
                }
                return new ColumnSpec.Weighted(text.substring(0, colon).trim(), weight);
            } catch (NumberFormatException e) {
                return new ColumnSpec.Weighted(text, 1); // a colon inside the value
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        /** A row count: 1000000, 1_000_000, 1M, 50k. */
        private static long rows(String key, String text) throws ConfigException {
            String t = text == null ? "" : text.trim().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
            long factor = 1;
            if (t.endsWith("k")) {
                factor = 1_000;
                t = t.substring(0, t.length() - 1);
            } else if (t.endsWith("m")) {
                factor = 1_000_000;
                t = t.substring(0, t.length() - 1);
            }
            try {
                long n = Math.round(Double.parseDouble(t) * factor);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + text + "' is not a row count (e.g. 1000000, 1M, 50k)");
            }
        }

        private static double number(String key, String text) throws ConfigException {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + text + "' is not a number");
            }
        }

        private static long count(String key, String text, long fallback) throws ConfigException {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                long n = Long.parseLong(text.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + text + "' is not a whole number");
            }
        }

        private Path abs(Path path) {
            return path == null ? null : baseDirectory.resolve(path).normalize();
        }

        private static Tool parseTool(String text) throws ConfigException {
            if (text == null || text.isBlank()) {
                return Tool.FLYWAY;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "flyway" -> Tool.FLYWAY;
                case "plain", "sql" -> Tool.PLAIN;
                default -> throw new ConfigException("migrations.tool", "'" + text + "' is not one of flyway, plain");
            };
        }

        private static List<String> trimmed(List<String> values) {
            return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        }

        private static CustomSqlRule validateCustomRule(RawCustomRule raw, Map<String, RuleMetadata> known)
                throws ConfigException {
            String id = raw.id() == null ? "" : raw.id().trim();
            String key = "customRules[" + id + "]";
            if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw new ConfigException(key + ".id", "'" + id + "' is not a kebab-case rule id (like "
                        + "table-needs-comment)");
            }
            if (known.containsKey(id)) {
                throw new ConfigException(key + ".id", "'" + id + "' is already the id of "
                        + (RuleCatalog.byId(id).isPresent() ? "a built-in rule" : "another custom rule"));
            }
            if (raw.sql() == null || raw.sql().isBlank()) {
                throw new ConfigException(key + ".sql", "a query is required");
            }
            Severity severity = Severity.WARNING;
            if (raw.severity() != null && !raw.severity().isBlank()) {
                severity = Severity.parse(raw.severity());
                if (severity == null) {
                    throw new ConfigException(key + ".severity", "'" + raw.severity() + "' is not one of "
                            + Severity.allowedValues());
                }
            }
            String summary = raw.summary() == null || raw.summary().isBlank() ? "Custom rule " + id : raw.summary().trim();
            String docs = raw.docsUrl() == null || raw.docsUrl().isBlank() ? null : raw.docsUrl().trim();
            return new CustomSqlRule(new RuleMetadata(id, Category.CUSTOM, severity, summary, summary, List.of(), docs),
                    raw.sql());
        }

        private static RuleSettings validateRule(RawRule raw, String id, Map<String, RuleMetadata> known)
                throws ConfigException {
            String key = "rules[" + id + "]";
            List<String> ids = List.copyOf(known.keySet()).stream().sorted().toList();
            if (id.isEmpty()) {
                throw new ConfigException("rules.rule.id", "every <rule> needs an <id>; known rules: "
                        + String.join(", ", ids));
            }
            RuleMetadata metadata = known.get(id);
            if (metadata == null) {
                throw new ConfigException(key, "unknown rule id '" + id + "'" + suggestion(id, ids)
                        + "; known rules: " + String.join(", ", ids));
            }
            Severity severity = null;
            if (raw.severity() != null && !raw.severity().isBlank()) {
                severity = Severity.parse(raw.severity());
                if (severity == null) {
                    throw new ConfigException(key + ".severity", "'" + raw.severity() + "' is not one of "
                            + Severity.allowedValues());
                }
            }
            Map<String, String> options = raw.options() == null ? Map.of() : raw.options();
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
            return new RuleSettings(severity, options, patterns(key + ".includes", raw.includes()),
                    patterns(key + ".excludes", raw.excludes()));
        }

        private static List<ObjectPattern> patterns(String key, List<String> values) throws ConfigException {
            List<ObjectPattern> patterns = new ArrayList<>();
            if (values == null) {
                return patterns;
            }
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw new ConfigException(key, "empty pattern; use schema.table[.column] with * and ?");
                }
                patterns.add(ObjectPattern.of(v));
            }
            return patterns;
        }

        /** "did you mean" for a mistyped rule id: the known id with the smallest edit distance, if close. */
        private static String suggestion(String id, List<String> ids) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String known : ids) {
                int d = editDistance(id, known);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = known;
                }
            }
            return best != null && bestDistance <= Math.max(3, id.length() / 3) ? " (did you mean " + best + "?)" : "";
        }

        private static int editDistance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] t = previous;
                previous = current;
                current = t;
            }
            return previous[b.length()];
        }
    }
}
