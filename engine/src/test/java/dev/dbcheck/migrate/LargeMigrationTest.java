package dev.dbcheck.migrate;

import dev.dbcheck.provision.embedded.EmbeddedPostgres;
import dev.dbcheck.testing.RunInChildJvm;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data migration of 50 MB (half a million rows of INSERTs, as a seed or a pg_dump with data writes them) runs
 * in a JVM of 400 MB heap: dbcheck scans scripts statement by statement and keeps none of their tokens (it needed
 * 2.2 GB when every stage split whole scripts at once).
 */
class LargeMigrationTest {

    @Test
    void aFiftyMegabyteMigrationRunsInFourHundredMegabytesOfHeap(@TempDir Path project) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__customers.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY, "
                + "name text NOT NULL, email text NOT NULL, note text);\n", StandardCharsets.UTF_8);
        long size = 0;
        int id = 0;
        try (BufferedWriter out = Files.newBufferedWriter(migrations.resolve("V2__seed.sql"), StandardCharsets.UTF_8)) {
            while (size < 50L * 1024 * 1024) {
                StringBuilder insert = new StringBuilder("INSERT INTO customers (id, name, email, note) VALUES\n");
                for (int row = 0; row < 100; row++) {
                    id++;
                    insert.append(row == 0 ? "" : ",\n").append("(").append(id).append(", 'Customer ").append(id)
                            .append("', 'c").append(id).append("@example.com', 'a note about customer ").append(id)
                            .append(" that is fairly long')");
                }
                insert.append(";\n");
                out.write(insert.toString());
                size += insert.length();
            }
        }
        EmbeddedPostgres server = TestPostgres.server();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx400m", "-cp", System.getProperty("java.class.path"), RunInChildJvm.class.getName(),
                project.toString(), server.jdbcUrl("postgres"), server.password())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).as("the run finished, the table there").contains("OK ").doesNotContain("OutOfMemoryError");
    }
}
