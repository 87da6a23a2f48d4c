package dev.dbcheck.maven;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.engine.DbcheckConfig;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.building.SettingsProblem;
import dev.dbcheck.provision.embedded.ArtifactResolver;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters every dbcheck goal shares, and their translation into the engine's {@link DbcheckConfig}. The
 * mojos stay thin: all validation happens in the engine, which names the offending key.
 */
abstract class AbstractDbcheckMojo extends AbstractMojo {

    /** Skips dbcheck. */
    @Parameter(property = "dbcheck.skip", defaultValue = "false")
    boolean skip;

    /** PostgreSQL major (14-18) or exact embedded-binaries version (e.g. 17.11.0); match production. */
    @Parameter(property = "dbcheck.postgresVersion", defaultValue = "18")
    String postgresVersion;

    /** Where the throwaway database comes from: embedded (PostgreSQL binaries from Maven Central). */
    @Parameter(property = "dbcheck.provider", defaultValue = "embedded")
    String provider;

    /** The lowest severity that fails the build: error, warning or info. */
    @Parameter(property = "dbcheck.failOn", defaultValue = "error")
    String failOn;

    /** How the schema is built; Flyway from src/main/resources/db/migration by default. */
    @Parameter
    MigrationsConfiguration migrations;

    /** Schemas to lint; every non-system schema by default. */
    @Parameter
    List<String> schemas = new ArrayList<>();

    /** Per-rule severity, options, includes and excludes. */
    @Parameter
    List<RuleConfiguration> rules = new ArrayList<>();

    /** Rules written as SQL queries over the catalog. */
    @Parameter
    List<CustomRuleConfiguration> customRules = new ArrayList<>();

    /** Findings listed here are accepted: verify fails only on new ones. Written by dbcheck:baseline. */
    @Parameter(property = "dbcheck.baselineFile", defaultValue = "${project.basedir}/dbcheck-baseline.json")
    File baselineFile;

    /**
     * A folder of sample data loaded after the migrations ({@code <table>.csv} with a header row, or {@code .sql}
     * scripts), so that the normalization rules can look at real rows. Never generated data.
     */
    @Parameter(property = "dbcheck.sampleData")
    File sampleData;

    /** Rows read per table for the normalization rules' data evidence; 0 turns it off. */
    @Parameter(property = "dbcheck.dataSampleRows", defaultValue = "50000")
    String dataSampleRows;

    /** Objects no rule reports ({@code schema.table[.column]} patterns with * and ?). */
    @Parameter
    List<String> excludes = new ArrayList<>();

    /** Report formats: json, sarif, junit, html (default: all), or none. {@code -Ddbcheck.formats=sarif,junit} */
    @Parameter(property = "dbcheck.formats")
    List<String> formats;

    /** Where the report files go. */
    @Parameter(property = "dbcheck.reportDirectory", defaultValue = "${project.build.directory}/dbcheck")
    File reportDirectory;

    /** The dashboard queries, the volumes to generate and how to run them; see docs/dashboards.md. */
    @Parameter
    DashboardsConfiguration dashboards;

    /** Skip the dashboard queries (data load and plans), keeping the schema rules. */
    @Parameter(property = "dbcheck.dashboards.skip", defaultValue = "false")
    boolean skipDashboards;

    /** Overrides {@code <dashboards><mode>}: full or fast. */
    @Parameter(property = "dbcheck.dashboards.mode")
    String dashboardMode;

    /** Extra PostgreSQL server settings for the throwaway server ({@code <work_mem>64MB</work_mem>}). */
    @Parameter
    Map<String, String> serverSettings = new LinkedHashMap<>();

    /** How long starting the database may take (e.g. 120s). */
    @Parameter(property = "dbcheck.startupTimeout", defaultValue = "120s")
    String startupTimeout;

    /** How long one migration statement may run before it is cancelled and the build fails (e.g. 10m). */
    @Parameter(property = "dbcheck.migrationTimeout", defaultValue = "10m")
    String migrationTimeout;

    /** Where embedded PostgreSQL binaries are extracted; default ~/.cache/dbcheck, or /var/cache/dbcheck as root. */
    @Parameter(property = "dbcheck.cacheDirectory")
    File cacheDirectory;

