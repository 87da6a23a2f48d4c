-- volumes: orders=50000; customers=1000
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL CHECK (customer_id BETWEEN 1 AND 1000),
    status text NOT NULL,
    number text NOT NULL UNIQUE,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    total numeric(12, 2) NOT NULL,
    code varchar(20),
    note text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE old_audit (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL);
CREATE TABLE order_lines (
    order_id bigint NOT NULL,
    line integer NOT NULL,
    PRIMARY KEY (order_id, line)
);
