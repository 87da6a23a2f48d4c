CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, region text NOT NULL);
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    total       numeric(12,2) NOT NULL,
    note        text,
    created_at  timestamptz NOT NULL
);
