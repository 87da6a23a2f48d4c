CREATE TABLE orders (
    id          uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES customers (id)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
