package dev.dbcheck.maven;

import dev.dbcheck.engine.RuleCatalog;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.RuleOption;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the rules with their category, default severity, summary and options: {@code mvn dbcheck:rules}. */
@Mojo(name = "rules", requiresProject = false, threadSafe = true)
public class RulesMojo extends org.apache.maven.plugin.AbstractMojo {

    @Override
    public void execute() {
        // columns as wide as their longest entry, so that the table stays aligned as rules and categories are added
        int id = "rule".length();
        int category = "category".length();
        for (RuleMetadata m : RuleCatalog.all()) {
            id = Math.max(id, m.id().length());
            category = Math.max(category, m.category().title().length());
        }
        String row = "%-" + id + "s  %-" + category + "s  %-8s  %s";
        getLog().info(String.format(row, "rule", "category", "severity", "summary"));
        for (RuleMetadata m : RuleCatalog.all()) {
            getLog().info(String.format(row, m.id(), m.category().title(), m.defaultSeverity().id(), m.summary()));
            for (RuleOption option : m.options()) {
                getLog().info(String.format("%-" + id + "s    option %s (default %s): %s", "", option.name(),
                        option.defaultValue(), option.description()));
            }
        }
        getLog().info("Docs: " + RuleMetadata.DOCS_BASE_URL);
    }
}
