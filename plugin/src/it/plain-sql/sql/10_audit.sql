-- Applied after 2_orders.sql: names are compared with their numbers as numbers.
CREATE TABLE audit (
    id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid REFERENCES orders (id),
    body    jsonb
);
CREATE INDEX audit_order_id_idx ON audit (order_id);
