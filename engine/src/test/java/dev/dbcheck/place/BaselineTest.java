package dev.dbcheck.place;

import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Finding;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.sql.QualifiedName;
import dev.dbcheck.base.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @TempDir
    Path dir;

    private static final QualifiedName ORDERS = new QualifiedName("public", "orders");

    private static Finding finding(String rule, DbObject object, int line) {
        return new Finding(rule, Severity.ERROR, object, "m", "f", new SourcePosition("db/V2__orders.sql", line));
    }

    @Test
    void writesSortedEntriesWithoutLineNumbersOnePerLine() throws Exception {
        Baseline baseline = Baseline.of(List.of(
                finding("json-column", DbObject.column(ORDERS, "payload"), 14),
                finding("foreign-key-without-index", DbObject.constraint(ORDERS, "orders_user_fkey", List.of("user_id")), 3),
                finding("json-column", DbObject.column(ORDERS, "payload"), 14)));
        Path file = dir.resolve("dbcheck-baseline.json");
        baseline.write(file);
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "dbcheckBaseline": 1,
                  "comment": "Findings accepted when this baseline was written: dbcheck:verify fails only on findings not listed here. Regenerate with dbcheck baseline; remove entries as they are fixed.",
                  "findings": [
                    {"rule":"foreign-key-without-index","object":"constraint:public.orders.orders_user_fkey","file":"db/V2__orders.sql"},
                    {"rule":"json-column","object":"column:public.orders.payload","file":"db/V2__orders.sql"}
                  ]
                }
                """);
        assertThat(Baseline.read(file, "b.json")).isEqualTo(baseline);
    }

    @Test
    void acceptsKnownFindingsWhateverTheirLineAndListsStaleEntries() {
        Baseline baseline = Baseline.of(List.of(
                finding("json-column", DbObject.column(ORDERS, "payload"), 14),
                finding("missing-primary-key", DbObject.table(new QualifiedName("public", "gone")), 2)));
        Baseline.Applied applied = baseline.apply(List.of(
                finding("json-column", DbObject.column(ORDERS, "payload"), 40), // moved lines: still the same finding
                finding("json-column", DbObject.column(ORDERS, "extra"), 41)));
        assertThat(applied.baselined()).extracting(f -> f.object().name()).containsExactly("payload");
        assertThat(applied.findings()).extracting(f -> f.object().name()).containsExactly("extra");
        assertThat(applied.stale()).extracting(Baseline.Entry::object).containsExactly("table:public.gone");
    }

    @Test
    void aBrokenFileIsNamedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("b.json"), "{\"findings\": 3}");
        assertThatThrownBy(() -> Baseline.read(file, "dbcheck-baseline.json")).isInstanceOf(DbcheckException.class)
                .hasMessage("dbcheck-baseline.json: not a dbcheck baseline (no \"findings\" array); regenerate it with "
                        + "dbcheck baseline");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> Baseline.read(file, "dbcheck-baseline.json")).isInstanceOf(DbcheckException.class)
                .hasMessageStartingWith("dbcheck-baseline.json:1: not a dbcheck baseline (Unexpected character");
    }
}
