-- The seeds' DenormalizedOrder, as a table.
CREATE TABLE orders (
    order_id          uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_name     text NOT NULL,
    customer_email    text NOT NULL,
    customer_address  text NOT NULL,
    items             text NOT NULL,
    total             numeric(10, 2) NOT NULL
);
