-- A composite key whose other columns belong to the whole key.
CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE warehouses (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE stock_levels (
    product_id   uuid REFERENCES products (id),
    warehouse_id uuid REFERENCES warehouses (id),
    quantity     int NOT NULL,
    reorder_at   int NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (product_id, warehouse_id)
);
