package dev.dbcheck.maven;

import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleMetadata;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvn dbcheck:rules} lists every rule of the catalogue with its category and default severity. */
class RulesMojoTest {

    @Test
    void listsEveryRuleWithItsCategoryAndSeverity() {
        List<String> lines = new ArrayList<>();
        RulesMojo mojo = new RulesMojo();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        mojo.execute();
        for (RuleMetadata m : RuleCatalog.all()) {
            assertThat(lines).as("a line for %s", m.id()).anyMatch(l -> l.startsWith(m.id() + " ")
                    && l.contains(m.category().title()) && l.contains(m.defaultSeverity().id()));
        }
        assertThat(lines).anyMatch(l -> l.startsWith("security-definer-search-path ") && l.contains("Security")
                && l.contains("error"));
        assertThat(lines).anyMatch(l -> l.startsWith("naming-convention ") && l.contains("Naming") && l.contains("off"));
        // one column each: every rule's category starts where the header's does, whatever the longest id or title
        int column = lines.get(0).indexOf("category");
        for (RuleMetadata m : RuleCatalog.all()) {
            String line = lines.stream().filter(l -> l.startsWith(m.id() + " ")).findFirst().orElseThrow();
            assertThat(line.indexOf(m.category().title(), m.id().length())).as(line).isEqualTo(column);
        }
    }
}
