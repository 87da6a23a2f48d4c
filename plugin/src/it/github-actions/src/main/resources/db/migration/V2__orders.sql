CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id integer NOT NULL REFERENCES customers (id),
    payload     json
);

CREATE TABLE order_notes (
    order_id uuid NOT NULL,
    note     text NOT NULL
);
