SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN discount numeric(12, 2);
