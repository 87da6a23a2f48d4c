CREATE TABLE orders (
    id         uuid PRIMARY KEY DEFAULT uuidv7(),
    total      numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX orders_created_at_idx ON orders (created_at);
