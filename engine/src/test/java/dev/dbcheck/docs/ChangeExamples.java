package dev.dbcheck.docs;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.change.ChangeConfig;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.ChangeTracer;
import dev.dbcheck.change.TheChange;
import dev.dbcheck.engine.Linter;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.synthetic.DataSpec;
import dev.dbcheck.testing.Fixture;
import dev.dbcheck.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a migration safety rule's documented example as {@code dbcheck:verify} would: the first SQL block is
 * production (the deployed migrations, {@code -- volumes:} its rows), each further SQL block one migration of the
 * change; the change is traced and every rule runs, suppressions applied.
 */
final class ChangeExamples {

    private ChangeExamples() {
    }

    static List<Finding> run(RuleMetadata rule, List<String[]> blocks) throws Exception {
        String path = "docs/rules/" + rule.id() + ".md";
        String production = blocks.get(0)[1];
        List<MigrationScript> change = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            if (blocks.get(i)[0].equals("sql")) {
                change.add(new MigrationScript(Path.of(path), path + "#change-" + i, blocks.get(i)[1]));
            }
        }
        ChangeConfig config = new ChangeConfig(true, ChangeConfig.AUTO, null, Duration.ofMillis(500),
                new DataSpec(Fixture.parse(path, production).volumes(), 1000, List.of(), 1.0));
        ChangeTrace trace;
        SchemaSnapshot snapshot;
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase()) {
            trace = new ChangeTracer(config, List.of(), null, EngineLog.SILENT).trace(db, new TheChange(
                    List.of(new MigrationScript(Path.of(path), path, production)), change, "the example"));
            try (Connection c = db.connect()) {
                snapshot = new SnapshotReader(List.of(), Set.of()).read(c);
            }
        }
        if (trace.incomplete() != null) {
            throw new AssertionError(path + ": the example's change failed: " + trace.incomplete());
        }
        Map<String, RuleMetadata> metadata = new HashMap<>();
        RuleCatalog.all().forEach(r -> metadata.put(r.id(), r));
        Linter linter = new Linter(Map.of(), List.of(), List.of(), metadata);
        return linter.place(linter.changeFindings(trace, snapshot), snapshot, change).findings();
    }
}