    /** Where the temporary cluster is created; default the system temp directory. */
    @Parameter(property = "dbcheck.workDirectory")
    File workDirectory;

    /** provider server: the server's JDBC URL, the settings.xml server id with the credentials, a given database. */
    @Parameter
    ServerConfiguration server;

    /** Overrides {@code <server><url>}. */
    @Parameter(property = "dbcheck.server.url")
    String serverUrlProperty;

    /** Overrides {@code <server><serverId>}. */
    @Parameter(property = "dbcheck.server.id")
    String serverIdProperty;

    /** Overrides {@code <server><database>}. */
    @Parameter(property = "dbcheck.server.database")
    String serverDatabaseProperty;

    /** provider docker: the image. */
    @Parameter
    DockerConfiguration docker;

    /** Overrides {@code <docker><image>}. */
    @Parameter(property = "dbcheck.docker.image")
    String dockerImageProperty;

    /** The unprivileged user the embedded server runs as when the build runs as root; default nobody. */
    @Parameter(property = "dbcheck.embeddedUser")
    String embeddedUser;

    /**
     * The loopback ports the embedded server may listen on, {@code 54320-54339} or one port; by default the system
     * picks a free one.
     */
    @Parameter(property = "dbcheck.embeddedPorts")
    String embeddedPorts;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    final RepositorySystem repositorySystem;
    final SettingsDecrypter settingsDecrypter;
    /** Where credentials and the like are read from; the process environment (a test gives its own). */
    Map<String, String> environment = System.getenv();

    AbstractDbcheckMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        this.repositorySystem = repositorySystem;
        this.settingsDecrypter = settingsDecrypter;
    }

    /** Validates the configuration; a bad value fails with the key's name. */
    DbcheckConfig buildConfig() throws ConfigException {
        Path base = project.getBasedir().toPath();
        DbcheckConfig.Builder builder = DbcheckConfig.builder(base)
                .sourceRoot(sourceRoot(base))
                .provider(provider)
                .postgresVersion(postgresVersion)
                .failOn(failOn)
                .schemas(schemas)
                .excludes(excludes)
                .serverSettings(serverSettings)
                .startupTimeout(startupTimeout)
                .migrationTimeout(migrationTimeout)
                .cacheDirectory(cacheDirectory == null ? null : cacheDirectory.toPath())
                .workDirectory(workDirectory == null ? null : workDirectory.toPath())
                .embeddedUser(embeddedUser)
                .embeddedPorts(embeddedPorts)
                .baselineFile(baselineFile == null ? null : baselineFile.toPath())
                .sampleData(sampleData == null ? null : sampleData.toPath())
                .dataSampleRows(dataSampleRows);
        builder.environment(environment);
        serverSettings(builder);
        String image = firstSet(dockerImageProperty, docker == null ? null : docker.image);
        builder.dockerImage(image);
        if (migrations != null) {
            builder.migrationTool(migrations.tool)
                    .locations(migrations.locations)
                    .migrationSchemas(migrations.schemas)
                    .placeholders(migrations.placeholders)
                    .historyTable(migrations.table);
        }
        builder.skipDashboards(skipDashboards).dashboardMode(dashboardMode)
                .formats(formats == null || formats.isEmpty() ? null : formats)
                .reportDirectory(reportDirectory == null ? null : reportDirectory.toPath());
        if (dashboards != null) {
            List<DbcheckConfig.RawQuery> queries = new ArrayList<>();
            for (DashboardsConfiguration.QueryConfiguration q : dashboards.queries) {
                queries.add(new DbcheckConfig.RawQuery(q.name, q.sql, q.budget, q.allowSeqScans, q.expectIndexes));
            }
            List<DbcheckConfig.RawColumn> columns = new ArrayList<>();
            for (DashboardsConfiguration.ColumnConfiguration c : dashboards.columns) {
                columns.add(new DbcheckConfig.RawColumn(c.name, c.distinct, c.nullFraction, c.skew, c.min, c.max,
                        c.values, c.json));
            }
            builder.dashboards(new DbcheckConfig.RawDashboards(
                    dashboards.directory == null ? null : dashboards.directory.toPath(), queries, dashboards.volumes,
                    dashboards.defaultRows, columns, dashboards.loadFraction, dashboards.workMem,
                    dashboards.parallelWorkers, dashboards.runs, dashboards.queryTimeout, dashboards.mode));
        }
        for (CustomRuleConfiguration custom : customRules) {
            builder.customRule(new DbcheckConfig.RawCustomRule(custom.id, custom.severity, custom.summary,
                    custom.docsUrl, custom.sql));
        }
        for (RuleConfiguration rule : rules) {
            builder.rule(new DbcheckConfig.RawRule(rule.id, rule.severity, rule.options, rule.includes,
                    rule.excludes));
        }
        return builder.build();
    }

    /**
     * The server provider's URL, database and credentials. A command-line {@code -Ddbcheck.server.*} wins over the
     * pom, so that one CI job can point the same pom at its own service container. The password is decrypted
     * here (settings-security.xml) and handed to the engine, which never prints it.
     */
    private void serverSettings(DbcheckConfig.Builder builder) throws ConfigException {
        builder.serverUrl(firstSet(serverUrlProperty, server == null ? null : server.url))
                .serverDatabase(firstSet(serverDatabaseProperty, server == null ? null : server.database));
        String id = firstSet(serverIdProperty, server == null ? null : server.serverId);
        if (id == null || !"server".equalsIgnoreCase(provider == null ? "" : provider.trim())) {
            return;
        }
        Server entry = session == null || session.getSettings() == null ? null : session.getSettings().getServer(id);
        if (entry == null) {
            throw new ConfigException("server.serverId", "settings.xml has no <server> with id '" + id
                    + "' (looked in " + settingsFiles() + ")");
        }
        if (settingsDecrypter != null) {
            SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(entry));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new ConfigException("server.serverId", "cannot decrypt the password of settings.xml server '"
                            + id + "': " + problem.getMessage());
                }
            }
            entry = result.getServer();
        }
        if (entry.getUsername() == null || entry.getUsername().isBlank()) {
            throw new ConfigException("server.serverId", "settings.xml server '" + id + "' has no <username>");
        }
        builder.serverCredentials(entry.getUsername(), entry.getPassword(), "settings.xml server '" + id + "'");
    }

    private String settingsFiles() {
        if (session == null || session.getRequest() == null) {
            return "settings.xml";
        }
        List<String> files = new ArrayList<>();
        if (session.getRequest().getUserSettingsFile() != null) {
            files.add(session.getRequest().getUserSettingsFile().getPath());
        }
        if (session.getRequest().getGlobalSettingsFile() != null) {
            files.add(session.getRequest().getGlobalSettingsFile().getPath());
        }
        return files.isEmpty() ? "settings.xml" : String.join(" and ", files);
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /**
     * Report paths are relative to the repository root, so that SARIF and CI annotations point at the right
     * file: the nearest directory with {@code .git}, else the top of the multi-module build.
     */
    Path sourceRoot(Path base) {
        for (Path dir = base.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        File top = session != null && session.getRequest() != null
                ? session.getRequest().getMultiModuleProjectDirectory() : null;
        return top != null && base.toAbsolutePath().startsWith(top.toPath().toAbsolutePath()) ? top.toPath() : base;
    }

    /** The project's resource folders and output directory, for {@code classpath:} migration locations. */
    List<Path> classpathRoots() {
        List<Path> roots = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            Path dir = Path.of(resource.getDirectory());
            if (Files.isDirectory(dir)) {
                roots.add(dir);
            }
        }
        Path output = Path.of(project.getBuild().getOutputDirectory());
        if (Files.isDirectory(output)) {
            roots.add(output);
        }
        return roots;
    }

    /** The baseline file's path as reports show it. */
    String baselineDisplay() {
        Path base = project.getBasedir().toPath();
        return baselineFile == null ? "" : dev.dbcheck.base.SourceFiles.displayPath(baselineFile.toPath(),
                sourceRoot(base));
    }

    ArtifactResolver artifactResolver() {
        return new MavenArtifactResolver(repositorySystem, session.getRepositorySession(),
                project.getRemotePluginRepositories());
    }
}
