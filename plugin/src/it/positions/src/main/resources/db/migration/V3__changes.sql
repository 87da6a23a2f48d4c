ALTER TABLE orders
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
    ADD COLUMN notes json;

ALTER TABLE customers ALTER COLUMN created TYPE timestamp;
