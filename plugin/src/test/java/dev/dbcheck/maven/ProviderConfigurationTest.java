package dev.dbcheck.maven;

import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.RawNode;
import dev.dbcheck.base.RawXml;
import dev.dbcheck.engine.DbcheckConfig;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

/**
 * The server and docker providers' pom elements and -D properties, and credentials from settings.xml — encrypted
 * ones included, decrypted by Maven's own SettingsDecrypter with a settings-security.xml master password.
 */
@MojoTest
class ProviderConfigurationTest {

    private static final String POM = "src/test/resources/unit/providers/pom.xml";

    @TempDir
    Path home;

    @AfterEach
    void forgetMaster() {
        System.clearProperty("settings.security");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void theServerComesFromThePomAndItsCredentialsFromSettingsXml(VerifyMojo mojo) throws Exception {
        settings(mojo, server("ci-db", "ci_user", "plain-secret-1"));
        DbcheckConfig config = mojo.buildConfig();
        assertThat(config.database().provider()).isEqualTo(DbcheckConfig.Provider.SERVER);
        dev.dbcheck.provision.server.ServerTarget server = config.database().server();
        assertThat(server.url()).isEqualTo("jdbc:postgresql://ci-db.internal:5432/postgres");
        assertThat(server.user()).isEqualTo("ci_user");
        assertThat(server.password()).isEqualTo("plain-secret-1");
        assertThat(server.credentialSource()).isEqualTo("settings.xml server 'ci-db'");
        assertThat(server.database()).isNull();
        assertThat(config.toString()).doesNotContain("plain-secret-1", "ci_user");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void anEncryptedPasswordIsDecryptedWithTheMasterPassword(VerifyMojo mojo) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = Files.writeString(home.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master-of-ci", "settings.security") + "</master></settingsSecurity>");
        System.setProperty("settings.security", security.toString());
        settings(mojo, server("ci-db", "ci_user", cipher.encryptAndDecorate("decrypted-secret-2", "master-of-ci")));
        assertThat(mojo.buildConfig().database().server().password()).isEqualTo("decrypted-secret-2");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void aPasswordThatCannotBeDecryptedNamesTheServerId(VerifyMojo mojo) throws Exception {
        System.setProperty("settings.security", home.resolve("missing-settings-security.xml").toString());
        settings(mojo, server("ci-db", "ci_user", "{Zm9vYmFyYmF6cXV4Cg==}"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.serverId: cannot decrypt the password of settings.xml server 'ci-db': ");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void anUnknownServerIdIsNamed(VerifyMojo mojo) throws Exception {
        settings(mojo, server("other", "ci_user", "x"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.serverId: settings.xml has no <server> with id 'ci-db' (looked in ");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void commandLinePropertiesWinOverThePom(VerifyMojo mojo) throws Exception {
        settings(mojo, server("ci-db", "ci_user", "x"), server("staging", "stage_user", "y"));
        mojo.commandLine = Map.of("dbcheck.server.url", "jdbc:postgresql://127.0.0.1:55432/postgres",
                "dbcheck.server.id", "staging", "dbcheck.server.database", "dbcheck_ci");
        dev.dbcheck.provision.server.ServerTarget server = mojo.buildConfig().database().server();
        assertThat(server.url()).isEqualTo("jdbc:postgresql://127.0.0.1:55432/postgres");
        assertThat(server.user()).isEqualTo("stage_user");
        assertThat(server.database()).isEqualTo("dbcheck_ci");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void theDockerImageDefaultsToTheOfficialImageOfTheMajor(VerifyMojo mojo) throws Exception {
        RawNode pom = mojo.givenConfiguration().with("provider", "docker");
        mojo.configuration = pom;
        assertThat(mojo.buildConfig().database().docker().image()).isEqualTo("postgis/postgis:17-3.5");
        mojo.commandLine = Map.of("dbcheck.docker.image", "registry.example.com/pg/postgres:17.6");
        assertThat(mojo.buildConfig().database().docker().image()).isEqualTo("registry.example.com/pg/postgres:17.6");
        mojo.commandLine = Map.of();
        mojo.configuration = pom.with("docker", RawNode.element("docker", List.of()));
        assertThat(mojo.buildConfig().database().docker().image()).isEqualTo("postgres:17");
        mojo.configuration = mojo.configuration.with("postgresVersion", "16.15.0");
        assertThat(mojo.buildConfig().database().docker().image()).isEqualTo("postgres:16.15");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void aMissingUrlNamesTheKeyAndTheProperty(VerifyMojo mojo) throws Exception {
        settings(mojo, server("ci-db", "ci_user", "x"));
        mojo.configuration = mojo.givenConfiguration().with("server", RawXml.parse("<server><serverId>ci-db"
                + "</serverId></server>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("server.url: provider server needs the server's JDBC URL: <server><url>jdbc:postgresql://"
                        + "host:5432/postgres</url></server> or -Ddbcheck.server.url");
    }

    private static Server server(String id, String user, String password) {
        Server s = new Server();
        s.setId(id);
        s.setUsername(user);
        s.setPassword(password);
        return s;
    }

    private static void settings(VerifyMojo mojo, Server... servers) {
        Settings settings = new Settings();
        for (Server s : servers) {
            settings.addServer(s);
        }
        when(mojo.session.getSettings()).thenReturn(settings);
    }
}
