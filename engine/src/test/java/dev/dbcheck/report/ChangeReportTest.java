package dev.dbcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.change.ChangeTrace;
import dev.dbcheck.change.LockMode;
import dev.dbcheck.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The change's trace in the JSON report (the whole record) and in the HTML report (the timeline). */
class ChangeReportTest {

    static final QualifiedName ORDERS = new QualifiedName("public", "orders");

    static RunResult withTrace() throws Exception {
        RunResult r = ReportFixture.run(0);
        ChangeTrace.HeldLock share = new ChangeTrace.HeldLock(ORDERS, "table", ORDERS, List.of(), LockMode.SHARE,
                true, 1_000_000, Duration.ofMillis(1400));
        ChangeTrace.TracedStatement index = new ChangeTrace.TracedStatement(new SourcePosition("V2__s.sql", 1),
                "CREATE INDEX orders_status_idx ON orders (status)", 1, true, Duration.ofMillis(1200), "0",
                List.of(share), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new ChangeTrace.Later(1, 2, Duration.ofMillis(150)));
        ChangeTrace.HeldLock exclusive = new ChangeTrace.HeldLock(ORDERS, "table", ORDERS, List.of(),
                LockMode.ACCESS_EXCLUSIVE, true, 1_000_000, Duration.ofMillis(200));
        ChangeTrace.TracedStatement drop = new ChangeTrace.TracedStatement(new SourcePosition("V2__s.sql", 2),
                "ALTER TABLE orders DROP COLUMN note", 1, true, Duration.ofMillis(150), "0", List.of(exclusive),
                List.of(ORDERS), List.of(), List.of(), List.of(), List.of(), List.of(new ChangeTrace.Destruction(
                ChangeTrace.Destruction.Kind.DROP_COLUMN, ORDERS, "note", "text", null)), ChangeTrace.Later.NONE);
        ChangeTrace trace = new ChangeTrace("the migrations added or changed since origin/main (merge base 1a2b3c)",
                Duration.ofMillis(500), 3, List.of("V2__s.sql"), List.of(index, drop), Map.of(ORDERS, 1_000_000L),
                Duration.ofSeconds(4), Duration.ofMillis(1400), null);
        return new RunResult(r.findings(), r.suppressed(), r.baselined(), r.staleBaseline(), r.snapshot(),
                r.timings(), r.database(), r.failOn(), r.rules(), r.dashboards(), r.advice(), trace);
    }

    @Test
    void theJsonReportHoldsTheWholeTrace() throws Exception {
        JsonNode change = new ObjectMapper().readTree(JsonReport.render(withTrace())).get("change");

        assertThat(change.get("basis").asText()).startsWith("the migrations added or changed since origin/main");
        assertThat(change.get("productionMigrations").asInt()).isEqualTo(3);
        assertThat(change.get("rows").get("public.orders").asLong()).isEqualTo(1_000_000L);
        JsonNode first = change.get("statements").get(0);
        assertThat(first.get("file").asText() + ":" + first.get("line").asInt()).isEqualTo("V2__s.sql:1");
        JsonNode lock = first.get("locks").get(0);
        assertThat(lock.get("mode").asText()).isEqualTo("SHARE");
        assertThat(lock.get("blocksWrites").asBoolean()).isTrue();
        assertThat(lock.get("blocksReads").asBoolean()).isFalse();
        assertThat(lock.get("heldMs").asDouble()).isEqualTo(1400.0);
        JsonNode second = change.get("statements").get(1);
        assertThat(second.get("rewritten").get(0).asText()).isEqualTo("public.orders");
        assertThat(second.get("destructive").get(0).get("kind").asText()).isEqualTo("drop_column");
        assertThat(new ObjectMapper().readTree(JsonReport.render(ReportFixture.run(0))).get("change").isNull())
                .as("a run without a change").isTrue();
    }

    @Test
    void theHtmlReportShowsTheStatementsOnATimelineWithTheirLocks() throws Exception {
        String html = HtmlReport.render(withTrace());

        assertThat(html).contains("<section id=\"change\">", "<h2>The change</h2>",
                "CREATE INDEX orders_status_idx ON orders (status)", "SHARE public.orders",
                "ACCESS EXCLUSIVE public.orders", "title=\"SHARE held 1.4 s: blocks writes\"",
                "title=\"ACCESS EXCLUSIVE held 200 ms: blocks reads and writes\"");
        // the index build ran first: its bar starts at 0, the drop's after 1.2 s of 1.35 s
        assertThat(html).contains("<div class=\"hold writes\" style=\"margin-left:0.00%;width:100.00%\"")
                .contains("<div class=\"run\" style=\"margin-left:88.89%;width:11.11%\"");
        assertThat(HtmlReport.render(ReportFixture.run(0))).doesNotContain("<section id=\"change\">");
    }
}
