SET lock_timeout = '2s';
CREATE UNIQUE INDEX CONCURRENTLY orders_id_status_key ON orders (id, status);
