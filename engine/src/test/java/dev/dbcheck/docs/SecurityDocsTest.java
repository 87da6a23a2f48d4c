package dev.dbcheck.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md names, for every boundary, the tests that hold it: each named test method exists (in the
 * engine's or the plugin's tests), and each named bad-input case is in the catalogue. A renamed or deleted test
 * fails here instead of leaving the page to promise what nothing checks.
 */
class SecurityDocsTest {

    private static final Path DOC = Path.of("../docs/security.md");
    /** {@code `ClassTest.method`}, then {@code , `otherMethod`} of the same class. */
    private static final Pattern FIRST = Pattern.compile("`([A-Z][A-Za-z]*(?:Test|IT))\\.([a-z][A-Za-z]*)`");
    private static final Pattern MORE = Pattern.compile("\\G(?:, |,\\s*`?)`([a-z][A-Za-z]*)`");
    private static final Pattern CASE = Pattern.compile("cases? ((?:`[a-z0-9-]+`(?:, )?)+)");

    @Test
    void everyTestThePageNamesExists() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> named = new ArrayList<>();
        Matcher first = FIRST.matcher(doc);
        while (first.find()) {
            String type = first.group(1);
            named.add(type + "." + first.group(2));
            Matcher more = MORE.matcher(doc);
            more.region(first.end(), doc.length());
            while (more.lookingAt()) {
                named.add(type + "." + more.group(1));
                more.region(more.end(), doc.length());
            }
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(15);
        for (String test : named) {
            String type = test.substring(0, test.indexOf('.'));
            String method = test.substring(test.indexOf('.') + 1);
            Path source = find(type);
            assertThat(source).as("docs/security.md names %s: its class", test).isNotNull();
            assertThat(Files.readString(source)).as("docs/security.md names %s: its method", test)
                    .containsPattern("void " + method + "\\(");
        }
    }

    @Test
    void everyCaseThePageNamesIsInTheCatalogue() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String catalogue = Files.readString(Path.of("../docs/troubleshooting.md"), StandardCharsets.UTF_8);
        Matcher cases = CASE.matcher(doc);
        int count = 0;
        while (cases.find()) {
            for (String id : cases.group(1).replace("`", "").split(", ")) {
                assertThat(catalogue).as("case %s", id).contains("| `" + id + "` |");
                count++;
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
    }

    private static Path find(String type) throws IOException {
        for (Path root : List.of(Path.of("src/test/java"), Path.of("../plugin/src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                Path hit = files.filter(p -> p.getFileName().toString().equals(type + ".java")).findFirst()
                        .orElse(null);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
