package dev.dbcheck.maven;

import dev.dbcheck.base.RawNode;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The plugin's configuration as the user wrote it, for {@link dev.dbcheck.engine.Settings} to read: the pom's
 * {@code <configuration>} of this plugin (plugin level, overridden by the running execution's), every element kept
 * — also those that are no setting, so that a misspelt one fails instead of being ignored — with {@code ${...}}
 * expressions evaluated and each element's line in the pom; and the properties that set or default a setting.
 */
final class PomSettings {

    static final String PLUGIN_KEY = "dev.dbcheck:dbcheck-maven-plugin";

    private PomSettings() {
    }

    /**
     * The configuration element, or null when the project model does not carry this plugin (the plugin was run
     * by its full coordinates on a project that does not declare it; a test harness).
     */
    static RawNode fromModel(MavenProject project, MojoExecution execution, MavenSession session) {
        if (project == null || project.getBuildPlugins() == null) {
            return null;
        }
        Plugin plugin = project.getBuildPlugins().stream().filter(p -> PLUGIN_KEY.equals(p.getKey())).findFirst()
                .orElse(null);
        if (plugin == null) {
            return null;
        }
        Xpp3Dom dom = plugin.getConfiguration() instanceof Xpp3Dom d ? new Xpp3Dom(d) : new Xpp3Dom("configuration");
        if (execution != null && execution.getExecutionId() != null) {
            PluginExecution own = plugin.getExecutionsAsMap().get(execution.getExecutionId());
            if (own != null && own.getConfiguration() instanceof Xpp3Dom e) {
                dom = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(e), dom);
            }
        }
        return node(dom, evaluator(session, execution, project));
    }

    /**
     * flyway-maven-plugin's or liquibase-maven-plugin's configuration in the pom (plugin level, {@code ${...}}
     * evaluated), as the project's migration settings; none when the pom has neither.
     */
    static dev.dbcheck.migrate.ProjectMigrationSettings migrationPlugins(MavenProject project, MavenSession session,
                                                                         MojoExecution execution) {
        dev.dbcheck.migrate.ProjectMigrationSettings found = dev.dbcheck.migrate.ProjectMigrationSettings.NONE;
        if (project == null || project.getBuildPlugins() == null) {
            return found;
        }
        Evaluator evaluator = evaluator(session, execution, project);
        for (Plugin plugin : project.getBuildPlugins()) {
            boolean flyway = "org.flywaydb:flyway-maven-plugin".equals(plugin.getKey());
            boolean liquibase = "org.liquibase:liquibase-maven-plugin".equals(plugin.getKey());
            if ((!flyway && !liquibase) || !(plugin.getConfiguration() instanceof Xpp3Dom dom)) {
                continue;
            }
            Map<String, String> flat = new LinkedHashMap<>();
            for (Xpp3Dom child : dom.getChildren()) {
                if (child.getChildCount() == 0) {
                    flat.put(child.getName(), evaluated(child.getValue(), evaluator));
                } else if (child.getName().equals("placeholders") || child.getName().startsWith("expressionVar")) {
                    for (Xpp3Dom entry : child.getChildren()) {
                        // <name>value</name>, or a Properties element: <property><name>..</name><value>..</value>
                        Xpp3Dom name = entry.getChild("name");
                        Xpp3Dom value = entry.getChild("value");
                        String key = name != null && value != null ? name.getValue() : entry.getName();
                        flat.put((flyway ? "placeholders." : "expressionVars.") + key,
                                evaluated(name != null && value != null ? value.getValue() : entry.getValue(), evaluator));
                    }
                } else {
                    List<String> items = new ArrayList<>();
                    for (Xpp3Dom item : child.getChildren()) {
                        items.add(evaluated(item.getValue(), evaluator));
                    }
                    flat.put(child.getName(), String.join(",", items));
                }
            }
            String source = plugin.getArtifactId() + " in pom.xml";
            found = found.then(flyway ? dev.dbcheck.migrate.ProjectMigrationSettings.flyway(flat, source)
                    : dev.dbcheck.migrate.ProjectMigrationSettings.liquibase(flat, source));
        }
        return found;
    }

    private static String evaluated(String text, Evaluator evaluator) {
        if (text == null) {
            return null;
        }
        String v = evaluator.evaluate(text);
        return v == null ? text : v;
    }

    /** The elements Maven bound to the mojo's parameters, where the model is not at hand. */
    static RawNode fromParameters(Map<String, PlexusConfiguration> parameters, MavenSession session,
                                  MojoExecution execution, MavenProject project) {
        Evaluator evaluator = evaluator(session, execution, project);
        List<RawNode> children = new ArrayList<>();
        parameters.forEach((name, config) -> {
            if (config != null) {
                children.add(node(name, config, evaluator));
            }
        });
        return RawNode.element("configuration", children);
    }

    /**
     * {@code -Ddbcheck.*} of the command line (and of MAVEN_OPTS): they win over the pom's configuration, as
     * flyway-maven-plugin's do.
     */
    static Map<String, String> commandLine(MavenSession session) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (session != null) {
            collect(session.getSystemProperties(), properties);
            collect(session.getUserProperties(), properties);
        }
        return properties;
    }

    /** The project's {@code <properties>} named {@code dbcheck.*}: they count where the configuration is silent. */
    static Map<String, String> projectProperties(MavenProject project) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (project != null) {
            collect(project.getProperties(), properties);
        }
        return properties;
    }

    private static void collect(Properties from, Map<String, String> into) {
        if (from == null) {
            return;
        }
        for (String name : from.stringPropertyNames()) {
            if (name.startsWith(dev.dbcheck.base.Setting.PROPERTY_PREFIX)) {
                into.put(name, from.getProperty(name));
            }
        }
    }

    /**
     * The line in the pom of an inline query's SQL, where the model does not know it: the first line of the SQL
     * after the query's {@code <name>}; 0 when the pom is not on disk.
     */
    static int lineInPom(Path pom, String name, String sql) {
        String first = sql.strip().lines().findFirst().orElse("").strip();
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            int at = text.indexOf("<name>" + name + "</name>");
            int sqlAt = first.isEmpty() ? -1 : text.indexOf(first, Math.max(at, 0));
            return sqlAt < 0 ? 0 : dev.dbcheck.base.SourceFiles.lineAt(text, sqlAt);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    @FunctionalInterface
    interface Evaluator {
        String evaluate(String text);
    }

    private static Evaluator evaluator(MavenSession session, MojoExecution execution, MavenProject project) {
        if (session != null && execution != null) {
            PluginParameterExpressionEvaluator maven = new PluginParameterExpressionEvaluator(session, execution);
            return text -> {
                if (text == null || !text.contains("${")) {
                    return text;
                }
                try {
                    Object value = maven.evaluate(text);
                    return value == null ? null : value.toString();
                } catch (ExpressionEvaluationException | RuntimeException e) {
                    return text; // as written: the setting's own check says what is wrong with it
                }
            };
        }
        // without a session (the test harness): the project's own directories, which is what poms use
        return text -> {
            if (text == null || project == null || project.getBasedir() == null) {
                return text;
            }
            String base = project.getBasedir().getPath();
            String build = project.getBuild() != null && project.getBuild().getDirectory() != null
                    ? project.getBuild().getDirectory() : base + "/target";
            return text.replace("${project.basedir}", base).replace("${basedir}", base)
                    .replace("${project.build.directory}", build);
        };
    }

    private static RawNode node(Xpp3Dom dom, Evaluator evaluator) {
        List<RawNode> children = new ArrayList<>();
        for (Xpp3Dom child : dom.getChildren()) {
            children.add(node(child, evaluator));
        }
        int line = dom.getInputLocation() instanceof InputLocation location ? location.getLineNumber() : 0;
        String raw = dom.getValue();
        if (line > 0 && children.isEmpty() && raw != null) {
            // the text's own first line: <sql> followed by a line break starts the query on the next one
            String before = raw.substring(0, raw.length() - raw.stripLeading().length());
            line += (int) before.chars().filter(c -> c == '\n').count();
        }
        String text = children.isEmpty() && raw != null ? evaluator.evaluate(raw.trim()) : null;
        return new RawNode(dom.getName(), text, children, Math.max(line, 0));
    }

    private static RawNode node(String name, PlexusConfiguration config, Evaluator evaluator) {
        List<RawNode> children = new ArrayList<>();
        for (PlexusConfiguration child : config.getChildren()) {
            children.add(node(child.getName(), child, evaluator));
        }
        String text = children.isEmpty() && config.getValue() != null ? evaluator.evaluate(config.getValue().trim())
                : null;
        return new RawNode(name, text, children, 0);
    }
}
