package dev.dbcheck.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A project's own migration settings as dbcheck properties: Spring Boot's files, Flyway's and Liquibase's plugins. */
class ProjectMigrationSettingsTest {

    @TempDir
    Path project;

    @Test
    void springBootFlywayInYamlWithRelaxedNamesAndADefaultSchema() throws Exception {
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/application.yml"), """
                spring:
                  flyway:
                    locations: db/migration,filesystem:sql/extra
                    default-schema: shop
                    mixed: true
                    placeholders:
                      tenant: acme
                ---
                server:
                  port: 8080
                """);

        ProjectMigrationSettings found = ProjectMigrationSettings.springBoot(project);

        assertThat(found.properties()).containsEntry("dbcheck.migrations.tool", "flyway")
                .containsEntry("dbcheck.migrations.locations", "classpath:db/migration,filesystem:sql/extra")
                .containsEntry("dbcheck.migrations.schemas", "shop")
                .containsEntry("dbcheck.migrations.mixed", "true")
                .containsEntry("dbcheck.migrations.placeholders.tenant", "acme");
        assertThat(found.sources()).containsExactly("Spring Boot's src/main/resources/application.yml: locations, "
                + "schemas, mixed, placeholders.tenant");
    }

    @Test
    void springBootLiquibaseInPropertiesAndThePluginsConfigurationWinsOverIt() throws Exception {
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/application.properties"), """
                spring.liquibase.change-log=classpath:/db/changelog/db.changelog-master.yaml
                spring.liquibase.contexts=prod
                spring.liquibase.parameters.audit_table=audit_events
                """);

        ProjectMigrationSettings found = ProjectMigrationSettings.springBoot(project).then(
                ProjectMigrationSettings.liquibase(Map.of("contexts", "ci"), "liquibase-maven-plugin in pom.xml"));

        assertThat(found.properties()).containsEntry("dbcheck.migrations.tool", "liquibase")
                .containsEntry("dbcheck.migrations.changelog", "src/main/resources/db/changelog/db.changelog-master.yaml")
                .containsEntry("dbcheck.migrations.contexts", "ci")
                .containsEntry("dbcheck.migrations.placeholders.audit_table", "audit_events");
        assertThat(found.sources()).hasSize(2);
        assertThat(ProjectMigrationSettings.springBoot(project.resolve("none")).properties()).isEmpty();
    }
}
