package dev.dbcheck.postgres;

import dev.dbcheck.engine.EngineLog;
import dev.dbcheck.postgres.embedded.EmbeddedProvider;
import dev.dbcheck.postgres.embedded.MavenRepositoryResolver;
import dev.dbcheck.postgres.embedded.PortRange;
import dev.dbcheck.postgres.embedded.PostgresInstallation;
import dev.dbcheck.postgres.embedded.PostgresVersions;
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
        EmbeddedProvider provider = new EmbeddedProvider(version, MavenRepositoryResolver.defaults(EngineLog.SILENT),
                PostgresInstallation.defaultCacheDirectory(), Path.of(System.getProperty("java.io.tmpdir")), Map.of(),
                Duration.ofSeconds(120), null, PortRange.ANY);
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
