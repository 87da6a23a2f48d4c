-- A copy of the customer's name in an order line, reached through the order: reported once, on orders' copy.
CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE);
CREATE TABLE orders (
    id            uuid PRIMARY KEY,
    customer_id   uuid NOT NULL REFERENCES customers (id),
    customer_name text NOT NULL -- expect: copied-attribute, duplicated-personal-data
);
CREATE TABLE order_notes (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id), body text NOT NULL);
