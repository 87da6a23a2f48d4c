SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0;
