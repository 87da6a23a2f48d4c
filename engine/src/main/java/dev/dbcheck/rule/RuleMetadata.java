package dev.dbcheck.rule;

import java.util.List;
import java.util.Optional;

/**
 * Everything said about a rule, in one place: the rule catalogue, the reports and the docs pages are all made
 * from it.
 *
 * @param id              stable kebab-case id, used in configuration, suppressions and baselines
 * @param category        group it is listed under
 * @param defaultSeverity severity when the pom does not set one
 * @param summary         one line: what it finds
 * @param rationale       why it matters, a short paragraph
 * @param options         the options it accepts
 * @param helpUri         where its documentation lives, when not in dbcheck's docs (custom rules); else null
 */
public record RuleMetadata(String id, Category category, Severity defaultSeverity, String summary, String rationale,
                           List<RuleOption> options, String helpUri) {

    /** Where the rule's page lives, relative to the repository root. */
    public static final String DOCS_DIRECTORY = "docs/rules";
    /** The public location of the docs pages, used in reports that link to them. */
    public static final String DOCS_BASE_URL = "https://github.com/dbcheck/dbcheck/blob/main/docs/rules/";

    /** A built-in rule, documented under docs/rules. */
    public RuleMetadata(String id, Category category, Severity defaultSeverity, String summary, String rationale,
                        List<RuleOption> options) {
        this(id, category, defaultSeverity, summary, rationale, options, null);
    }

    public RuleMetadata {
        options = List.copyOf(options);
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
    }

    public String docsUrl() {
        return helpUri != null ? helpUri : DOCS_BASE_URL + id + ".md";
    }

    public Optional<RuleOption> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
