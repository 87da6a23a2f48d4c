package dev.dbcheck.migrate;

import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.RunResult;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.testing.RecordingLog;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Liquibase project as a team writes one: an XML master changelog that includes a YAML and a formatted-SQL
 * changelog, with a changelog parameter and a context. Findings land on the changeSet's line of the file that created
 * the object; a failing changeSet is reported at its line.
 */
class LiquibaseMigratorTest {

    @TempDir
    Path project;

    static final String MASTER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                    http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">

                <changeSet id="1" author="alice">
                    <createTable tableName="customers">
                        <column name="id" type="uuid"><constraints primaryKey="true"/></column>
                        <column name="email" type="text"><constraints nullable="false"/></column>
                    </createTable>
                </changeSet>

                <include file="orders.yaml" relativeToChangelogFile="true"/>
                <include file="events.sql" relativeToChangelogFile="true"/>

                <!-- dbcheck:ignore json-column: the provider's webhook body, stored as received -->
                <changeSet id="4" author="alice">
                    <addColumn tableName="customers">
                        <column name="raw_profile" type="json"/>
                    </addColumn>
                </changeSet>

                <changeSet id="5" author="bob" context="dev">
                    <sql>INSERT INTO customers (id, email) VALUES (gen_random_uuid(), 'dev@example.com')</sql>
                </changeSet>
            </databaseChangeLog>
            """;

    static final String ORDERS = """
            databaseChangeLog:
              - changeSet:
                  id: 2
                  author: alice
                  changes:
                    - createTable:
                        tableName: orders
                        columns:
                          - column:
                              name: id
                              type: uuid
                              constraints:
                                primaryKey: true
                          - column:
                              name: customer_id
                              type: uuid
                              constraints:
                                nullable: false
                                foreignKeyName: orders_customer_id_fkey
                                references: customers(id)
                          - column:
                              name: payload
                              type: json
            """;

    static final String EVENTS = """
            --liquibase formatted sql

            --changeset bob:3
            CREATE TABLE ${events_table} (
                id uuid PRIMARY KEY,
                happened_at timestamp NOT NULL
            );
            """;

    Path changelogs() throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/changelog"));
        Files.writeString(dir.resolve("db.changelog-master.xml"), MASTER, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orders.yaml"), ORDERS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("events.sql"), EVENTS, StandardCharsets.UTF_8);
        return dir;
    }

    RunResult run(List<String> log) throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        DbcheckConfig config = DbcheckConfig.builder(project).set("provider", "server")
                .set("server.url", server.jdbcUrl("postgres"))
                .serverCredentials(EmbeddedPostgres.SUPERUSER, server.password(), "test")
                .set("migrations.tool", "liquibase")
                .set("migrations.placeholders", Map.of("events_table", "events"))
                .set("migrations.contexts", "test")
                .set("formats", List.of("none")).build();
        return new Dbcheck(config, (g, a, v) -> null, List.of(), Map.of()).check(RecordingLog.into(log), true);
    }

    @Test
    void findingsLandOnTheChangeSetLineOfEachChangelogFormat() throws Exception {
        changelogs();
        List<String> log = new ArrayList<>();

        RunResult result = run(log);

        String dir = "src/main/resources/db/changelog/";
        assertThat(result.findings()).extracting(f -> f.ruleId() + " " + f.object().display() + " "
                        + (f.position() == null ? "?" : f.position().path() + ":" + f.position().line()))
                .contains("json-column public.orders.payload " + dir + "orders.yaml:2",
                        "foreign-key-without-index public.orders(customer_id) " + dir + "orders.yaml:2",
                        "timestamp-without-time-zone public.events.happened_at " + dir + "events.sql:6");
        assertThat(result.suppressed()).extracting(s -> s.finding().ruleId() + " " + s.finding().position())
                .contains("json-column " + dir + "db.changelog-master.xml:18");
        assertThat(result.snapshot().tables()).extracting(t -> t.name().name())
                .contains("customers", "orders", "events").doesNotContain("databasechangelog");
        assertThat(log).noneMatch(l -> l.contains("INSERT INTO customers")); // context dev did not run
    }

    @Test
    void aFailingChangeSetIsReportedAtItsLine() throws Exception {
        Path dir = changelogs();
        Files.writeString(dir.resolve("events.sql"), EVENTS + """

                --changeset bob:3b
                ALTER TABLE events ADD COLUMN kind text;
                ALTER TABLE event ADD COLUMN source text;
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(new ArrayList<>())).isInstanceOf(MigrationException.class)
                .hasMessage("src/main/resources/db/changelog/events.sql:11: ERROR: relation \"event\" does not exist");

        Files.writeString(dir.resolve("orders.yaml"), ORDERS.replace("references: customers(id)",
                "references: customer(id)"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(new ArrayList<>())).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("src/main/resources/db/changelog/orders.yaml:2: ERROR: relation \"public.customer\" "
                        + "does not exist");
    }

    @Test
    void aChangelogLiquibaseCannotParseFailsBeforeAServerStartsWithItsLine() throws Exception {
        Path dir = changelogs();
        Files.writeString(dir.resolve("orders.yaml"), ORDERS.replace("      changes:", "     changes: ["),
                StandardCharsets.UTF_8);

        LiquibaseMigrator migrator = new LiquibaseMigrator(new MigrationSettings(MigrationSettings.Tool.LIQUIBASE,
                List.of(), List.of(), Map.of(), null, null, null, null, null, false), Project.at(project));
        assertThatThrownBy(migrator::check).isInstanceOf(dev.dbcheck.base.DbcheckException.class)
                .hasMessageStartingWith("Liquibase: Syntax error in file src/main/resources/db/changelog/orders.yaml: ")
                .hasMessageContaining("line 5, column 6").hasMessageNotContaining("liquibase.exception");
        assertThatThrownBy(() -> new LiquibaseMigrator(new MigrationSettings(MigrationSettings.Tool.LIQUIBASE,
                List.of(), List.of(), Map.of(), null, null, "db/master.xml", null, null, false), Project.at(project)).check())
                .isInstanceOf(dev.dbcheck.base.ConfigException.class).hasMessageContaining("migrations.changelog")
                .hasMessageContaining("db/master.xml does not exist");
    }
}
