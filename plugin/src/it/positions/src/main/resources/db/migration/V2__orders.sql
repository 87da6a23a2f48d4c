-- orders and the indexes the dashboards need
CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id uuid NOT NULL,
    placed_at   timestamptz NOT NULL
);

CREATE INDEX orders_placed_at_idx ON orders (placed_at);
CREATE INDEX orders_placed_idx ON orders (placed_at);
