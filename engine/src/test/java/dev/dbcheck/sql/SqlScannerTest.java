package dev.dbcheck.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScannerTest {

    @Test
    void splitsOnSemicolonsOutsideStringsCommentsAndBodies() {
        String sql = String.join("\n",
                "CREATE TABLE a (x text DEFAULT 'a;b');  -- trailing; note",
                "/* block; /* nested; */ still comment; */",
                "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$",
                "BEGIN",
                "  RETURN 1; -- inside the body",
                "END $body$;",
                "SELECT E'it\\'s; here', \"odd;name\" FROM t; SELECT $$x;y$$;",
                "DO $$ BEGIN PERFORM 1; END $$;");
        List<SqlStatement> statements = SqlScanner.split(sql);
        assertThat(statements).extracting(SqlStatement::startLine).containsExactly(1, 3, 7, 7, 8);
        assertThat(statements.get(0).text()).isEqualTo("CREATE TABLE a (x text DEFAULT 'a;b')");
        assertThat(statements.get(0).comments()).extracting(SqlComment::text).containsExactly("trailing; note");
        assertThat(statements.get(1).comments()).extracting(SqlComment::text)
                .containsExactly("block; /* nested; */ still comment;");
        assertThat(statements.get(1).endLine()).isEqualTo(6);
        assertThat(statements.get(2).tokens()).extracting(SqlToken::value)
                .containsExactly("select", "it's; here", ",", "odd;name", "from", "t");
        assertThat(statements.get(3).tokens().get(1).value()).isEqualTo("x;y");
        assertThat(statements.get(4).startsWith("do")).isTrue();
    }

    @Test
    void keepsSqlStandardFunctionBodiesTogether() {
        String sql = String.join("\n",
                "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql",
                "BEGIN ATOMIC",
                "  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;",
                "  SELECT 1;",
                "END;",
                "SELECT 2;");
        List<SqlStatement> statements = SqlScanner.split(sql);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).endLine()).isEqualTo(5);
        assertThat(statements.get(1).startLine()).isEqualTo(6);
    }

    @Test
    void foldsUnquotedIdentifiersAndKeepsQuotedOnes() {
        List<SqlToken> tokens = SqlScanner.tokenize("CREATE TABLE \"Order Items\" (Qty int, \"Qty\" int)");
        assertThat(tokens).extracting(SqlToken::value)
                .containsExactly("create", "table", "Order Items", "(", "qty", "int", ",", "Qty", "int", ")");
        assertThat(tokens.get(2).type()).isEqualTo(SqlToken.Type.QUOTED_IDENTIFIER);
    }

    @Test
    void mapsAnErrorPositionToItsLine() {
        SqlStatement statement = SqlScanner.split("\n\nCREATE TABLE t (\n  id int,\n  x nosuchtype\n);").get(0);
        int position = statement.text().indexOf("nosuchtype") + 1;
        assertThat(statement.lineOfPosition(position)).isEqualTo(5);
    }

    @Test
    void unterminatedConstructsRunToTheEndWithoutFailing() {
        assertThat(SqlScanner.split("SELECT 'open")).hasSize(1);
        assertThat(SqlScanner.split("SELECT $$ open")).hasSize(1);
        assertThat(SqlScanner.split("SELECT 1 /* open")).hasSize(1);
        assertThat(SqlScanner.split("")).isEmpty();
        assertThat(SqlScanner.split(";;  ;")).isEmpty();
    }
}
