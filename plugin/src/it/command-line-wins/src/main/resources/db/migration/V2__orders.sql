CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id uuid NOT NULL REFERENCES customers (id),
    details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
