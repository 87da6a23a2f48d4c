package dev.dbcheck.docs;

import dev.dbcheck.engine.Linter;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.migrate.PlainSqlMigrator;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.schema.SnapshotReader;
import dev.dbcheck.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/security-rules.md: its migration, run as dbcheck:verify runs it, reports exactly the findings it lists. */
class SecurityExampleTest {

    static final Path DOC = Path.of("../docs/security-rules.md");

    @Test
    void theExampleReportsWhatThePageSays() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String sql = between(doc, "<!-- security-example:start -->\n```sql\n", "```\n<!-- security-example:end -->");
        String listed = between(doc, "<!-- security-findings:start -->\n", "<!-- security-findings:end -->");
        List<String> expected = new ArrayList<>();
        Matcher item = Pattern.compile("(?m)^- `([a-z-]+)` on ").matcher(listed);
        while (item.find()) {
            expected.add(item.group(1));
        }
        try (TestPostgres.TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            PlainSqlMigrator.execute(c, sql, "docs/security-rules.md");
            Map<String, RuleMetadata> metadata = new HashMap<>();
            RuleCatalog.all().forEach(m -> metadata.put(m.id(), m));
            List<Finding> findings = new Linter(Map.of(), List.of(), List.of(), metadata).lint(c,
                    new SnapshotReader(List.of(), Set.of()).read(c), List.of(new MigrationScript(DOC,
                            "docs/security-rules.md", sql))).findings();
            List<String> security = findings.stream().filter(f -> RuleCatalog.byId(f.ruleId())
                    .map(m -> m.category() == Category.SECURITY).orElse(false)).map(Finding::ruleId).sorted().toList();
            assertThat(security).isEqualTo(expected.stream().sorted().toList());
            for (Finding f : findings) {
                if (f.fix() != null && f.fix().sql() && listed.contains(f.ruleId())
                        && RuleCatalog.byId(f.ruleId()).map(m -> m.category() == Category.SECURITY).orElse(false)) {
                    String fix = f.fixText().replaceAll(" --.*$", "");
                    assertThat(listed).as("the page shows the fix of %s", f.object().display()).contains(fix);
                }
            }
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertThat(from).as("marker %s", start.trim()).isNotNegative();
        return text.substring(from + start.length(), to);
    }
}
