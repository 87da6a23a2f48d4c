ALTER TABLE orders
    ADD COLUMN notes json,
    ADD COLUMN coupon text;

ALTER TABLE orders ADD CONSTRAINT orders_coupon_check CHECK (coupon <> '');

ALTER TABLE orders ALTER COLUMN status TYPE varchar(20);

CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);

ALTER TABLE orders RENAME COLUMN coupon TO voucher;
