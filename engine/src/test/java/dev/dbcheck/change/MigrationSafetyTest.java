package dev.dbcheck.change;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.MigrationSettings;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which migrations are the change, on a real git repository, and a whole run that traces it: V1 and V2 on main are
 * production, V3 on a branch (and whatever is not committed yet) is the change.
 */
class MigrationSafetyTest {

    @TempDir
    Path repo;
    Path migrations;

    static final String V1 = """
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                status text NOT NULL,
                quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100)
            );
            """;
    /** On main: production. If it were judged, blocking-index-build would report it. */
    static final String V2 = "CREATE INDEX orders_quantity_idx ON orders (quantity);\n";

    @BeforeEach
    void aRepositoryWithTwoMigrationsOnMain() throws Exception {
        migrations = Files.createDirectories(repo.resolve("src/main/resources/db/migration"));
        git("init", "-q", "-b", "main");
        write("V1__orders.sql", V1);
        write("V2__orders_quantity_index.sql", V2);
        git("add", "-A");
        git("commit", "-q", "-m", "production");
        git("checkout", "-q", "-b", "feature");
    }

    @Test
    void theMigrationsAddedSinceTheMergeBaseAreTheChangeCommittedOrNot() throws Exception {
        write("V3__orders_status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
        git("add", "-A");
        git("commit", "-q", "-m", "feature");
        write("V4__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"); // untracked

        TheChange change = select(new ChangeConfig(true, ChangeConfig.AUTO, null, java.time.Duration.ofSeconds(1),
                null), Map.of());

        assertThat(change.production()).extracting(s -> s.file().getFileName().toString())
                .containsExactly("V1__orders.sql", "V2__orders_quantity_index.sql");
        assertThat(change.change()).extracting(s -> s.file().getFileName().toString())
                .containsExactly("V3__orders_status_index.sql", "V4__note.sql");
        assertThat(change.basis()).startsWith("the migrations added or changed since main (merge base ");
    }

    @Test
    void aModifiedOlderMigrationStartsTheChangeThereAndAVersionBoundChoosesWithoutGit() throws Exception {
        write("V2__orders_quantity_index.sql", V2 + "CREATE INDEX orders_status_idx ON orders (status);\n");

        assertThat(select(new ChangeConfig(true, ChangeConfig.AUTO, null, java.time.Duration.ofSeconds(1), null),
                Map.of()).change()).extracting(s -> s.file().getFileName().toString())
                .containsExactly("V2__orders_quantity_index.sql");
        TheChange above = select(new ChangeConfig(true, ChangeConfig.AUTO, "1", java.time.Duration.ofSeconds(1),
                null), Map.of());
        assertThat(above.change()).extracting(s -> s.file().getFileName().toString())
                .containsExactly("V2__orders_quantity_index.sql");
        assertThat(above.basis()).isEqualTo("above version 1");
    }

    @Test
    void withNothingToCompareWithNothingIsJudgedAndTheReasonIsOneLine() throws Exception {
        write("V3__x.sql", "SELECT 1;\n");
        ChangeConfig auto = new ChangeConfig(true, ChangeConfig.AUTO, null, java.time.Duration.ofSeconds(1), null);

        TheChange missingTarget = select(auto, Map.of("GITHUB_BASE_REF", "release"));
        assertThat(missingTarget.isEmpty()).isTrue();
        assertThat(missingTarget.basis()).isEqualTo("the pull request's target origin/release is not in this clone "
                + "(actions/checkout with fetch-depth: 0 fetches it)");

        git("checkout", "-q", "main");
        git("branch", "-q", "-m", "trunk");
        TheChange noBranch = select(auto, Map.of());
        assertThat(noBranch.isEmpty()).isTrue();
        assertThat(noBranch.basis()).startsWith("no branch to compare with");

        assertThatThrownBy(() -> select(new ChangeConfig(true, "origin/nope", null, java.time.Duration.ofSeconds(1),
                null), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("migrationSafety.since").hasMessageContaining("'origin/nope' is not a commit");

        Path elsewhere = Files.createTempDirectory("dbcheck-no-git");
        try {
            TheChange noGit = TheChange.select(auto, MigrationSettings.Tool.FLYWAY, List.of(), elsewhere, Map.of());
            assertThat(noGit.basis()).startsWith("the project is not in a git work tree");
        } finally {
            Files.delete(elsewhere);
        }
    }

    @Test
    void aWholeRunTracesTheChangeAtTheDeclaredVolumeAndJudgesOnlyIt() throws Exception {
        write("V3__orders_status_index.sql", """
                -- the status index for the admin dashboard
                CREATE INDEX orders_status_idx ON orders (status);
                -- dbcheck:ignore destructive-change: nothing reads quantity since release 12
                ALTER TABLE orders DROP COLUMN quantity;
                """);
        List<String> log = new ArrayList<>();

        RunResult result = run(log, "20000");

        assertThat(result.change()).isNotNull();
        assertThat(result.change().scripts()).containsExactly("src/main/resources/db/migration/V3__orders_status_index.sql");
        assertThat(result.change().rows()).containsEntry(new dev.dbcheck.sql.QualifiedName("public", "orders"), 20_000L);
        List<Finding> safety = result.findings().stream().filter(f -> f.ruleId().equals("blocking-index-build")
                || f.ruleId().equals("lock-without-timeout") || f.ruleId().equals("lock-held-after-exclusive")
                || f.ruleId().equals("destructive-change")).toList();
        String v3 = "src/main/resources/db/migration/V3__orders_status_index.sql";
        assertThat(safety).extracting(f -> f.ruleId() + " " + f.position().path() + ":" + f.position().line())
                .containsExactlyInAnyOrder("blocking-index-build " + v3 + ":2", "lock-without-timeout " + v3 + ":2",
                        "lock-without-timeout " + v3 + ":4");
        assertThat(safety).allMatch(f -> f.severity() == Severity.WARNING, "under maxLockTime at 20,000 rows")
                .allMatch(f -> f.message().contains("on public.orders (20,000 rows at the declared volume) held "));
        assertThat(result.suppressed()).extracting(s -> s.finding().ruleId() + " " + s.finding().position().line())
                .contains("destructive-change 4");
        assertThat(log).anyMatch(l -> l.contains("Migration safety: tracing 1 migration(s), the migrations added or "
                + "changed since main (merge base ") && l.endsWith("V3__orders_status_index.sql (2 applied before "
                + "them as production)"));
    }

    /**
     * Liquibase: a pull request appends changeSets to changelog files production already ran; only those are the
     * change, each traced in its own transaction (runInTransaction="false" outside one), positioned on its line.
     */
    @Test
    void liquibaseChangeSetsAppendedToFilesProductionRanAreTheChange() throws Exception {
        git("checkout", "-q", "main");
        Path changelog = Files.createDirectories(repo.resolve("src/main/resources/db/changelog"));
        Files.writeString(changelog.resolve("db.changelog-master.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <include file="orders.yaml" relativeToChangelogFile="true"/>
                  <include file="indexes.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        String ordersYaml = """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - sql:
                            sql: CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL, note text)
                """;
        Files.writeString(changelog.resolve("orders.yaml"), ordersYaml);
        String indexesSql = """
                --liquibase formatted sql

                --changeset alice:2
                CREATE INDEX orders_note_idx ON orders (note);
                """;
        Files.writeString(changelog.resolve("indexes.sql"), indexesSql);
        git("rm", "-q", "-r", "src/main/resources/db/migration");
        git("add", "-A");
        git("commit", "-q", "-m", "production in Liquibase form");
        git("checkout", "-q", "-b", "liquibase-feature");
        Files.writeString(changelog.resolve("orders.yaml"), ordersYaml + """
                  - changeSet:
                      id: 3
                      author: bob
                      changes:
                        - addNotNullConstraint:
                            tableName: orders
                            columnName: note
                            defaultNullValue: none
                """);
        Files.writeString(changelog.resolve("indexes.sql"), indexesSql + """

                --changeset bob:4 runInTransaction:false
                CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);

                --changeset bob:5
                CREATE INDEX orders_id_status_idx ON orders (id, status);
                """);
        List<String> log = new ArrayList<>();

        RunResult result = run(log, "20000", "migrations.tool", "liquibase");

        assertThat(result.change()).isNotNull();
        assertThat(result.change().production()).isEqualTo(2);
        assertThat(result.change().scripts()).containsExactly("src/main/resources/db/changelog/orders.yaml",
                "src/main/resources/db/changelog/indexes.sql");
        assertThat(result.change().statements()).extracting(t -> t.position().path().replaceAll(".*/", "") + ":"
                        + t.position().line() + (t.inTransaction() ? "" : " outside a transaction"))
                .containsExactly("orders.yaml:8", "orders.yaml:8", "indexes.sql:7 outside a transaction",
                        "indexes.sql:10");
        String yaml = "src/main/resources/db/changelog/orders.yaml";
        String sql = "src/main/resources/db/changelog/indexes.sql";
        assertThat(result.findings()).filteredOn(f -> !f.ruleId().equals("serial-primary-key"))
                .extracting(f -> f.ruleId() + " " + f.position().path() + ":" + f.position().line())
                .containsExactlyInAnyOrder("validating-constraint " + yaml + ":8", "lock-without-timeout " + yaml
                        + ":8", "blocking-index-build " + sql + ":10", "lock-without-timeout " + sql + ":10");
        assertThat(log).anyMatch(l -> l.startsWith("Migration safety: tracing 3 changeSet(s), the migrations added or "
                + "changed since main (merge base ") && l.endsWith(": orders.yaml, indexes.sql (2 applied before "
                + "them as production)"));
    }

    private RunResult run(List<String> log, String ordersRows, String... settings) throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig.Builder builder = DbcheckConfig.builder(repo);
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        DbcheckConfig config = builder.set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("dashboards.volumes", Map.of("orders", ordersRows))
                .set("formats", List.of("none")).build();
        return new Dbcheck(config, (g, a, v) -> null, List.of(), Map.of()).check(RecordingLog.into(log), true);
    }

    private TheChange select(ChangeConfig config, Map<String, String> environment) throws Exception {
        List<MigrationScript> scripts = new ArrayList<>();
        try (var files = Files.list(migrations)) {
            for (Path f : files.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                scripts.add(new MigrationScript(f, repo.relativize(f).toString(), Files.readString(f)));
            }
        }
        return TheChange.select(config, MigrationSettings.Tool.FLYWAY, scripts, repo, environment);
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private void git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=dbcheck", "-c",
                "user.email=dbcheck@example.com", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", arguments), out).isZero();
    }
}
