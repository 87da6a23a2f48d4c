package dev.dbcheck.provision;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedOptions;
import dev.dbcheck.provision.embedded.EmbeddedProvider;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PortRange;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.PostgresVersions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every supported major can be selected with postgresVersion, downloaded from Maven Central and run. */
class PostgresMajorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"14", "15", "16", "17", "18"})
    void eachSupportedMajorStartsAndAnswers(String major) throws Exception {
        String version = PostgresVersions.resolve(major, "postgresVersion");
        EmbeddedProvider provider = new EmbeddedProvider(EmbeddedOptions.defaults(version),
                MavenRepositoryResolver.defaults(EngineLog.SILENT));
        try (ProvisionedDatabase db = provider.provision(EngineLog.SILENT);
             Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000, "
                     + "current_database()")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Integer.parseInt(major));
            assertThat(rs.getString(2)).isEqualTo("dbcheck");
            assertThat(db.description()).startsWith("PostgreSQL " + version + " (embedded) on 127.0.0.1:");
        }
    }

    /**
     * The pom's custom rules and the dashboard queries run as a role of the server's own without superuser rights,
     * on every major: they read and write every table (row security included, so plans measure all rows), and
     * cannot read the machine's files or start programs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"14", "15", "16", "17", "18"})
    void theProjectsQueriesRunWithoutSuperuserRights(String major) throws Exception {
        String version = PostgresVersions.resolve(major, "postgresVersion");
        EmbeddedProvider provider = new EmbeddedProvider(EmbeddedOptions.defaults(version),
                MavenRepositoryResolver.defaults(EngineLog.SILENT));
        try (ProvisionedDatabase db = provider.provision(EngineLog.SILENT)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA billing");
                s.execute("CREATE TABLE billing.invoices (id int PRIMARY KEY)");
                s.execute("ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY"); // and no policy: no rows
                s.execute("INSERT INTO billing.invoices VALUES (1), (2)");
            }
            try (Connection q = db.connectForProjectQueries(); Statement s = q.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('is_superuser'), current_user, "
                        + "(SELECT count(*) FROM billing.invoices)")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("off");
                    assertThat(rs.getString(2)).matches("dbcheck_queries_[0-9a-f]{10}");
                    assertThat(rs.getLong(3)).as("every row, row security or not").isEqualTo(2);
                }
                s.execute("INSERT INTO billing.invoices VALUES (3)");
                assertThatThrownBy(() -> s.executeQuery("SELECT pg_read_file('/etc/passwd')"))
                        .hasMessageContaining("permission denied for function pg_read_file");
                assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'id'"))
                        .hasMessageContaining("pg_execute_server_program");
                assertThatThrownBy(() -> s.execute("ALTER SYSTEM SET work_mem = '1GB'"))
                        .hasMessageMatching(".*(must be superuser|permission denied).*"); // 14-16 | 17+
            }
            // both passwords random, so hashed with one SCRAM iteration where the server allows it (16+)
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT split_part(rolpassword, ':', 1) FROM pg_authid "
                         + "WHERE rolname = current_user OR rolname LIKE 'dbcheck\\_queries\\_%' ORDER BY rolname")) {
                List<String> hashing = new java.util.ArrayList<>();
                while (rs.next()) {
                    hashing.add(rs.getString(1));
                }
                assertThat(hashing).containsExactly(Collections.nCopies(2, Integer.parseInt(major) >= 16
                        ? "SCRAM-SHA-256$1" : "SCRAM-SHA-256$4096").toArray(String[]::new));
            }
        }
    }

    /**
     * Version awareness on the real majors: public is writable by every role before 15 (so a SECURITY DEFINER path
     * through it is unsafe there, and its default CREATE is no migration's grant), uuidv7() exists from 18.
     */
    @ParameterizedTest
    @ValueSource(strings = {"14", "15", "16", "17", "18"})
    void rulesAndFixesFollowTheMajor(String major) throws Exception {
        String version = PostgresVersions.resolve(major, "postgresVersion");
        EmbeddedProvider provider = new EmbeddedProvider(EmbeddedOptions.defaults(version),
                MavenRepositoryResolver.defaults(EngineLog.SILENT));
        String sql = String.join("\n",
                "CREATE TABLE accounts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), balance numeric NOT NULL);",
                "CREATE FUNCTION balance_of(p_id uuid) RETURNS numeric LANGUAGE sql SECURITY DEFINER",
                "SET search_path = public AS $$ SELECT balance FROM accounts WHERE id = p_id $$;",
                "REVOKE EXECUTE ON FUNCTION balance_of(uuid) FROM PUBLIC;");
        try (ProvisionedDatabase db = provider.provision(EngineLog.SILENT); Connection c = db.connect()) {
            dev.dbcheck.migrate.PlainSqlMigrator.execute(c, sql, "V1__accounts.sql");
            java.util.Map<String, dev.dbcheck.rule.RuleMetadata> metadata = new java.util.HashMap<>();
            dev.dbcheck.engine.RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
            java.util.List<dev.dbcheck.rule.Finding> findings = new dev.dbcheck.engine.Linter(java.util.Map.of(),
                    java.util.List.of(), java.util.List.of(), metadata).lint(c,
                    new dev.dbcheck.schema.SnapshotReader(java.util.List.of(), java.util.Set.of()).read(c),
                    java.util.List.of()).findings();
            java.util.List<String> ids = findings.stream().map(dev.dbcheck.rule.Finding::ruleId).toList();
            if (Integer.parseInt(major) < 15) {
                assertThat(ids).as("public is writable by every role before 15").contains("security-definer-search-path");
            } else {
                assertThat(ids).as("public is not writable by PUBLIC from 15").doesNotContain(
                        "security-definer-search-path");
            }
            assertThat(ids).as("the public schema's default privileges are no grant, a revoked EXECUTE none either").doesNotContain("public-grant");
            String uuidFix = findings.stream().filter(f -> f.ruleId().equals("serial-primary-key")).findFirst()
                    .orElseThrow().fixText();
            if (Integer.parseInt(major) >= 18) {
                assertThat(uuidFix).contains("SET DEFAULT uuidv7()");
            } else {
                assertThat(uuidFix).doesNotContain("SET DEFAULT uuidv7()").contains("pg_uuidv7");
            }
        }
    }
}
