package dev.dbcheck.maven;

import dev.dbcheck.provision.embedded.PostgresInstallation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull request's change judged as CI meets it: the consumer is a git repository whose main branch (pushed to
 * its origin) holds V1 and V1_1, and a branch adds V2; the build runs with {@code GITHUB_BASE_REF=main}, as a
 * GitHub Actions pull_request build does. With orders at 1,000,000 rows, V2's unsafe statements fail the build with
 * the lock times measured there; V1_1 (a plain CREATE INDEX, production already) is not judged; the safe
 * rewrite of the same change passes.
 */
class MigrationSafetyIT {

    static final String V1 = """
            CREATE TABLE customers (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email      text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE orders (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers,
                status      text NOT NULL,
                quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
                total       numeric(12, 2) NOT NULL,
                created_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX orders_customer_id_idx ON orders (customer_id);
            """;

    static final String UNSAFE = """
            CREATE INDEX orders_status_idx ON orders (status);
            ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
            ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
            """;

    @Test
    void theChangeFailsOnItsUnsafeStatementsWithMeasuredLockTimesAndItsSafeRewritePasses() throws Exception {
        Path project = FaultsIT.WORK.resolve("migration-safety");
        PostgresInstallation.deleteRecursively(project);
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(project.resolve("pom.xml"), FaultsIT.pom("it.safety", "orders", "<preferredKey>identity</preferredKey>", """
                <dashboards>
                  <reuseData>false</reuseData>
                  <volumes><orders>1000000</orders><customers>10000</customers></volumes>
                </dashboards>
                """, true), StandardCharsets.UTF_8);
        Files.writeString(project.resolve(".gitignore"), "target/\nbuild.log\n");
        Files.writeString(migrations.resolve("V1__orders.sql"), V1);
        Files.writeString(migrations.resolve("V1_1__orders_created_at_index.sql"),
                "CREATE INDEX orders_created_at_idx ON orders (created_at);\n");
        Path origin = FaultsIT.WORK.resolve("migration-safety-origin.git");
        PostgresInstallation.deleteRecursively(origin);
        git(FaultsIT.WORK, "init", "-q", "--bare", origin.toString());
        git(project, "init", "-q", "-b", "main");
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "orders");
        git(project, "remote", "add", "origin", origin.toString());
        git(project, "push", "-q", "origin", "main");
        git(project, "fetch", "-q", "origin");
        git(project, "checkout", "-q", "-b", "status-index");
        Files.writeString(migrations.resolve("V2__orders_status.sql"), UNSAFE);
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "status index, total check, bigger quantity");

        FaultsIT.Build unsafe = FaultsIT.Build.start(project, Map.of("GITHUB_BASE_REF", "main"));
        assertThat(unsafe.waitFor(Duration.ofMinutes(5))).as(unsafe.log()).isEqualTo(1);
        String log = unsafe.log();
        String v2 = "src/main/resources/db/migration/V2__orders_status.sql";
        assertThat(log).contains("Migration safety: tracing 1 migration(s), the migrations added or changed since "
                        + "origin/main (merge base ")
                .containsPattern("ERROR \\[blocking-index-build] public\\.orders_status_idx on public\\.orders\\(status\\) "
                        + "— " + v2 + ":1 — CREATE INDEX without CONCURRENTLY takes SHARE on public\\.orders "
                        + "\\(1,000,000 rows at the declared volume\\) held [0-9.]+ m?s: blocks writes")
                .containsPattern("ERROR \\[validating-constraint] public\\.orders\\(total\\) — " + v2 + ":2 — ADD "
                        + "CONSTRAINT orders_total_check CHECK reads every row of public\\.orders under ACCESS "
                        + "EXCLUSIVE on public\\.orders \\(1,000,000 rows at the declared volume\\) held [0-9.]+ m?s")
                .containsPattern("ERROR \\[table-rewrite] public\\.orders — " + v2 + ":3 — ALTER TABLE orders ALTER "
                        + "COLUMN quantity TYPE bigint rewrites public\\.orders")
                .containsPattern("\\[lock-held-after-exclusive] public\\.orders — " + v2 + ":2 —")
                .containsPattern("\\[lock-without-timeout] public\\.orders — " + v2 + ":1 —")
                .doesNotContain("V1_1__orders_created_at_index.sql:1 —", "V1__orders.sql:", "\tat ");

        // the safe rewrite: the index CONCURRENTLY, the check NOT VALID and validated in a migration of its own
        Files.delete(migrations.resolve("V2__orders_status.sql"));
        Files.writeString(migrations.resolve("V2__orders_status_index.sql"),
                "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n");
        Files.writeString(migrations.resolve("V3__orders_total_check.sql"), """
                SET lock_timeout = '2s';
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                """);
        Files.writeString(migrations.resolve("V4__orders_total_check_validated.sql"), """
                SET lock_timeout = '2s';
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                """);
        FaultsIT.Build safe = FaultsIT.Build.start(project, Map.of("GITHUB_BASE_REF", "main"));
        assertThat(safe.waitFor(Duration.ofMinutes(5))).as(safe.log()).isZero();
        assertThat(safe.log()).contains("Migration safety: tracing 3 migration(s)")
                .doesNotContain("[blocking-index-build]", "[validating-constraint]", "[table-rewrite]",
                        "[lock-without-timeout]", "[lock-held-after-exclusive]");
    }

    static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=dbcheck", "-c",
                "user.email=dbcheck@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", arguments), out).isZero();
    }
}
