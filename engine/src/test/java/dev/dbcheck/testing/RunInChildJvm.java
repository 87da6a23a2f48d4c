package dev.dbcheck.testing;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.engine.Dbcheck;
import dev.dbcheck.engine.DbcheckConfig;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.report.RunResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Started in a separate JVM by tests that limit its heap: one whole run of the project in {@code args[0]} on the
 * server at {@code args[1]} (the test JVM's own, as the server provider sees it; superuser password in
 * {@code args[2]}), printing {@code OK <findings> <tables>}.
 */
public final class RunInChildJvm {

    public static void main(String[] args) throws Exception {
        DbcheckConfig config = DbcheckConfig.builder(Path.of(args[0])).set("provider", "server")
                .set("server.url", args[1]).serverCredentials(EmbeddedPostgres.SUPERUSER, args[2], "test")
                .set("formats", List.of("none")).build();
        RunResult result = new Dbcheck(config, (g, a, v) -> null, List.of()).check(EngineLog.SILENT, false);
        System.out.println("OK " + result.findings().size() + " " + result.snapshot().tables().size());
        System.exit(0);
    }
}
