-- The price and the name as they were when ordered: deliberate snapshots.
CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL, price numeric(12, 2) NOT NULL);
CREATE TABLE orders (id uuid PRIMARY KEY);
CREATE TABLE order_items (
    order_id      uuid REFERENCES orders (id),
    product_id    uuid REFERENCES products (id),
    quantity      int NOT NULL,
    unit_price    numeric(12, 2) NOT NULL,
    name_at_order text NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
