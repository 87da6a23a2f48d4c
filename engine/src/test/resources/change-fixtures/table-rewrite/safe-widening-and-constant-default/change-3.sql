SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN code TYPE text;
