CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL, sku text NOT NULL UNIQUE);
CREATE TABLE orders (id uuid PRIMARY KEY);
CREATE TABLE order_items (
    order_id     uuid REFERENCES orders (id),
    product_id   uuid REFERENCES products (id),
    product_name text NOT NULL, -- expect: partial-key-dependency
    quantity     int NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
