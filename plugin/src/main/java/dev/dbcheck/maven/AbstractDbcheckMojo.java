package dev.dbcheck.maven;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.RawNode;
import dev.dbcheck.base.Setting;
import dev.dbcheck.base.SettingValues;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.engine.Settings;
import dev.dbcheck.provision.embedded.ArtifactResolver;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every dbcheck goal shares: the pom's configuration and the {@code -D} properties, read against the
 * settings declared once in {@link Settings}, and turned into the engine's {@link DbcheckConfig}. The engine
 * checks every value and names the offending key; Maven's own part (settings.xml credentials, the project's
 * folders, the pom's lines) is done here.
 */
abstract class AbstractDbcheckMojo extends AbstractMojo {

    /** A goal's work, given the bound settings; it runs unless {@code skip} is set. */
    interface Goal {
        void run(SettingValues settings) throws dev.dbcheck.base.DbcheckException,
                org.apache.maven.plugin.MojoFailureException;
    }

    /**
     * Runs a goal's work the way every goal reports: {@code skip} honoured; a dbcheck error fails the build with
     * its one message (no cause: Maven would append every cause's message to it; the chain is there with -X);
     * anything else is a bug, reported as such.
     */
    final void runGoal(Goal goal) throws org.apache.maven.plugin.MojoExecutionException,
            org.apache.maven.plugin.MojoFailureException {
        try {
            SettingValues settings = settings();
            if (settings.get(Settings.SKIP)) {
                getLog().info("dbcheck is skipped (dbcheck.skip=true)");
                return;
            }
            goal.run(settings);
        } catch (dev.dbcheck.base.DbcheckException e) {
            getLog().debug("dbcheck failed", e);
            throw new org.apache.maven.plugin.MojoFailureException(dev.dbcheck.base.Printable.line(e.getMessage()));
        } catch (RuntimeException e) {
            throw new org.apache.maven.plugin.MojoExecutionException("dbcheck failed unexpectedly: " + e, e);
        }
    }

    // Binding slots, one per setting of Settings.ALL (PomBindingTest keeps them in step): Maven only accepts an
    // element it has a parameter for. What each means, its type, default and -D property are declared once, in
    // Settings, and listed in docs/configuration.md; a command-line property is read by the engine, not by Maven.
    @Parameter
    PlexusConfiguration skip;
    @Parameter
    PlexusConfiguration failOn;
    @Parameter
    PlexusConfiguration failOnViolation;
    @Parameter
    PlexusConfiguration maxFailuresShown;
    @Parameter
    PlexusConfiguration postgresVersion;
    @Parameter
    PlexusConfiguration provider;
    @Parameter
    PlexusConfiguration server;
    @Parameter
    PlexusConfiguration docker;
    @Parameter
    PlexusConfiguration startupTimeout;
    @Parameter
    PlexusConfiguration migrationTimeout;
    @Parameter
    PlexusConfiguration cacheDirectory;
    @Parameter
    PlexusConfiguration workDirectory;
    @Parameter
    PlexusConfiguration embeddedUser;
    @Parameter
    PlexusConfiguration embeddedPorts;
    @Parameter
    PlexusConfiguration serverSettings;
    @Parameter
    PlexusConfiguration migrations;
    @Parameter
    PlexusConfiguration schemas;
    @Parameter
    PlexusConfiguration rules;
    @Parameter
    PlexusConfiguration excludes;
    @Parameter
    PlexusConfiguration frameworkTables;
    @Parameter
    PlexusConfiguration customRules;
    @Parameter
    PlexusConfiguration sampleData;
    @Parameter
    PlexusConfiguration dataSampleRows;
    @Parameter
    PlexusConfiguration dashboards;
    @Parameter
    PlexusConfiguration skipDashboards;
    @Parameter
    PlexusConfiguration advice;
    @Parameter
    PlexusConfiguration migrationSafety;
    @Parameter
    PlexusConfiguration formats;
    @Parameter
    PlexusConfiguration reportDirectory;
    @Parameter
    PlexusConfiguration baselineFile;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    final RepositorySystem repositorySystem;
    final SettingsDecrypter settingsDecrypter;
    /** Where credentials and the like are read from; the process environment (a test gives its own). */
    Map<String, String> environment = System.getenv();
    /** The configuration as given, instead of the pom's (tests); null to read the pom. */
    RawNode configuration;
    /** The command-line properties as given, instead of Maven's (tests); null to read Maven's. */
    Map<String, String> commandLine;

    AbstractDbcheckMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        this.repositorySystem = repositorySystem;
        this.settingsDecrypter = settingsDecrypter;
        dev.dbcheck.base.Wording.install(MavenWording.INSTANCE); // the engine's messages in a Maven user's words
    }

    /**
     * The migration settings the project gives its own tools (Spring Boot's application properties, then
     * flyway-maven-plugin's or liquibase-maven-plugin's configuration in the pom, which win over them).
     */
    dev.dbcheck.migrate.ProjectMigrationSettings projectMigrations() {
        if (project == null || project.getBasedir() == null) {
            return dev.dbcheck.migrate.ProjectMigrationSettings.NONE;
        }
        return dev.dbcheck.migrate.ProjectMigrationSettings.springBoot(project.getBasedir().toPath())
                .then(PomSettings.migrationPlugins(project, session, mojoExecution));
    }

    private boolean projectMigrationsLogged;

    /** The pom's configuration and the properties, checked against the declared settings. */
    SettingValues settings() throws ConfigException {
        RawNode raw = givenConfiguration();
        // the project's own migration settings count where dbcheck's configuration and <properties> say nothing
        dev.dbcheck.migrate.ProjectMigrationSettings own = projectMigrations();
        if (!projectMigrationsLogged) {
            projectMigrationsLogged = true;
            for (String source : own.sources()) {
                getLog().info("Migrations as the project configures them, from " + source + " (where dbcheck's own "
                        + "configuration sets one, it wins)");
            }
        }
        Map<String, String> fallbacks = new LinkedHashMap<>(own.properties());
        fallbacks.putAll(PomSettings.projectProperties(project));
        if (project != null && project.getBuild() != null && project.getBuild().getDirectory() != null) {
            // Maven's own build folder, which a pom may move: the reports' default goes with it; an execution of
            // its own (a second <execution> in the pom) gets a folder of its own, so none overwrites another's
            fallbacks.putIfAbsent(Settings.REPORT_DIRECTORY.property(), project.getBuild().getDirectory()
                    + File.separator + "dbcheck" + executionFolder());
        }
        return SettingValues.read(Settings.ALL, raw, commandLine != null ? commandLine
                : PomSettings.commandLine(session), fallbacks);
    }

    /**
     * {@code /<execution id>} for an execution the pom names, empty for the one {@code mvn dbcheck:verify} runs
     * ({@code default-cli}) and for an execution without an id ({@code default}).
     */
    String executionFolder() {
        String id = mojoExecution == null ? null : mojoExecution.getExecutionId();
        if (id == null || id.isBlank() || id.equals("default") || id.startsWith("default-")) {
            return "";
        }
        return File.separator + id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The configuration this mojo reads: the one a test gave, else the pom's. */
    RawNode givenConfiguration() {
        return configuration != null ? configuration : pomConfiguration();
    }

    private RawNode pomConfiguration() {
        RawNode model = PomSettings.fromModel(project, mojoExecution, session);
        if (model != null) {
            return model;
        }
        Map<String, PlexusConfiguration> slots = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            try {
                slots.put(s.name(), (PlexusConfiguration) AbstractDbcheckMojo.class.getDeclaredField(s.name()).get(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no binding slot for setting " + s.name(), e);
            }
        }
        return PomSettings.fromParameters(slots, session, mojoExecution, project);
    }

    /** Validates the configuration; a bad value fails with the key's name. */
    DbcheckConfig buildConfig() throws ConfigException {
        return buildConfig(settings());
    }

    DbcheckConfig buildConfig(SettingValues values) throws ConfigException {
        Path base = project.getBasedir().toPath();
        Path pom = project.getFile() != null ? project.getFile().toPath() : base.resolve("pom.xml");
        Credentials credentials = credentials(values);
        return DbcheckConfig.from(values, new DbcheckConfig.Context(base, sourceRoot(base), pom, environment,
                credentials.user(), credentials.password(), credentials.source()), (name, sql) ->
                PomSettings.lineInPom(pom, name, sql));
    }

    /**
     * The server provider's URL, database and credentials. A command-line {@code -Ddbcheck.server.*} wins over the
     * pom, so that one CI job can point the same pom at its own service container. The password is decrypted
     * here (settings-security.xml) and handed to the engine, which never prints it.
     */
    private Credentials credentials(SettingValues values) throws ConfigException {
        String id = values.get(Settings.SERVER_ID);
        if (id == null || !"server".equals(values.get(Settings.PROVIDER))) {
            return Credentials.NONE;
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
        return new Credentials(entry.getUsername(), entry.getPassword(), "settings.xml server '" + id + "'");
    }

    /** What settings.xml gave for the server provider; never printed. */
    record Credentials(String user, String password, String source) {
        static final Credentials NONE = new Credentials(null, null, null);

        @Override
        public String toString() {
            return "Credentials[from " + source + "]";
        }
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
    String baselineDisplay(DbcheckConfig config) {
        return config.baselineFile() == null ? "" : dev.dbcheck.base.SourceFiles.displayPath(config.baselineFile(),
                config.sourceRoot());
    }

    ArtifactResolver artifactResolver() {
        return new MavenArtifactResolver(repositorySystem, session.getRepositorySession(),
                project.getRemotePluginRepositories());
    }
}
