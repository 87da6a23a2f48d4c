-- Orders reference a table that does not exist: the error must point at line 6.
CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id uuid NOT NULL REFERENCES customers (id),
    placed_at   timestamptz NOT NULL DEFAULT now(),
    shop_id     uuid NOT NULL REFERENCES shops (id)
);
