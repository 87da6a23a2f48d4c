package dev.dbcheck.synthetic;

import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.QualifiedName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * When a build may reuse the synthetic data an earlier build generated: everything the data depends on — the
 * PostgreSQL version, the migrations and their settings, the sample data, the declared volumes and column specs,
 * the generator's own version — is digested into {@link Inputs}, whose key names the kept data; and after the
 * migrations, the migrated schema's canonical fingerprint must equal the one the data was made on (a migration
 * that does not always make the same schema is caught there). The reason for every decision is said in words.
 *
 * <p>The metadata kept beside the data is lines of {@code name<TAB>value}: the inputs, the schema fingerprint and
 * what the load did to each table (so that reports of a reusing run show the same table loads).
 */
public final class DataReuse {

    /**
     * The generator's own version, part of every key: bump it whenever {@link SyntheticData} would generate other
     * rows, or other tables, for the same declaration.
     */
    public static final int GENERATOR_VERSION = 4; // 2: composite-key values; 3: only the tables queries read; 4: only views they read refreshed
    private static final String MIGRATION = "migration:";

    private DataReuse() {
    }

    /**
     * What the data of one build depends on, before anything runs.
     *
     * @param project a digest of the project directory: whose kept data a miss is compared with
     * @param values  the inputs by name, each a version or a digest, in a fixed order
     */
    public record Inputs(String project, Map<String, String> values) {

