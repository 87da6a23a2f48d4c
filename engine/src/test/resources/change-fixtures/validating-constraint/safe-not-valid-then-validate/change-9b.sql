SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_id_status_key UNIQUE USING INDEX orders_id_status_key;
