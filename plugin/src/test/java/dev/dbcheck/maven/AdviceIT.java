package dev.dbcheck.maven;

import dev.dbcheck.provision.embedded.PostgresInstallation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002's story as real Maven builds: the analytics schema with keys only and its six dashboard queries at
 * declared volumes (the engine's advice fixture {@code seed-002}, the same files). {@code dbcheck:verify} fails
 * with measured fixes and writes {@code target/dbcheck/advice.sql}; {@code dbcheck:advise} writes it without failing;
 * copied as the next migration, the advice makes the same build pass, the index budget met.
 */
class AdviceIT {

    /** The fixture the engine's IndexAdviceFixturesTest measures: one copy of seed 002's project. */
    static final Path SEED = Path.of("../engine/src/test/resources/advice-fixtures/seed-002");

    @Test
    void theAdviceAppliedAsTheNextMigrationMakesTheBuildPass() throws Exception {
        Path project = seedProject();
        FaultsIT.Build failing = FaultsIT.Build.start(project);
        assertThat(failing.waitFor(Duration.ofMinutes(5))).as(failing.log()).isEqualTo(1);
        String log = failing.log();
        assertThat(log).containsPattern("ERROR \\[seq-scan-on-large-table] query daily_revenue → public.orders — "
                        + "\\S*src/main/dashboards/daily_revenue.sql:")
                .containsPattern("fix: CREATE INDEX CONCURRENTLY orders_order_date\\w*_idx ON public\\.orders "
                        + "\\(order_date\\)[^\\n]*-- measured: [0-9.,]+ ms → [0-9.,]+ ms, (Index Only|Index|Bitmap "
                        + "Index) Scan, [0-9.]+ [kMG]?B at the declared volume")
                .contains("Index advice (")
                .containsPattern("daily_revenue +[0-9.,]+ ms → +[0-9.,]+ ms  passes")
                .contains("index budget with them: ")
                .doesNotContain("\tat ");
        Path advice = project.resolve("target/dbcheck/advice.sql");
        assertThat(advice).exists();
        String sql = Files.readString(advice, StandardCharsets.UTF_8);
        // seed 002's point: index the query patterns, not every column; one index serves several queries
        long indexes = sql.lines().filter(l -> l.startsWith("CREATE INDEX CONCURRENTLY")).count();
        assertThat(indexes).as(sql).isBetween(4L, 6L);
        assertThat(sql).containsPattern("-- serves daily_revenue, monthly_orders");

        // the advise goal: the same advice, and the build does not fail on the findings
        FaultsIT.Build advise = FaultsIT.Build.startGoal(project, "dbcheck:advise", Map.of());
        assertThat(advise.waitFor(Duration.ofMinutes(5))).as(advise.log()).isZero();
        assertThat(advise.log()).contains("Wrote the index advice to " + advice.toRealPath())
                .contains("every declared query passes with them");

        Files.copy(advice, project.resolve("src/main/resources/db/migration/V2__dashboard_indexes.sql"));
        FaultsIT.Build passing = FaultsIT.Build.start(project);
        assertThat(passing.waitFor(Duration.ofMinutes(5))).as(passing.log()).isZero();
        assertThat(passing.log()).contains("Applied 2 migration script(s)")
                .doesNotContain("[seq-scan-on-large-table]", "[index-budget-exceeded]", "[foreign-key-without-index]",
                        "Index advice (");
        assertThat(project.resolve("target/dbcheck/advice.sql")).as("no advice left to give").doesNotExist();
    }

    /** The fixture as a Maven project: schema.sql as V1, the queries under src/main/dashboards, dashboards.xml in the pom. */
    static Path seedProject() throws Exception {
        Path dir = FaultsIT.WORK.resolve("advice-seed-002");
        PostgresInstallation.deleteRecursively(dir);
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.copy(SEED.resolve("schema.sql"), migrations.resolve("V1__analytics.sql"));
        Path dashboards = Files.createDirectories(dir.resolve("src/main/dashboards"));
        try (Stream<Path> queries = Files.list(SEED.resolve("queries"))) {
            for (Path q : queries.toList()) {
                Files.copy(q, dashboards.resolve(q.getFileName()));
            }
        }
        String xml = Files.readString(SEED.resolve("dashboards.xml"), StandardCharsets.UTF_8)
                // every build generates (the data of three builds would fill the shared cache for nothing)
                .replace("<dashboards>", "<dashboards>\n  <reuseData>false</reuseData>");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("pom.xml"), FaultsIT.pom("it.advice", "seed-002",
                "<preferredKey>identity</preferredKey>", xml, true), StandardCharsets.UTF_8);
        return dir;
    }

}
