CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status      text NOT NULL,
    total       numeric(12,2) NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX orders_created_at_status_idx ON orders (created_at, status);
CREATE INDEX orders_cancelled_idx ON orders (created_at) WHERE status = 'cancelled';
