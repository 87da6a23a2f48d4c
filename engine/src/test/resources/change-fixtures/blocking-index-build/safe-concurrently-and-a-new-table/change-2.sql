SET lock_timeout = '2s';
CREATE TABLE refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders,
    amount numeric(12, 2) NOT NULL
);
CREATE INDEX refunds_order_id_idx ON refunds (order_id);
