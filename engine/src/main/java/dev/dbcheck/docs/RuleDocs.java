package dev.dbcheck.docs;

import dev.dbcheck.rule.Category;
import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the parts of {@code docs/rules/} that come from rule metadata: the catalogue ({@code README.md}) and, in
 * each rule's page, the block between the generated markers (title, summary, category, default severity, why it
 * matters, options). The rest of a page (bad and good SQL, notes) is written by hand around it.
 *
 * <p>Run {@code java -cp <rules jar + deps> dev.dbcheck.docs.RuleDocs docs/rules}, or the docs test with
 * {@code -Ddbcheck.updateDocs=true}.
 */
public final class RuleDocs {

    public static final String START = "<!-- generated from rule metadata: do not edit by hand -->";
    public static final String END = "<!-- end of generated part -->";

    private RuleDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/rules");
        write(dir);
    }

    /** Brings the catalogue and every page's generated block up to date; creates missing pages from a skeleton. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("README.md"), catalogue(), StandardCharsets.UTF_8);
        for (RuleMetadata rule : RuleCatalog.all()) {
            Path page = dir.resolve(rule.id() + ".md");
            String existing = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : skeleton();
            Files.writeString(page, withGeneratedBlock(existing, rule), StandardCharsets.UTF_8);
        }
    }

    /** The rule catalogue: every rule by category, with its default severity. */
    public static String catalogue() {
        StringBuilder md = new StringBuilder("# Rules\n\n")
                .append("Every rule dbcheck ships, with its default severity. Change a severity, set options or ")
                .append("limit a rule to some objects in the pom (see [configuration](../configuration.md)); ")
                .append("`mvn dbcheck:rules` prints this list.\n");
        for (Category category : Category.values()) {
            List<RuleMetadata> rules = RuleCatalog.all().stream().filter(m -> m.category() == category).toList();
            if (rules.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(category.title()).append("\n\n")
                    .append("| Rule | Default severity | Finds |\n|---|---|---|\n");
            for (RuleMetadata m : rules) {
                md.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ")
                        .append(m.defaultSeverity().id()).append(" | ").append(m.summary()).append(" |\n");
            }
        }
        return md.toString();
    }

    /** The generated block of one rule's page. */
    public static String generatedBlock(RuleMetadata m) {
        StringBuilder md = new StringBuilder(START).append("\n# ").append(m.id()).append("\n\n")
                .append(m.summary()).append("\n\n")
                .append("- Category: ").append(m.category().title()).append('\n')
                .append("- Default severity: `").append(m.defaultSeverity().id()).append("`\n\n")
                .append("## Why it matters\n\n").append(m.rationale()).append("\n\n")
                .append("## Options\n\n");
        if (m.options().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Option | Default | Values | Effect |\n|---|---|---|---|\n");
            for (RuleOption o : m.options()) {
                String values = o.allowedValues().isEmpty() ? o.type().name().toLowerCase(java.util.Locale.ROOT)
                        : String.join(", ", o.allowedValues());
                md.append("| `").append(o.name()).append("` | `").append(cell(o.defaultValue())).append("` | ")
                        .append(cell(values)).append(" | ").append(cell(o.description())).append(" |\n");
            }
        }
        if (m.category() == Category.SUPPRESSIONS) {
            md.append("\n## Configuring\n\nThese findings are about suppressions themselves and cannot be suppressed "
                    + "inline; set their severity in the pom (see [configuration](../configuration.md)).\n");
            return md.append(END).append('\n').toString();
        }
        if (m.category() == Category.QUERY_PLANS) {
            md.append("\n## Suppressing\n\n")
                    .append("For one query, with a reason, in its file: on the line the finding points at (or the line "
                            + "before), or among the comments above the query:\n\n")
                    .append("```sql\n-- dbcheck:ignore ").append(m.id()).append(": <why this is acceptable here>\n```\n\n")
                    .append("Findings about a table or an index are suppressed like schema findings, on the line of "
                            + "the migration that creates it. To turn the rule off or change its limits, use "
                            + "`<severity>` and `<options>` in the pom (see [configuration](../configuration.md) and "
                            + "[dashboard queries](../dashboards.md)).\n");
            return md.append(END).append('\n').toString();
        }
        md.append("\n## Suppressing\n\n")
                .append("For one object, with a reason, on the line that creates it (or the line before), or in the "
                        + "statement's leading comment:\n\n")
                .append("```sql\n-- dbcheck:ignore ").append(m.id()).append(": <why this is acceptable here>\n```\n\n")
                .append("or in a database comment: `COMMENT ON TABLE t IS 'dbcheck:ignore ").append(m.id())
                .append(": <why>';`. For whole schemas, use `<excludes>` or `<severity>off</severity>` in the pom "
                        + "(see [configuration](../configuration.md)).\n");
        return md.append(END).append('\n').toString();
    }

    /** Text for a Markdown table cell: a pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The page with its generated block replaced (or put first when it has none). */
    public static String withGeneratedBlock(String page, RuleMetadata m) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < 0) {
            return generatedBlock(m) + "\n" + page;
        }
        return page.substring(0, start) + generatedBlock(m) + page.substring(end + END.length() + 1);
    }

    private static String skeleton() {
        return "## Bad\n\n```sql\n```\n\n## Good\n\n```sql\n```\n";
    }
}
