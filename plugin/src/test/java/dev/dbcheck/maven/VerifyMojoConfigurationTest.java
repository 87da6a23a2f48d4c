package dev.dbcheck.maven;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.RawNode;
import dev.dbcheck.base.RawXml;
import dev.dbcheck.engine.Settings;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the pom's configuration binds to the mojo and becomes the engine's validated configuration. */
@MojoTest
class VerifyMojoConfigurationTest {

    private static final String POM = "src/test/resources/unit/configured/pom.xml";

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void bindsEveryParameterOfThePom(VerifyMojo mojo) throws Exception {
        DbcheckConfig config = mojo.buildConfig();
        assertThat(config.migrations().locations()).containsExactly("filesystem:db/migrations");
        assertThat(config.migrations().placeholders()).containsEntry("owner", "shop_owner");
        assertThat(config.rules()).hasSize(2);
        assertThat(mojo.settings().get(Settings.FAIL_ON_VIOLATION)).isTrue();
        assertThat(config.database().postgresVersion()).isEqualTo("16.15.0");
        assertThat(config.database().startupTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.database().serverSettings()).isEqualTo(Map.of("work_mem", "64MB"));
        assertThat(config.failOn()).isEqualTo(Severity.WARNING);
        assertThat(config.migrations().tool()).isEqualTo(dev.dbcheck.migrate.MigrationSettings.Tool.FLYWAY);
        assertThat(config.migrations().schemas()).containsExactly("shop");
        assertThat(config.schemas()).containsExactly("shop");
        // the pom's excludes, then the framework tables' (frameworkTables, by default)
        assertThat(config.excludes()).extracting(Object::toString).startsWith("audit.*").contains("qrtz_*",
                "flyway_schema_history");

        RuleSettings serial = config.rules().get("serial-primary-key");
        assertThat(serial.severity()).isEqualTo(Severity.WARNING);
        assertThat(serial.options()).containsEntry("preferredKey", "identity");
        assertThat(serial.excludes()).extracting(Object::toString).containsExactly("shop.legacy_*");
        assertThat(config.rules().get("json-column").severity()).isEqualTo(Severity.OFF);
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "failOn", value = "fatal")
    void aBadFailOnNamesTheKey(VerifyMojo mojo) {
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("failOn: 'fatal' is not one of error, warning, info");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "postgresVersion", value = "12")
    void anUnsupportedMajorNamesTheKeyAndTheChoices(VerifyMojo mojo) {
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("postgresVersion: '12' is not a supported PostgreSQL version; use a major "
                        + "(14, 15, 16, 17, 18)");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "startupTimeout", value = "soon")
    void aBadDurationNamesTheKey(VerifyMojo mojo) {
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("startupTimeout: 'soon' is not a duration");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "embeddedPorts", value = "54320 - 54339")
    void embeddedPortsTakesARange(VerifyMojo mojo) throws Exception {
        assertThat(mojo.buildConfig().database().embeddedPorts())
                .isEqualTo(new dev.dbcheck.provision.embedded.PortRange(54320, 54339));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void badEmbeddedPortsNameTheKey(VerifyMojo mojo) {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("lots", "embeddedPorts: 'lots' is not a port or a port range like 54320-54339");
        cases.put("54320-54310", "embeddedPorts: '54320-54310' ends before it starts; write the lower port first, "
                + "like 54310-54320");
        cases.put("80", "embeddedPorts: '80': 80 is not a port an unprivileged server can listen on (1024-65535)");
        cases.put("5432-70000", "embeddedPorts: '5432-70000': 70000 is not a port an unprivileged server can listen "
                + "on (1024-65535)");
        cases.put("1-2-3", "embeddedPorts: '1-2-3' is not a port or a port range like 54320-54339");
        RawNode pom = mojo.givenConfiguration();
        cases.forEach((value, message) -> {
            mojo.configuration = pom.with("embeddedPorts", value);
            assertThatThrownBy(mojo::buildConfig).as(value).isInstanceOf(ConfigException.class).hasMessage(message);
        });
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void anUnknownOptionNamesTheRuleAndItsOptions(VerifyMojo mojo) {
        mojo.configuration = mojo.givenConfiguration().with("rules", RawXml.parse("<rules><rule>"
                + "<id>duplicate-index</id><options><minRows>10</minRows></options></rule></rules>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("rules[duplicate-index].options.minRows: unknown option for "
                        + "duplicate-index; it takes no options");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void aRuleConfiguredTwiceIsRefused(VerifyMojo mojo) {
        mojo.configuration = mojo.givenConfiguration().with("rules", RawXml.parse("<rules>"
                + "<rule><id>json-column</id><severity>warning</severity></rule>"
                + "<rule><id>json-column</id><severity>error</severity></rule></rules>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("rules[json-column]: configured twice");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipStopsBeforeAnythingStarts(VerifyMojo mojo) throws Exception {
        // would fail if anything were validated or started
        mojo.configuration = mojo.givenConfiguration().with("postgresVersion", "not a version");
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void reportFormatsAndTheirFolderAreConfigurable(VerifyMojo mojo) throws Exception {
        dev.dbcheck.report.ReportFiles all = mojo.buildConfig().reports();
        // by default the four every CI reads; gitlab, sonarqube and markdown are asked for by name
        assertThat(all.formats()).containsExactly(dev.dbcheck.report.ReportFormat.JSON,
                dev.dbcheck.report.ReportFormat.SARIF, dev.dbcheck.report.ReportFormat.JUNIT,
                dev.dbcheck.report.ReportFormat.HTML);
        assertThat(all.directory().toString()).endsWith("target/dbcheck".replace('/', java.io.File.separatorChar));
        RawNode pom = mojo.givenConfiguration();
        mojo.configuration = pom.with("formats", RawXml.parse("<formats><format>sarif,junit</format>"
                + "<format>HTML</format></formats>"));
        assertThat(mojo.buildConfig().reports().formats()).containsExactly(dev.dbcheck.report.ReportFormat.SARIF,
                dev.dbcheck.report.ReportFormat.JUNIT, dev.dbcheck.report.ReportFormat.HTML);
        mojo.configuration = pom.with("formats", "none");
        assertThat(mojo.buildConfig().reports().formats()).isEmpty();
        mojo.configuration = pom.with("formats", RawXml.parse("<formats><format>sarif</format><format>pdf</format>"
                + "</formats>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("formats: 'pdf' is not one of json, sarif, junit, html, gitlab, sonarqube, markdown (or none)");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void commandLinePropertiesWinOverThePom(VerifyMojo mojo) throws Exception {
        // the pom sets <postgresVersion>16</postgresVersion> and <failOn>warning</failOn>
        mojo.commandLine = Map.of("dbcheck.postgresVersion", "14", "dbcheck.failOn", "error",
                "dbcheck.dashboards.workMem", "64MB", "dbcheck.serverSettings.work_mem", "8MB");
        DbcheckConfig config = mojo.buildConfig();
        assertThat(config.database().postgresVersion()).startsWith("14.");
        assertThat(config.failOn()).isEqualTo(Severity.ERROR);
        assertThat(config.database().serverSettings()).containsEntry("work_mem", "8MB");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void aMisspeltSettingFailsNamingTheClosestOne(VerifyMojo mojo) {
        RawNode pom = mojo.givenConfiguration();
        mojo.configuration = pom.with("postgresVerison", "14");
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("postgresVerison: unknown setting (did you mean postgresVersion?); the "
                        + "settings are skip, failOn, ");
        mojo.configuration = pom.with("dashboards", RawXml.parse("<dashboards><wokMem>64MB</wokMem></dashboards>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dashboards.wokMem: unknown setting (did you mean workMem?)");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void numbersAreCheckedWithTheirKey(VerifyMojo mojo) {
        RawNode pom = mojo.givenConfiguration();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("maxFailuresShown=-1", "maxFailuresShown: '-1' is not from 0 to 10000");
        cases.put("dashboards.parallelWorkers=4294967298", "dashboards.parallelWorkers: '4294967298' is not from 0 "
                + "to 1024");
        cases.put("dashboards.loadFraction=NaN", "dashboards.loadFraction: 'NaN' is not above 0 and at most 1");
        cases.put("dashboards.runs=0", "dashboards.runs: '0' is not from 1 to 1000");
        cases.put("dataSampleRows=-5", "dataSampleRows: '-5' is not at least 0");
        cases.forEach((setting, message) -> {
            String[] kv = setting.split("=", 2);
            mojo.configuration = pom.with(kv[0], kv[1]);
            assertThatThrownBy(() -> {
                mojo.buildConfig();
                mojo.settings().get(Settings.MAX_FAILURES_SHOWN);
            }).as(setting).isInstanceOf(ConfigException.class).hasMessage(message);
        });
    }
}
