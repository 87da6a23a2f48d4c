package dev.dbcheck.testing;

import dev.dbcheck.base.EngineLog;
import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.provision.embedded.ServerUser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Started in a separate JVM by tests: starts a server in the given work directory, prints
 * {@code READY <postmaster pid> <cluster dir>} and then either exits without closing it (the shutdown hook must
 * clean up) or waits to be killed.
 */
public final class ServerInChildJvm {

    public static void main(String[] args) throws Exception {
        Path workRoot = Path.of(args[0]);
        String mode = args[1];
        EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.installation(), ServerUser.choose(null, true),
                workRoot, Map.of(), Duration.ofSeconds(60), EngineLog.SILENT);
        System.out.println("READY " + server.pid() + " " + server.directory());
        System.out.flush();
        if (mode.equals("exit")) {
            System.exit(0); // no close(): the JVM's shutdown hook must stop the server and delete the directory
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
