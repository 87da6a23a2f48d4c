package dev.dbcheck.place;

import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.RuleSettings;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.testing.Lint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionsTest {

    private static List<String> reported(Suppressions.Outcome outcome) {
        return outcome.findings().stream()
                .map(f -> f.ruleId() + " " + f.object().display() + (f.position() == null ? "" : " @" + f.position()))
                .toList();
    }

    private static List<String> silenced(Suppressions.Outcome outcome) {
        return outcome.suppressed().stream()
                .map(s -> s.finding().ruleId() + " " + s.finding().object().display() + " (" + s.suppression().reason() + ")")
                .toList();
    }

    @Test
    void aCommentOnTheLineOrTheLineBeforeSilencesThatColumnOnly() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__hooks.sql", String.join("\n",
                "CREATE TABLE hooks (",
                "    id uuid PRIMARY KEY,",
                "    body json NOT NULL, -- dbcheck:ignore json-column: the signature covers the exact bytes",
                "    -- dbcheck:ignore json-column: kept as sent for the audit trail",
                "    headers json,",
                "    extra json",
                ");")));
        assertThat(silenced(outcome)).containsExactlyInAnyOrder(
                "json-column public.hooks.body (the signature covers the exact bytes)",
                "json-column public.hooks.headers (kept as sent for the audit trail)");
        assertThat(reported(outcome)).containsExactly("json-column public.hooks.extra @V1__hooks.sql:6");
    }

    @Test
    void aCommentBeforeTheStatementCoversEverythingItCreates() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__legacy.sql", String.join("\n",
                "-- dbcheck:ignore missing-primary-key, json-column: imported as-is from the old system, dropped in Q3",
                "CREATE TABLE legacy_events (",
                "    payload json,",
                "    meta json",
                ");")));
        assertThat(silenced(outcome)).hasSize(3);
        assertThat(reported(outcome)).isEmpty();
    }

    @Test
    void aSuppressionWithoutReasonSilencesNothingAndIsReported() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql", String.join("\n",
                "CREATE TABLE t (",
                "    id uuid PRIMARY KEY,",
                "    body json -- dbcheck:ignore json-column",
                ");")));
        assertThat(outcome.suppressed()).isEmpty();
        assertThat(reported(outcome)).containsExactly(
                "invalid-suppression V1__t.sql @V1__t.sql:3",
                "json-column public.t.body @V1__t.sql:3");
        Finding invalid = outcome.findings().get(0);
        assertThat(invalid.severity()).isEqualTo(Severity.ERROR);
        assertThat(invalid.message()).isEqualTo("suppression of json-column at V1__t.sql:3 gives no reason, so it "
                + "silences nothing: write dbcheck:ignore json-column: <why this is acceptable>");
    }

    @Test
    void aSuppressionNamingAnUnknownRuleIsReported() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql",
                "CREATE TABLE t (id uuid PRIMARY KEY, body json); -- dbcheck:ignore json-columns: typo"));
        assertThat(reported(outcome)).containsExactly("invalid-suppression V1__t.sql @V1__t.sql:1",
                "json-column public.t.body @V1__t.sql:1");
        assertThat(outcome.findings().get(0).message()).contains("names unknown rule(s) json-columns");
    }

    @Test
    void aSuppressionThatMatchesNothingIsReportedAsUnused() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql", String.join("\n",
                "CREATE TABLE t (",
                "    id uuid PRIMARY KEY,",
                "    body jsonb, -- dbcheck:ignore json-column, missing-primary-key: was json once",
                "    created timestamp -- dbcheck:ignore timestamp-without-time-zone: local opening hours",
                ");")));
        assertThat(silenced(outcome)).containsExactly(
                "timestamp-without-time-zone public.t.created (local opening hours)");
        assertThat(reported(outcome)).containsExactly("unused-suppression V1__t.sql @V1__t.sql:3");
        assertThat(outcome.findings().get(0).message()).isEqualTo("suppression of json-column, missing-primary-key "
                + "at V1__t.sql:3 (\"was json once\") matches no finding any more: remove it");
    }

    @Test
    void suppressionsOfASwitchedOffRuleAreNotUnused() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql",
                        "CREATE TABLE t (id uuid PRIMARY KEY, name varchar(20)); -- dbcheck:ignore varchar-length: api limit"),
                Map.of(), List.of());
        assertThat(reported(outcome)).isEmpty();
    }

    @Test
    void databaseCommentsSuppressTheirObject() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql", String.join("\n",
                "CREATE TABLE raw_imports (payload json, received timestamp);",
                "COMMENT ON TABLE raw_imports IS 'Landing table. dbcheck:ignore missing-primary-key: append-only, read once';",
                "COMMENT ON COLUMN raw_imports.payload IS 'dbcheck:ignore json-column: stored byte for byte';",
                "COMMENT ON COLUMN raw_imports.received IS 'dbcheck:ignore timestamp-without-time-zone';")));
        assertThat(silenced(outcome)).containsExactlyInAnyOrder(
                "missing-primary-key public.raw_imports (append-only, read once)",
                "json-column public.raw_imports.payload (stored byte for byte)");
        assertThat(reported(outcome)).containsExactly(
                "invalid-suppression public.raw_imports.received @V1__t.sql:1",
                "timestamp-without-time-zone public.raw_imports.received @V1__t.sql:1");
        assertThat(outcome.findings().get(0).message()).contains("at the comment on public.raw_imports.received");
    }

    @Test
    void theMetaRulesFollowTheirConfiguredSeverity() throws Exception {
        Suppressions.Outcome outcome = Lint.run(Lint.scripts("V1__t.sql",
                        "CREATE TABLE t (id uuid PRIMARY KEY, body jsonb); -- dbcheck:ignore json-column: old"),
                Map.of("unused-suppression", new RuleSettings(Severity.OFF, Map.of(), List.of(), List.of())), List.of());
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void parsesTheSyntax() {
        assertThat(SuppressionSyntax.parse("no marker here")).isNull();
        SuppressionSyntax.Parsed p = SuppressionSyntax.parse("x dbcheck:ignore a-rule,b-rule c-rule:  because   we can ");
        assertThat(p.ruleIds()).containsExactly("a-rule", "b-rule", "c-rule");
        assertThat(p.reason()).isEqualTo("because we can");
        assertThat(SuppressionSyntax.parse("dbcheck:ignore a-rule:   ").reason()).isNull();
    }
}
