package dev.dbcheck.testing;

import dev.dbcheck.engine.Linter;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.CustomSqlRule;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.place.Suppressions;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the lint step of dbcheck:verify over migration texts applied to a fresh database. */
public final class Lint {

    private Lint() {
    }

    /** Applies the scripts (display path → SQL, in order) and lints with every rule at its default. */
    public static Suppressions.Outcome run(Map<String, String> scripts) throws Exception {
        return run(scripts, Map.of(), List.of());
    }

    public static Suppressions.Outcome run(Map<String, String> scripts, Map<String, RuleSettings> settings,
                                           List<CustomSqlRule> custom) throws Exception {
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            List<MigrationScript> applied = new ArrayList<>();
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                PlainSqlMigrator.execute(c, script.getValue(), script.getKey());
                applied.add(new MigrationScript(Path.of(script.getKey()), script.getKey(), script.getValue()));
            }
            Map<String, RuleMetadata> metadata = new LinkedHashMap<>();
            RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
            custom.forEach(r -> metadata.put(r.metadata().id(), r.metadata()));
            return new Linter(settings, List.of(), custom, metadata)
                    .lint(c, new SnapshotReader(List.of(), Set.of()).read(c), applied);
        }
    }

    public static Map<String, String> scripts(String... pathsAndSql) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSql.length; i += 2) {
            scripts.put(pathsAndSql[i], pathsAndSql[i + 1]);
        }
        return scripts;
    }
}