        public Inputs {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The name of the kept data: a digest of every input. */
        public String key() {
            StringBuilder all = new StringBuilder();
            values.forEach((k, v) -> all.append(k).append('\t').append(v).append('\n'));
            return sha256(all.toString()).substring(0, 32);
        }

        /** The metadata to keep beside the data this build generated. */
        public String metadata(SchemaSnapshot schema, List<SyntheticData.TableLoad> loads, Duration loadTime) {
            StringBuilder text = new StringBuilder("format\t1\nproject\t").append(project).append('\n');
            values.forEach((k, v) -> text.append("input.").append(k).append('\t').append(v).append('\n'));
            text.append("schema\t").append(fingerprint(schema)).append('\n');
            text.append("loadTime\t").append(loadTime.toMillis()).append('\n');
            for (SyntheticData.TableLoad load : loads) {
                text.append("load\t").append(load.table().schema()).append('\t').append(load.table().name())
                        .append('\t').append(load.existingRows()).append('\t').append(load.generatedRows())
                        .append('\t').append(load.time().toMillis()).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * @param postgresVersion the exact server version the data is made on
     * @param projectDirectory the project's directory
     */
    public static Inputs inputs(String postgresVersion, Path projectDirectory, List<MigrationScript> scripts,
                                MigrationSettings migrations, Path sampleData, List<String> schemas, DataSpec data) {
        return inputs(postgresVersion, projectDirectory, scripts, migrations, sampleData, schemas, data, List.of());
    }

    /**
     * @param queries the declared queries' texts: which tables get rows depends on what they read
     */
    public static Inputs inputs(String postgresVersion, Path projectDirectory, List<MigrationScript> scripts,
                                MigrationSettings migrations, Path sampleData, List<String> schemas, DataSpec data,
                                List<String> queries) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("postgres", postgresVersion);
        values.put("generator", Integer.toString(GENERATOR_VERSION));
        values.put("volumes", sha256(new TreeMap<>(data.volumes()) + " default " + data.defaultRows() + " fraction "
                + data.loadFraction()));
        values.put("columns", sha256(data.columns().toString()));
        values.put("migration settings", sha256(migrations.tool() + " " + migrations.locations() + " "
                + migrations.schemas() + " " + new TreeMap<>(migrations.placeholders()) + " " + migrations.table()));
        values.put("schemas", String.join(",", schemas));
        values.put("sample data", sampleData == null ? "none" : digestOfFiles(sampleData));
        values.put("queries", sha256(new java.util.TreeSet<>(queries).toString()));
        for (MigrationScript script : scripts) {
            values.put(MIGRATION + script.displayPath(), sha256(script.content()));
        }
        return new Inputs(sha256(projectDirectory.toAbsolutePath().normalize().toString()).substring(0, 16), values);
    }

    /**
     * The migrated schema without what changes when nothing in it changed (sizes, row estimates, sequence
     * positions): two builds that made the same schema get the same fingerprint.
     */
    public static String fingerprint(SchemaSnapshot schema) {
        StringBuilder text = new StringBuilder(schema.serverVersion()).append('\n');
        for (Table table : schema.tables()) {
            text.append(table).append('\n');
        }
        schema.enums().forEach(e -> text.append(e).append('\n'));
        schema.routines().forEach(r -> text.append(r).append('\n'));
        schema.sequences().forEach(s -> text.append(s).append('\n'));
        schema.namespaces().forEach(n -> text.append(n).append('\n'));
        return sha256(text.toString().replaceAll("(estimatedRows|sizeBytes|lastValue)=[^,\\]]*", "$1=?"))
                .substring(0, 32);
    }

    /**
     * What this build does with its data.
     *
     * @param reuse  whether the offered data is used
     * @param reason why, in words for the log ({@code V8__refunds.sql changed})
     * @param loads  for reused data, what the earlier load did to each table
     */
    public record Decision(boolean reuse, String reason, List<SyntheticData.TableLoad> loads, Duration loadTime) {
    }

    /**
     * @param offered the metadata of the data kept for this key, when the server was started from it
     * @param others  the metadata of every other kept data, most recently used first, to say what changed
     */
    public static Decision decide(Inputs inputs, Optional<String> offered, SchemaSnapshot schema, List<String> others) {
        return decide(inputs, offered, false, schema, others);
    }

    /** @param unusable the data kept for this key was found and could not be used (the log said why) */
    public static Decision decide(Inputs inputs, Optional<String> offered, boolean unusable, SchemaSnapshot schema,
                                  List<String> others) {
        if (unusable) {
            return new Decision(false, "the kept data could not be used (see above)", List.of(), Duration.ZERO);
        }
        if (offered.isPresent()) {
            Map<String, String> kept = parse(offered.get());
            if (!fingerprint(schema).equals(kept.get("schema"))) {
                return new Decision(false, "the migrated schema differs from the one the kept data " + "was made on "
                        + "(a migration that does not always make the same schema?)", List.of(), Duration.ZERO);
            }
            return new Decision(true, "schema, volumes and column specs unchanged", loads(offered.get()),
                    Duration.ofMillis(Long.parseLong(kept.getOrDefault("loadTime", "0"))));
        }
        for (String other : others) {
            Map<String, String> previous = parse(other);
            if (inputs.project().equals(previous.get("project"))) {
                return new Decision(false, changes(inputs.values(), previous), List.of(), Duration.ZERO);
            }
        }
        return new Decision(false, "no kept data for this project yet", List.of(), Duration.ZERO);
    }

    /** What differs from the project's last kept data: the migrations first, at most three things. */
    static String changes(Map<String, String> now, Map<String, String> previous) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> input : now.entrySet()) {
            String before = previous.get("input." + input.getKey());
            if (input.getKey().startsWith(MIGRATION)) {
                String file = Path.of(input.getKey().substring(MIGRATION.length())).getFileName().toString();
                if (before == null) {
                    changes.add(file + " is new");
                } else if (!before.equals(input.getValue())) {
                    changes.add(file + " changed");
                }
            }
        }
        for (String name : previous.keySet()) {
            if (name.startsWith("input." + MIGRATION) && !now.containsKey(name.substring("input.".length()))) {
                changes.add(Path.of(name.substring(("input." + MIGRATION).length())).getFileName() + " was removed");
            }
        }
        for (Map.Entry<String, String> input : now.entrySet()) {
            String before = previous.get("input." + input.getKey());
            if (!input.getKey().startsWith(MIGRATION) && !input.getValue().equals(before)) {
                changes.add(switch (input.getKey()) {
                    case "postgres" -> "PostgreSQL " + before + " → " + input.getValue();
                    case "generator" -> "dbcheck's data generator changed";
                    case "volumes" -> "the declared volumes changed";
                    case "columns" -> "the column specs changed";
                    case "queries" -> "the dashboard queries changed (they decide which tables get rows)";
                    default -> "the " + input.getKey() + " changed";
                });
            }
        }
        if (changes.isEmpty()) {
            return "the kept data for these inputs is gone (removed to stay within dashboards.dataCacheSize, or "
                    + "damaged)";
        }
        return String.join(", ", changes.subList(0, Math.min(3, changes.size())))
                + (changes.size() > 3 ? " and " + (changes.size() - 3) + " more" : "");
    }

    /** The table loads kept in the metadata. */
    static List<SyntheticData.TableLoad> loads(String metadata) {
        List<SyntheticData.TableLoad> loads = new ArrayList<>();
        for (String line : metadata.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 6 && f[0].equals("load")) {
                loads.add(new SyntheticData.TableLoad(new QualifiedName(f[1], f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Duration.ofMillis(Long.parseLong(f[5]))));
            }
        }
        return loads;
    }

    private static Map<String, String> parse(String metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : metadata.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0 && !line.startsWith("load\t")) {
                values.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return values;
    }

    /** {@code 3f9c1a2b04d1 from 2026-12-01 14:03} for the log. */
    public static String describe(String key, Instant created) {
        return key.substring(0, 12) + " from " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                .withZone(ZoneId.systemDefault()).format(created);
    }

    private static String digestOfFiles(Path directory) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(directory.relativize(file)).append('\t')
                        .append(sha256(Files.readString(file, StandardCharsets.ISO_8859_1))).append('\n');
            }
        } catch (IOException e) {
            return "unreadable " + System.nanoTime(); // never equal: the data is generated
        }
        return sha256(all.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
