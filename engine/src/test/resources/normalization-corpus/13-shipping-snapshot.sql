-- Where this order went, at the time: the order's own data, not a copy of the customer's address.
CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL, address text NOT NULL);
CREATE TABLE orders (
    id               uuid PRIMARY KEY,
    customer_id      uuid NOT NULL REFERENCES customers (id),
    shipping_name    text NOT NULL,
    shipping_address text NOT NULL,
    shipping_city    text NOT NULL,
    placed_at        timestamptz NOT NULL
);
