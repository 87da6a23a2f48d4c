package dev.dbcheck.docs;

import dev.dbcheck.engine.Settings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings table of docs/configuration.md is {@link Settings#referenceTable()}: the declarations, not a copy
 * typed by hand. Rerun with {@code -Ddbcheck.updateDocs=true} to rewrite it.
 */
class ConfigurationDocsTest {

    static final Path DOC = Path.of("../docs/configuration.md");
    static final String START = "<!-- settings:start -->\n";
    static final String END = "<!-- settings:end -->";

    @Test
    void theSettingsTableIsGeneratedFromTheDeclarations() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(START) + START.length();
        int to = doc.indexOf(END);
        assertThat(from).as("markers in docs/configuration.md").isGreaterThan(START.length() - 1);
        String expected = Settings.referenceTable();
        if (Boolean.getBoolean("dbcheck.updateDocs")) {
            Files.writeString(DOC, doc.substring(0, from) + expected + doc.substring(to), StandardCharsets.UTF_8);
            doc = Files.readString(DOC, StandardCharsets.UTF_8);
            to = doc.indexOf(END);
        }
        assertThat(doc.substring(from, to)).as("docs/configuration.md's settings table is stale: run the tests with "
                + "-Ddbcheck.updateDocs=true").isEqualTo(expected);
    }
}
