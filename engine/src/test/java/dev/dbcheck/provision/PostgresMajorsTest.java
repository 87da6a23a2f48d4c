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
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
