package dev.dbcheck.place;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceIndexTest {

    private static final QualifiedName ORDERS = new QualifiedName("public", "orders");

    private static int line(SourceIndex index, DbObject object) {
        return index.positionOf(object).map(SourcePosition::line).orElse(-1);
    }

    @Test
    void findsTablesColumnsConstraintsAndIndexesAcrossFiles() {
        SourceIndex index = SourceIndex.empty();
        index.add("V1__orders.sql", String.join("\n",
                "-- orders",
                "CREATE TABLE IF NOT EXISTS public.orders (",
                "    id uuid PRIMARY KEY,",
                "    customer_id uuid CONSTRAINT orders_customer_fk REFERENCES customers (id),",
                "    total numeric,",
                "    CONSTRAINT orders_total_positive CHECK (total >= 0),",
                "    UNIQUE (customer_id, total)",
                ");",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON ONLY orders USING btree (total);"));
        index.add("V2__more.sql", String.join("\n",
                "ALTER TABLE orders ADD COLUMN note json, ADD CONSTRAINT orders_note_check CHECK (note IS NOT NULL);",
                "ALTER TABLE ONLY orders",
                "    ALTER COLUMN total TYPE numeric(12, 2);",
                "ALTER TABLE orders RENAME COLUMN note TO remark;"));

        assertThat(index.positionOf(DbObject.table(ORDERS))).contains(new SourcePosition("V1__orders.sql", 2));
        assertThat(line(index, DbObject.column(ORDERS, "id"))).isEqualTo(3);
        assertThat(line(index, DbObject.column(ORDERS, "total"))).as("last changed by ALTER COLUMN").isEqualTo(3);
        assertThat(index.positionOf(DbObject.column(ORDERS, "total")).orElseThrow().path()).isEqualTo("V2__more.sql");
        assertThat(line(index, DbObject.column(ORDERS, "remark"))).as("renamed").isEqualTo(1);
        assertThat(line(index, DbObject.constraint(ORDERS, "orders_customer_fk", List.of("customer_id")))).isEqualTo(4);
        assertThat(line(index, DbObject.constraint(ORDERS, "orders_total_positive", List.of("total")))).isEqualTo(6);
        assertThat(line(index, DbObject.constraint(ORDERS, "orders_customer_id_total_key",
                List.of("customer_id", "total")))).as("unnamed unique, found by columns").isEqualTo(7);
        assertThat(line(index, DbObject.constraint(ORDERS, "orders_pkey", List.of("id")))).isEqualTo(3);
        assertThat(line(index, DbObject.index(ORDERS, "orders_total_idx", List.of("total")))).isEqualTo(9);
        assertThat(line(index, DbObject.index(ORDERS, "orders_pkey", List.of("id"))))
                .as("the index behind a constraint").isEqualTo(3);
    }

    @Test
    void followsPartitionsViewsRoutinesAndDrops() {
        SourceIndex index = SourceIndex.empty();
        index.add("V1.sql", String.join("\n",
                "CREATE TABLE events (id uuid, at timestamptz) PARTITION BY RANGE (at);",
                "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
                "CREATE MATERIALIZED VIEW daily AS SELECT 1 AS n;",
                "CREATE OR REPLACE PROCEDURE app.checkout(p uuid) LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;",
                "DO $$ BEGIN EXECUTE 'CREATE TABLE hidden (id int)'; END $$;",
                "CREATE TABLE gone (id int); DROP TABLE IF EXISTS gone CASCADE;",
                "CREATE TABLE \"Mixed Case\" (\"Id\" int);"));
        assertThat(line(index, DbObject.table(new QualifiedName("public", "events_2026")))).isEqualTo(2);
        assertThat(line(index, DbObject.materializedView(new QualifiedName("public", "daily")))).isEqualTo(3);
        assertThat(line(index, DbObject.function(new QualifiedName("app", "checkout")))).isEqualTo(4);
        assertThat(index.positionOf(DbObject.table(new QualifiedName("public", "hidden")))).isEmpty();
        assertThat(index.positionOf(DbObject.table(new QualifiedName("public", "gone")))).isEmpty();
        assertThat(line(index, DbObject.column(new QualifiedName("public", "Mixed Case"), "Id"))).isEqualTo(7);
    }

    @Test
    void aStatementItCannotReadIsSkipped() {
        SourceIndex index = SourceIndex.empty();
        index.add("V1.sql", "CREATE TABLE (;\nALTER TABLE;\nCREATE TABLE ok (id int);");
        assertThat(line(index, DbObject.table(new QualifiedName("public", "ok")))).isEqualTo(3);
    }
}
