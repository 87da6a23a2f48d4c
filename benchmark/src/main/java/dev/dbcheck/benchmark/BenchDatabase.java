package dev.dbcheck.benchmark;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.ProvisionedDatabase;
import dev.dbcheck.provision.embedded.EmbeddedOptions;
import dev.dbcheck.provision.embedded.EmbeddedProvider;
import dev.dbcheck.provision.embedded.MavenRepositoryResolver;
import dev.dbcheck.provision.embedded.PortRange;
import dev.dbcheck.provision.embedded.PostgresInstallation;
import dev.dbcheck.provision.embedded.PostgresVersions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** An embedded server for a benchmark, started the way dbcheck:verify starts it. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static ProvisionedDatabase start(String major, Map<String, String> settings) throws Exception {
        return new EmbeddedProvider(new EmbeddedOptions(PostgresVersions.resolve(major, "postgresVersion"), null, null,
                settings, Duration.ofSeconds(120), null, PortRange.ANY), MavenRepositoryResolver.defaults(EngineLog.SILENT))
                .provision(EngineLog.SILENT);
    }

    /** The JDBC URL of another database on the same server. */
    static String jdbcUrl(ProvisionedDatabase db, String database) {
        return db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    static Connection connect(ProvisionedDatabase db, String database) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", db.user());
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        return java.sql.DriverManager.getConnection(jdbcUrl(db, database), p);
    }

    /** Opens connections to another database on the server, as a snapshot's second session does (dbcheck:verify). */
    static dev.dbcheck.base.ConnectionOpener opener(ProvisionedDatabase db, String database) {
        return () -> ProvisionedDatabase.open(jdbcUrl(db, database), db.user(), db.password());
    }

    static void execute(ProvisionedDatabase db, String... statements) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
