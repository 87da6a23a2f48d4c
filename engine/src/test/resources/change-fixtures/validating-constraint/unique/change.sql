SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_id_status_key UNIQUE (id, status); -- expect: validating-constraint "UNIQUE builds its index of public.orders"
