CREATE TABLE customers (
    id     uuid PRIMARY KEY DEFAULT uuidv7(),
    email  text NOT NULL UNIQUE,
    region text NOT NULL
);

CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id uuid NOT NULL REFERENCES customers (id),
    status      text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),
    total       numeric(12, 2) NOT NULL CHECK (total >= 0),
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_created_at_idx ON orders (created_at);
-- indexed "just in case": no query reads by note or by total
CREATE INDEX orders_note_idx ON orders (note);
CREATE INDEX orders_total_idx ON orders (total);
