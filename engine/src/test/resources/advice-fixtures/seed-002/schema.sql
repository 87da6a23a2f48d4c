-- Seed 002's analytics schema before its fix: keys only, and the six dashboard queries in queries/.
CREATE TABLE customers (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    signed_up   date NOT NULL
);
CREATE TABLE products (
    product_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    category   text NOT NULL
);
CREATE TABLE orders (
    order_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (customer_id),
    order_date   timestamptz NOT NULL,
    status       text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    total_amount numeric(12,2) NOT NULL
);
CREATE TABLE order_items (
    order_item_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      bigint NOT NULL REFERENCES orders (order_id),
    product_id    bigint NOT NULL REFERENCES products (product_id),
    quantity      integer NOT NULL CHECK (quantity > 0),
    unit_price    numeric(12,2) NOT NULL
);
CREATE TABLE inventory (
    inventory_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   bigint NOT NULL REFERENCES products (product_id),
    warehouse    text NOT NULL,
    quantity     integer NOT NULL
);
