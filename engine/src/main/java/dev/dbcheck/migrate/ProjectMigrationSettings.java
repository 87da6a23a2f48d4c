package dev.dbcheck.migrate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The migration settings a project already gives its own tools — flyway-maven-plugin's or liquibase-maven-plugin's
 * configuration, Spring Boot's {@code spring.flyway.*} and {@code spring.liquibase.*} — as dbcheck properties
 * ({@code dbcheck.migrations.locations}, ...), so that a project configures its migrations once. They count only
 * where dbcheck's own configuration is silent (the front end passes them as fallbacks), and {@link #sources} says
 * where each came from, for the log.
 *
 * @param properties dbcheck properties by name
 * @param sources    one line per source: {@code flyway-maven-plugin in pom.xml: locations, placeholders.schema}
 */
public record ProjectMigrationSettings(Map<String, String> properties, List<String> sources) {

    public static final ProjectMigrationSettings NONE = new ProjectMigrationSettings(Map.of(), List.of());

    public ProjectMigrationSettings {
        properties = Map.copyOf(properties);
        sources = List.copyOf(sources);
    }

    /** This and then another, the other's values winning. */
    public ProjectMigrationSettings then(ProjectMigrationSettings stronger) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(stronger.properties);
        List<String> all = new ArrayList<>(sources);
        all.addAll(stronger.sources);
        return new ProjectMigrationSettings(merged, all);
    }

    private static final String P = "dbcheck.migrations.";

    /**
     * flyway-maven-plugin's configuration, flattened: {@code locations} (comma-separated), {@code schemas},
     * {@code defaultSchema}, {@code table}, {@code mixed}, {@code placeholders.<name>}.
     */
    public static ProjectMigrationSettings flyway(Map<String, String> config, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(P + "tool", "flyway");
        flywayKeys(config, out, "locations", "schemas", "defaultSchema", "table", "mixed", "placeholders.");
        return of(out, source);
    }

    /** liquibase-maven-plugin's: {@code changeLogFile}, {@code contexts}, {@code labelFilter} or {@code labels},
     * {@code defaultSchemaName}, {@code expressionVars.<name>} / {@code systemProperties.<name>}. */
    public static ProjectMigrationSettings liquibase(Map<String, String> config, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(P + "tool", "liquibase");
        liquibaseKeys(config, out, "changeLogFile", "contexts", config.containsKey("labelFilter") ? "labelFilter"
                : "labels", "defaultSchemaName", "expressionVars.");
        return of(out, source);
    }

    /**
     * Spring Boot's {@code application.properties}, {@code application.yml} or {@code .yaml} under
     * {@code src/main/resources}: {@code spring.flyway.*} or {@code spring.liquibase.*}. Spring's relaxed names
     * ({@code out-of-order}, {@code outOfOrder}) are both read.
     */
    public static ProjectMigrationSettings springBoot(Path baseDirectory) {
        Path resources = baseDirectory.resolve("src/main/resources");
        ProjectMigrationSettings found = NONE;
        for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
            Path file = resources.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, String> flat = new LinkedHashMap<>();
            try {
                if (name.endsWith(".properties")) {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                    p.stringPropertyNames().forEach(k -> flat.put(k, p.getProperty(k)));
                } else {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        // a plain loader: no tags, no constructors of classes named in the file
                        for (Object doc : new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                                new org.yaml.snakeyaml.LoaderOptions())).loadAll(r)) {
                            flatten("", doc, flat);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                continue; // not the project's migration settings then; dbcheck's own still hold
            }
            Map<String, String> flyway = prefixed(flat, "spring.flyway.");
            Map<String, String> liquibase = prefixed(flat, "spring.liquibase.");
            String source = "Spring Boot's src/main/resources/" + name;
            if ("false".equals(liquibase.get("enabled")) || liquibase.isEmpty()) {
                if (!flyway.isEmpty() && !"false".equals(flyway.get("enabled"))) {
                    Map<String, String> out = new LinkedHashMap<>();
                    out.put(P + "tool", "flyway");
                    flywayKeys(flyway, out, "locations", "schemas", "default-schema", "table", "mixed",
                            "placeholders.");
                    found = found.then(of(out, source));
                }
            } else {
                Map<String, String> out = new LinkedHashMap<>();
                out.put(P + "tool", "liquibase");
                liquibaseKeys(liquibase, out, "change-log", "contexts", "label-filter", "default-schema",
                        "parameters.");
                found = found.then(of(out, source));
            }
        }
        return found;
    }

    private static void flywayKeys(Map<String, String> in, Map<String, String> out, String locations,
                                   String schemas, String defaultSchema, String table, String mixed,
                                   String placeholders) {
        String l = relaxed(in, locations);
        if (l != null) {
            // Flyway reads a location without a prefix from the class path; dbcheck reads it as a folder
            List<String> each = new ArrayList<>();
            for (String location : l.split(",")) {
                String t = location.strip();
                if (!t.isEmpty()) {
                    each.add(t.contains(":") ? t : "classpath:" + t);
                }
            }
            out.put(P + "locations", String.join(",", each));
        }
        String s = relaxed(in, schemas);
        String d = relaxed(in, defaultSchema);
        if (s != null || d != null) {
            List<String> all = new ArrayList<>();
            if (d != null) {
                all.add(d.strip());
            }
            if (s != null) {
                for (String schema : s.split(",")) {
                    if (!schema.isBlank() && !all.contains(schema.strip())) {
                        all.add(schema.strip());
                    }
                }
            }
            out.put(P + "schemas", String.join(",", all));
        }
        putIfPresent(out, P + "table", relaxed(in, table));
        putIfPresent(out, P + "mixed", relaxed(in, mixed));
        in.forEach((k, v) -> {
            if (k.startsWith(placeholders) && k.length() > placeholders.length()) {
                out.put(P + "placeholders." + k.substring(placeholders.length()), v);
            }
        });
    }

    private static void liquibaseKeys(Map<String, String> in, Map<String, String> out, String changelog,
                                      String contexts, String labels, String defaultSchema, String parameters) {
        String c = relaxed(in, changelog);
        if (c != null) {
            // classpath:/db/changelog/x.yaml of a Spring Boot project is a file of its resources
            String path = c.strip().replaceFirst("^classpath\\*?:/?", "src/main/resources/");
            out.put(P + "changelog", path);
        }
        putIfPresent(out, P + "contexts", relaxed(in, contexts));
        putIfPresent(out, P + "labels", relaxed(in, labels));
        putIfPresent(out, P + "schemas", relaxed(in, defaultSchema));
        in.forEach((k, v) -> {
            if (k.startsWith(parameters) && k.length() > parameters.length()) {
                out.put(P + "placeholders." + k.substring(parameters.length()), v);
            }
        });
    }

    /** A key in Spring's relaxed binding: {@code default-schema}, {@code defaultSchema}, {@code default_schema}. */
    private static String relaxed(Map<String, String> in, String key) {
        String camel = java.util.regex.Pattern.compile("-([a-z])").matcher(key).replaceAll(m -> m.group(1)
                .toUpperCase(java.util.Locale.ROOT));
        for (String k : List.of(key, camel, key.replace('-', '_'))) {
            String v = in.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value.strip());
        }
    }

    private static Map<String, String> prefixed(Map<String, String> flat, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list) {
            into.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    private static ProjectMigrationSettings of(Map<String, String> out, String source) {
        List<String> keys = out.keySet().stream().filter(k -> !k.equals(P + "tool"))
                .map(k -> k.substring(P.length())).toList();
        return new ProjectMigrationSettings(out, List.of(source + (keys.isEmpty() ? "" : ": "
                + String.join(", ", keys))));
    }
}
