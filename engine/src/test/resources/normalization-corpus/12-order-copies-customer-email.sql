CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE);
CREATE TABLE orders (
    id             uuid PRIMARY KEY,
    customer_id    uuid NOT NULL REFERENCES customers (id),
    customer_email text NOT NULL, -- expect: copied-attribute, duplicated-personal-data
    placed_at      timestamptz NOT NULL
);
