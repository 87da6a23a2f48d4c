package dev.dbcheck.engine;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.Setting;
import dev.dbcheck.base.ValueType;
import dev.dbcheck.provision.embedded.PortRange;
import dev.dbcheck.provision.embedded.PostgresVersions;
import dev.dbcheck.report.ReportFormat;
import dev.dbcheck.rule.Severity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting of dbcheck, declared once: key, type (with its constraint), default, one-line doc and command-line
 * property. The plugin binds the pom's {@code <configuration>} and {@code -D} properties through this list, the
 * configuration is validated by it ({@link DbcheckConfig#from}), and the reference table of docs/configuration.md
 * is generated from it ({@link #referenceTable()}). A new setting is one line here and one where its stage reads it.
 */
public final class Settings {

    private Settings() {
    }

    private static final ValueType<String> SEVERITY = ValueType.custom("one of " + Severity.allowedValues(),
            (key, t) -> severity(key, t).id());
    private static final ValueType<String> FAIL_ON = ValueType.oneOf("error", "warning", "info");

    // ---- the front end's own: whether to run and how a result fails the build

    public static final Setting<Boolean> SKIP = Setting.value("skip", ValueType.bool(), "false", "Skips dbcheck.");
    public static final Setting<Boolean> FAIL_ON_VIOLATION = Setting.value("failOnViolation", ValueType.bool(),
            "true", "When `false`, findings are reported but never fail the build.");
    public static final Setting<Integer> MAX_FAILURES_SHOWN = Setting.value("maxFailuresShown",
            ValueType.integer(0, 10_000), "10", "How many failing findings the build's last lines repeat.");
    public static final Setting<String> FAIL_ON_SEVERITY = Setting.value("failOn", FAIL_ON, "error",
            "Lowest severity that fails the build: `error`, `warning` or `info`.");

    // ---- provision

    public static final Setting<String> POSTGRES_VERSION = Setting.value("postgresVersion",
            ValueType.custom("a major (14–18) or an exact embedded-binaries version", (key, t) -> {
                PostgresVersions.resolve(t, key);
                return t;
            }), PostgresVersions.DEFAULT_MAJOR, "PostgreSQL major (14–18) or exact embedded-binaries version; match "
                    + "production.");
    public static final Setting<String> PROVIDER = Setting.value("provider",
            ValueType.oneOf(java.util.Arrays.stream(DbcheckConfig.Provider.values())
                    .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList(), p -> p), "embedded",
            "Where the throwaway database comes from: `embedded`, `docker` or `server` ([providers](providers.md)).");
    public static final Setting<String> SERVER_URL = Setting.value("server.url", ValueType.text(), null,
            "provider `server`: the server's JDBC URL (of its maintenance database).");
    public static final Setting<String> SERVER_ID = Setting.value("server.serverId", ValueType.text(), null,
            "provider `server`: the settings.xml `<server>` with the credentials.").withProperty("dbcheck.server.id");
    public static final Setting<String> SERVER_DATABASE = Setting.value("server.database", ValueType.text(), null,
            "provider `server`: an empty database to use instead of creating one.");
    public static final Setting<Void> SERVER = Setting.section("server", "provider `server` ([providers](providers.md)).",
            List.of(SERVER_URL, SERVER_ID, SERVER_DATABASE));
    public static final Setting<String> DOCKER_IMAGE = Setting.value("docker.image", ValueType.text(),
            "postgres:<postgresVersion>", "provider `docker`: the image ([providers](providers.md)).");
    public static final Setting<Void> DOCKER = Setting.section("docker", "provider `docker`.", List.of(DOCKER_IMAGE));
    public static final Setting<Duration> STARTUP_TIMEOUT = Setting.value("startupTimeout", ValueType.duration(),
            "120s", "How long `initdb` plus start, or the container, may take (`500ms`, `30s`, `2m`).");
    public static final Setting<Path> CACHE_DIRECTORY = Setting.value("cacheDirectory", ValueType.path(), null,
            "Where PostgreSQL binaries are extracted and the template cluster is kept; default `~/.cache/dbcheck`, "
                    + "`/var/cache/dbcheck` as root, or `DBCHECK_CACHE_DIR`.");
    public static final Setting<Path> WORK_DIRECTORY = Setting.value("workDirectory", ValueType.path(), null,
            "Where the temporary cluster is created; default the system temp directory.");
    public static final Setting<String> EMBEDDED_USER = Setting.value("embeddedUser", ValueType.text(), null,
            "The user the embedded server runs as when the build runs as root; by default a uid of its own for "
                    + "each server (no passwd entry, nothing shared with other builds), `initdb` as `nobody`.");
    public static final Setting<PortRange> EMBEDDED_PORTS = Setting.value("embeddedPorts",
            ValueType.custom("a port or a range (`54320-54339`)", PortRange::parse), null,
            "Loopback ports the embedded server may listen on: one port (`55432`) or a range (`54320-54339`); by "
                    + "default any free port. Parallel builds share a range.");
    public static final Setting<String> SERVER_SETTINGS = Setting.map("serverSettings", ValueType.text(),
            "Extra server settings for the throwaway server, `<work_mem>64MB</work_mem>`. `listen_addresses` "
                    + "stays loopback and `port` is dbcheck's (see embeddedPorts).");

    // ---- migrate

    public static final Setting<String> MIGRATION_TOOL = Setting.value("migrations.tool",
            ValueType.custom("one of flyway, liquibase, plain", (key, t) -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "flyway" -> "flyway";
                case "liquibase" -> "liquibase";
                case "plain", "sql" -> "plain";
                default -> throw new ConfigException(key, "'" + t + "' is not one of flyway, liquibase, plain");
            }), "flyway",
            "`flyway` (versioned and repeatable scripts), `liquibase` (a changelog: XML, YAML, JSON or formatted "
                    + "SQL) or `plain` (every `.sql` file, in name order).");
    public static final Setting<Boolean> MIGRATION_MIXED = Setting.value("migrations.mixed", ValueType.bool(), "false",
            "Flyway: allow a script that mixes statements that need a transaction with ones that cannot run in one "
                    + "(`CREATE INDEX CONCURRENTLY`); Flyway's own default, `false`, refuses it.");
    public static final Setting<String> MIGRATION_CHANGELOG = Setting.value("migrations.changelog", ValueType.text(),
            null, "Liquibase: the master changelog; by default `src/main/resources/db/changelog/db.changelog-master`"
                    + " with `.xml`, `.yaml`, `.yml`, `.json` or `.sql`, the first that exists.");
    public static final Setting<String> MIGRATION_CONTEXTS = Setting.value("migrations.contexts", ValueType.text(),
            null, "Liquibase: the contexts to run (`dev, test`); all changeSets by default.");
    public static final Setting<String> MIGRATION_LABELS = Setting.value("migrations.labels", ValueType.text(), null,
            "Liquibase: a label expression (`!slow and orders`); all changeSets by default.");
    public static final Setting<String> MIGRATION_LOCATIONS = Setting.list("migrations.locations", "location",
            ValueType.text(), "filesystem:src/main/resources/db/migration",
            "Where the scripts are (`filesystem:` or `classpath:` for Flyway, folders for plain).");
    public static final Setting<String> MIGRATION_SCHEMAS = Setting.list("migrations.schemas", "schema",
            ValueType.text(), null, "The schemas Flyway manages; the first holds its history table.");
    public static final Setting<String> PLACEHOLDERS = Setting.map("migrations.placeholders", ValueType.text(),
            "Values for `${name}` placeholders (Liquibase: changelog parameters).");
    public static final Setting<String> HISTORY_TABLE = Setting.value("migrations.table", ValueType.text(),
            "flyway_schema_history", "Flyway's history table (never linted).");
    public static final Setting<Void> MIGRATIONS = Setting.section("migrations", "How the schema is built (below).",
            List.of(MIGRATION_TOOL, MIGRATION_LOCATIONS, MIGRATION_SCHEMAS, PLACEHOLDERS, HISTORY_TABLE,
                    MIGRATION_MIXED, MIGRATION_CHANGELOG, MIGRATION_CONTEXTS, MIGRATION_LABELS));
    public static final Setting<Duration> MIGRATION_TIMEOUT = Setting.value("migrationTimeout", ValueType.duration(),
            "10m", "How long one migration statement may run; it is then cancelled and the build fails at its line. "
                    + "Held from outside the session too: a script's `SET statement_timeout = 0` does not lift it.");

    // ---- snapshot, rules

    public static final Setting<String> SCHEMAS = Setting.list("schemas", "schema", ValueType.text(), null,
            "Schemas to lint; every non-system schema by default.").withoutProperty();
    public static final Setting<String> RULE_ID = Setting.value("id", ValueType.text(), null, "The rule's id.")
            .withoutProperty();
    public static final Setting<String> RULE_SEVERITY = Setting.value("severity", SEVERITY, null,
            "`error`, `warning`, `info`, or `off`.").withoutProperty();
    public static final Setting<String> RULE_OPTIONS = Setting.map("options", ValueType.text(),
            "The rule's options, `<name>value</name>`.").withoutProperty();
    public static final Setting<String> RULE_INCLUDES = Setting.list("includes", "include", ValueType.text(), null,
            "Only objects matching one of these are reported.").withoutProperty();
    public static final Setting<String> RULE_EXCLUDES = Setting.list("excludes", "exclude", ValueType.text(), null,
            "Objects this rule does not report.").withoutProperty();
    public static final Setting<Void> RULES = Setting.items("rules", "rule", "id",
            "Per-rule severity, options, includes and excludes (below).",
            List.of(RULE_ID, RULE_SEVERITY, RULE_OPTIONS, RULE_INCLUDES, RULE_EXCLUDES));
    public static final Setting<String> EXCLUDES = Setting.list("excludes", "exclude", ValueType.text(), null,
            "Objects no rule reports (`schema.table[.column]` patterns with `*` and `?`).").withoutProperty();
    /** The tables tools create and own: their design is the tool's, so a finding there is one nobody can act on. */
    public static final Setting<String> FRAMEWORK_TABLES = Setting.list("frameworkTables", "frameworkTable",
            ValueType.text(), "schema_migrations, ar_internal_metadata, django_migrations, _prisma_migrations, "
                    + "goose_db_version, gorp_migrations, knex_migrations, knex_migrations_lock, "
                    + "flyway_schema_history, databasechangelog, databasechangeloglock, qrtz_*",
            "Tables that a framework or tool creates and owns (migration bookkeeping, Quartz's scheduler tables): "
                    + "no rule reports them, as if they were in `excludes`; `none` lints them too.").withoutProperty();
    public static final Setting<String> CUSTOM_ID = Setting.value("id", ValueType.text(), null,
            "A kebab-case id of its own.").withoutProperty();
    public static final Setting<String> CUSTOM_SEVERITY = Setting.value("severity", SEVERITY, "warning",
            "Its severity.").withoutProperty();
    public static final Setting<String> CUSTOM_SUMMARY = Setting.value("summary", ValueType.text(), null,
            "One line: what it checks.").withoutProperty();
    public static final Setting<String> CUSTOM_DOCS_URL = Setting.value("docsUrl", ValueType.text(), null,
            "Where reports link.").withoutProperty();
    public static final Setting<String> CUSTOM_SQL = Setting.value("sql", ValueType.text(), null,
            "The query, one statement; each row is a finding.").withoutProperty();
    public static final Setting<Void> CUSTOM_RULES = Setting.items("customRules", "customRule", "id",
            "Rules written as SQL queries over the catalog (below).",
            List.of(CUSTOM_ID, CUSTOM_SEVERITY, CUSTOM_SUMMARY, CUSTOM_DOCS_URL, CUSTOM_SQL));
    public static final Setting<Path> SAMPLE_DATA = Setting.value("sampleData", ValueType.path(), null,
            "A folder of real sample rows for the normalization rules (below).");
    public static final Setting<Integer> DATA_SAMPLE_ROWS = Setting.value("dataSampleRows",
            ValueType.integer(0, Integer.MAX_VALUE), Integer.toString(Linter.DEFAULT_SAMPLE_ROWS),
            "Rows read per table for dependency discovery; `0` turns data evidence off. No rows are read "
                    + "when every rule that judges them is off.");

    // ---- dashboards

    public static final Setting<Path> DASHBOARD_DIRECTORY = Setting.value("dashboards.directory", ValueType.path(),
            "src/main/dashboards", "Folder of `.sql` query files, one query each (used when it exists).");
    public static final Setting<String> QUERY_NAME = Setting.value("name", ValueType.text(), null,
            "The query's name.").withoutProperty();
    public static final Setting<String> QUERY_SQL = Setting.value("sql", ValueType.text(), null, "The query, one statement.")
            .withoutProperty();
    public static final Setting<Duration> QUERY_BUDGET = Setting.value("budget", ValueType.duration(), null,
            "Median execution time allowed.").withoutProperty();
    public static final Setting<String> QUERY_ALLOW_SEQ_SCANS = Setting.map("allowSeqScans", ValueType.text(),
            "Tables it may scan sequentially, each with the reason.").withoutProperty();
    public static final Setting<String> QUERY_EXPECT_INDEXES = Setting.list("expectIndexes", "expectIndex",
            ValueType.text(), null, "Indexes its plan must use.").withoutProperty();
    public static final Setting<Void> QUERIES = Setting.items("dashboards.queries", "query", "name",
            "Queries declared in the pom, beside the folder's.",
            List.of(QUERY_NAME, QUERY_SQL, QUERY_BUDGET, QUERY_ALLOW_SEQ_SCANS, QUERY_EXPECT_INDEXES));
    public static final Setting<Long> VOLUMES = Setting.map("dashboards.volumes", ValueType.rows(),
            "Rows per table at the declared volume, `<orders>1000000</orders>` (`1M`, `50k`).");
    public static final Setting<Long> DEFAULT_ROWS = Setting.value("dashboards.defaultRows", ValueType.rows(), "1000",
            "Rows for tables not named in `volumes`.");
    public static final Setting<String> COLUMN_NAME = Setting.value("name", ValueType.text(), null,
            "`table.column` or `schema.table.column`.").withoutProperty();
    public static final Setting<Long> COLUMN_DISTINCT = Setting.value("distinct", ValueType.rows(), null,
            "Number of distinct values.").withoutProperty();
    public static final Setting<Double> COLUMN_NULL_FRACTION = Setting.value("nullFraction",
            ValueType.number(0, false, 1), null, "Share of NULLs, 0 to 1.").withoutProperty();
    public static final Setting<String> COLUMN_SKEW = Setting.value("skew", ValueType.oneOf("uniform", "zipf"), null,
            "`uniform` or `zipf`.").withoutProperty();
    public static final Setting<String> COLUMN_MIN = Setting.value("min", ValueType.text(), null,
            "Smallest value (numbers, dates, timestamps).").withoutProperty();
    public static final Setting<String> COLUMN_MAX = Setting.value("max", ValueType.text(), null, "Largest value.")
            .withoutProperty();
    public static final Setting<String> COLUMN_VALUES = Setting.value("values", ValueType.text(), null,
            "Values with optional weights: `paid:70, shipped:25, cancelled:5`.").withoutProperty();
    public static final Setting<String> COLUMN_JSON = Setting.value("json", ValueType.text(), null,
            "A JSON shape for jsonb columns.").withoutProperty();
    public static final Setting<Void> COLUMNS = Setting.items("dashboards.columns", "column", "name",
            "Per-column distributions overriding what names and types suggest.",
            List.of(COLUMN_NAME, COLUMN_DISTINCT, COLUMN_NULL_FRACTION, COLUMN_SKEW, COLUMN_MIN, COLUMN_MAX,
                    COLUMN_VALUES, COLUMN_JSON));
    public static final Setting<Double> LOAD_FRACTION = Setting.value("dashboards.loadFraction",
            ValueType.number(0, true, 1), "1", "Share of the declared volumes to load; sizes are projected to the full "
                    + "volume.");
    public static final Setting<String> WORK_MEM = Setting.value("dashboards.workMem", ValueType.size(), "4MB",
            "`work_mem` for the queries: the production value.");
    public static final Setting<Integer> PARALLEL_WORKERS = Setting.value("dashboards.parallelWorkers",
            ValueType.integer(0, 1024), "2", "`max_parallel_workers_per_gather`, fixed so plans are stable.");
    public static final Setting<Integer> RUNS = Setting.value("dashboards.runs", ValueType.integer(1, 1000), "3",
            "Runs per query; the median time counts.");
    public static final Setting<Duration> QUERY_TIMEOUT = Setting.value("dashboards.queryTimeout",
            ValueType.duration(), "5m", "A query run taking longer is cancelled and reported (held from outside "
                    + "its session too).");
    public static final Setting<String> DASHBOARD_MODE = Setting.value("dashboards.mode",
            ValueType.oneOf("full", "fast"), "full",
            "`full` (synthetic data, EXPLAIN ANALYZE) or `fast` (no data, sequential scans disabled).");
    public static final Setting<Boolean> REUSE_DATA = Setting.value("dashboards.reuseData", ValueType.bool(), "true",
            "Reuse the synthetic data an earlier build generated when nothing it depends on changed (PostgreSQL "
                    + "version, migrations, volumes, column specs); embedded provider only ([dashboards](dashboards.md#reused-data)).");
    public static final Setting<String> DATA_CACHE_SIZE = Setting.value("dashboards.dataCacheSize", ValueType.size(),
            "10GB", "What the kept synthetic data of all projects may take in the cache directory; the least "
                    + "recently used goes first.");
    public static final Setting<Void> DASHBOARDS = Setting.section("dashboards",
            "Dashboard queries, volumes, distributions and run settings ([dashboards](dashboards.md)).",
            List.of(DASHBOARD_DIRECTORY, QUERIES, VOLUMES, DEFAULT_ROWS, COLUMNS, LOAD_FRACTION, WORK_MEM,
                    PARALLEL_WORKERS, RUNS, QUERY_TIMEOUT, DASHBOARD_MODE, REUSE_DATA, DATA_CACHE_SIZE));
    public static final Setting<Boolean> SKIP_DASHBOARDS = Setting.value("skipDashboards", ValueType.bool(), "false",
            "Leaves the dashboard queries out (no data load), keeping the schema rules.")
            .withProperty("dbcheck.dashboards.skip");

    // ---- index advice

    public static final Setting<Boolean> ADVICE_ENABLED = Setting.value("advice.enabled", ValueType.bool(), "true",
            "Builds and measures candidate indexes for the plan findings, prints the measured fix and writes "
                    + "`advice.sql` ([index advice](dashboards.md#index-advice)); `false` for pass or fail only.");
    public static final Setting<Integer> ADVICE_CANDIDATES = Setting.value("advice.candidatesPerQuery",
            ValueType.integer(1, 100), "8", "The most candidate indexes built and measured for one query.");
    public static final Setting<Duration> ADVICE_TIME_LIMIT = Setting.value("advice.timeLimit", ValueType.duration(),
            "2m", "The most the index advice may take; candidates not measured by then are not advised.");
    public static final Setting<Void> ADVICE = Setting.section("advice", "Index advice after the plan checks "
            + "([dashboards](dashboards.md#index-advice)).", List.of(ADVICE_ENABLED, ADVICE_CANDIDATES,
            ADVICE_TIME_LIMIT));

    // ---- migration safety

    public static final Setting<Boolean> SAFETY_ENABLED = Setting.value("migrationSafety.enabled", ValueType.bool(),
            "true", "Traces the change's migrations on data at the declared volumes and judges their locks and "
                    + "rewrites ([migration safety](migration-safety.md)); `false` leaves it out.");
    public static final Setting<String> SAFETY_SINCE = Setting.value("migrationSafety.since", ValueType.text(),
            "auto", "The git ref the change is measured from: the migrations added or changed since its merge base "
                    + "with HEAD (committed or not). `auto`: the pull request's target (`GITHUB_BASE_REF`, GitLab's "
                    + "merge request variables), else `origin/HEAD`, `origin/main`, `origin/master`, `main`, "
                    + "`master`.");
    public static final Setting<String> SAFETY_AFTER_VERSION = Setting.value("migrationSafety.afterVersion",
            ValueType.custom("a Flyway version (`3`, `2.1`)", (key, t) -> {
                if (!t.strip().matches("[0-9][0-9._]*")) {
                    throw new ConfigException(key, "'" + t + "' is not a Flyway version (`3`, `2.1`, `2024_05_01`)");
                }
                return t.strip();
            }), null, "Instead of `since`: the versioned Flyway migrations above this version are the change.");
    public static final Setting<Duration> SAFETY_MAX_LOCK_TIME = Setting.value("migrationSafety.maxLockTime",
            ValueType.duration(), "500ms", "A lock that blocks reads or writes held this long or longer at the "
                    + "declared volume is an error; shorter, a warning (a 40-row lookup table is not an outage).");
    public static final Setting<Void> MIGRATION_SAFETY = Setting.section("migrationSafety", "The change a pull "
            + "request makes, traced at volume ([migration safety](migration-safety.md)).", List.of(SAFETY_ENABLED,
            SAFETY_SINCE, SAFETY_AFTER_VERSION, SAFETY_MAX_LOCK_TIME));

    // ---- reports

    public static final Setting<String> FORMATS = Setting.list("formats", "format",
            ValueType.custom("one of " + ReportFormat.choices() + " (or none)", (key, t) -> {
                if (t.equalsIgnoreCase("none")) {
                    return "none";
                }
                return format(t).orElseThrow(() -> new ConfigException(key, "'" + t + "' is not one of "
                        + ReportFormat.choices() + " (or none)")).name();
            }), "json,sarif,junit,html",
            "Report files to write (`none` for none); see [reports](reports.md).");
    public static final Setting<Path> REPORT_DIRECTORY = Setting.value("reportDirectory", ValueType.path(),
            "target/dbcheck", "Where the report files go; by default an execution the pom names "
                    + "(`<execution><id>shop</id>`) writes into `target/dbcheck/<id>`, so that two do not overwrite "
                    + "each other's reports.");
    public static final Setting<Path> BASELINE_FILE = Setting.value("baselineFile", ValueType.path(),
            "dbcheck-baseline.json", "Accepted findings (below); applied when the file exists.");

    /** The top-level settings, in the order docs list them. */
    public static final List<Setting<?>> ALL = List.of(SKIP, FAIL_ON_SEVERITY, FAIL_ON_VIOLATION, MAX_FAILURES_SHOWN,
            POSTGRES_VERSION, PROVIDER, SERVER, DOCKER, STARTUP_TIMEOUT, MIGRATION_TIMEOUT, CACHE_DIRECTORY,
            WORK_DIRECTORY, EMBEDDED_USER, EMBEDDED_PORTS, SERVER_SETTINGS, MIGRATIONS, SCHEMAS, RULES, EXCLUDES,
            FRAMEWORK_TABLES,
            CUSTOM_RULES, SAMPLE_DATA, DATA_SAMPLE_ROWS, DASHBOARDS, SKIP_DASHBOARDS, ADVICE, MIGRATION_SAFETY, FORMATS, REPORT_DIRECTORY,
            BASELINE_FILE);

    /** A PostgreSQL setting name as {@code serverSettings} takes it. */
    static final Pattern SERVER_SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

    /**
     * The reference table of docs/configuration.md: one row per setting (sections and items by their children),
     * generated here so that it cannot drift from the declarations.
     */
    public static String referenceTable() {
        StringBuilder table = new StringBuilder("| Setting | Property | Default | What it does |\n|---|---|---|---|\n");
        for (Setting<?> s : ALL) {
            row(table, s);
        }
        return table.toString();
    }

    private static void row(StringBuilder table, Setting<?> s) {
        switch (s.kind()) {
            case SECTION -> s.children().forEach(c -> row(table, c));
            case ITEMS -> table.append("| `").append(s.key()).append("` | | | ").append(s.doc())
                    .append(" Each `<").append(s.itemName()).append(">`: ")
                    .append(String.join(", ", s.children().stream().map(c -> "`" + c.name() + "`").toList()))
                    .append(". |\n");
            default -> table.append("| `").append(s.key()).append("` | ")
                    .append(s.property() == null ? "" : "`" + s.property() + (s.kind() == Setting.Kind.MAP ? ".<name>" : "")
                            + "`").append(" | ")
                    .append(s.defaultText() == null ? "" : "`" + s.defaultText() + "`").append(" | ")
                    .append(s.doc()).append(s.kind() == Setting.Kind.LIST ? " A list of `<" + s.itemName() + ">`"
                            + (s.property() == null ? "" : ", comma-separated in the property") + "." : "")
                    .append(" |\n");
        }
    }

    /** Every setting with a property, sections and items walked: for the plugin's own checks. */
    public static List<Setting<?>> withProperties() {
        List<Setting<?>> all = new ArrayList<>();
        walk(ALL, all);
        return all.stream().filter(s -> s.property() != null).toList();
    }

    private static void walk(List<Setting<?>> settings, List<Setting<?>> into) {
        for (Setting<?> s : settings) {
            if (s.kind() == Setting.Kind.SECTION) {
                walk(s.children(), into);
            } else {
                into.add(s);
            }
        }
    }

    /** The settings of a severity option, for the rule option validation. */
    static Severity severity(String key, String text) throws ConfigException {
        Severity parsed = Severity.parse(text);
        if (parsed == null) {
            throw new ConfigException(key, "'" + text + "' is not one of " + Severity.allowedValues());
        }
        return parsed;
    }

    /** A report format as configured, {@code none} meaning none. */
    static java.util.Optional<ReportFormat> format(String text) {
        return ReportFormat.parse(text);
    }
}
