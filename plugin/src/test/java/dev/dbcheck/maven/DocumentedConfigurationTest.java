package dev.dbcheck.maven;

import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.rule.Severity;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The complete example of docs/configuration.md is bound through the plugin and validated, as a user's pom would be. */
@MojoTest
class DocumentedConfigurationTest {

    static final Path DOC = Path.of("../docs/configuration.md");
    static final Path POM = Path.of("target/documented-configuration/pom.xml");
    static final Path PROVIDERS_POM = Path.of("target/documented-providers/pom.xml");

    @BeforeAll
    static void writePomFromTheDocs() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String block = doc.substring(doc.indexOf("<!-- tested-example:start -->"), doc.indexOf("<!-- tested-example:end -->"));
        String plugin = block.substring(block.indexOf("<plugin>"), block.lastIndexOf("</plugin>") + "</plugin>".length());
        Files.createDirectories(POM.getParent());
        Files.writeString(POM, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>docs</groupId><artifactId>documented</artifactId><version>1.0</version>"
                + "<build><plugins>" + plugin + "</plugins></build></project>", StandardCharsets.UTF_8);

        String providers = Files.readString(DOC.resolveSibling("providers.md"), StandardCharsets.UTF_8);
        String example = providers.substring(providers.indexOf("<!-- tested-providers:start -->"),
                providers.indexOf("<!-- tested-providers:end -->"));
        String configuration = example.substring(example.indexOf("<configuration>"),
                example.lastIndexOf("</configuration>") + "</configuration>".length());
        Files.createDirectories(PROVIDERS_POM.getParent());
        Files.writeString(PROVIDERS_POM, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                + "</modelVersion><groupId>docs</groupId><artifactId>providers</artifactId><version>1.0</version>"
                + "<build><plugins><plugin><groupId>dev.dbcheck</groupId><artifactId>dbcheck-maven-plugin</artifactId>"
                + configuration + "</plugin></plugins></build></project>", StandardCharsets.UTF_8);
    }

    @Test
    @InjectMojo(goal = "verify", pom = "target/documented-providers/pom.xml")
    void theDocumentedProvidersExampleIsValid(VerifyMojo mojo) throws Exception {
        org.apache.maven.settings.Server credentials = new org.apache.maven.settings.Server();
        credentials.setId("ci-db");
        credentials.setUsername("dbcheck");
        credentials.setPassword("secret");
        org.apache.maven.settings.Settings settings = new org.apache.maven.settings.Settings();
        settings.addServer(credentials);
        org.mockito.Mockito.when(mojo.session.getSettings()).thenReturn(settings);

        DbcheckConfig config = mojo.buildConfig();
        assertThat(config.database().provider()).isEqualTo(DbcheckConfig.Provider.SERVER);
        assertThat(config.database().server().url()).isEqualTo("jdbc:postgresql://ci-db.internal:5432/postgres");
        assertThat(config.database().server().credentialSource()).isEqualTo("settings.xml server 'ci-db'");
        assertThat(config.database().startupTimeout()).hasMinutes(2);
        assertThat(config.database().serverSettings()).containsEntry("random_page_cost", "1.1");
        mojo.configuration = mojo.givenConfiguration().with("provider", "docker");
        assertThat(mojo.buildConfig().database().docker().image()).isEqualTo("postgis/postgis:17-3.5");
    }

    @Test
    @InjectMojo(goal = "verify", pom = "target/documented-configuration/pom.xml")
    void theDocumentedExampleIsValid(VerifyMojo mojo) throws Exception {
        DbcheckConfig config = mojo.buildConfig();
        assertThat(config.database().postgresVersion()).startsWith("17.");
        assertThat(config.failOn()).isEqualTo(Severity.WARNING);
        assertThat(config.migrations().placeholders()).containsEntry("app_role", "shop_app");
        assertThat(config.rules().get("serial-primary-key").options()).containsEntry("preferredKey", "identity");
        assertThat(config.rules().get("json-column").excludes()).hasSize(1);
        assertThat(config.database().serverSettings()).containsEntry("work_mem", "16MB");
        assertThat(config.customRules()).singleElement().satisfies(rule -> {
            assertThat(rule.metadata().id()).isEqualTo("table-needs-comment");
            assertThat(rule.metadata().docsUrl()).isEqualTo("https://wiki.example.com/db#comments");
            assertThat(rule.sql()).contains("obj_description");
        });
        assertThat(config.rules().get("index-budget-exceeded").options()).containsEntry("totalSize", "2GB");
        assertThat(config.dashboards().data().volumes()).containsEntry("shop.orders", 1_000_000L)
                .containsEntry("shop.order_items", 3_000_000L);
        assertThat(config.dashboards().data().columns()).extracting(c -> c.table() + "." + c.column())
                .containsExactly("shop.orders.status", "shop.orders.created_at");
        assertThat(config.dashboards().data().columns().get(0).values()).hasSize(4);
        assertThat(config.dashboards().queries()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("open_orders");
            assertThat(q.budget()).hasMillis(200);
        });
        assertThat(config.dashboards().workMem()).isEqualTo("4MB");
        assertThat(config.reports().formats()).containsExactly(dev.dbcheck.report.ReportFormat.SARIF,
                dev.dbcheck.report.ReportFormat.JUNIT, dev.dbcheck.report.ReportFormat.HTML);
        assertThat(config.baselineFile().getFileName().toString()).isEqualTo("dbcheck-baseline.json");
    }
}
