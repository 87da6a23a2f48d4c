SET lock_timeout = '2s';
-- the primary key's index and constraint are dropped and built again with the table: table-rewrite's finding, not
-- a constraint added to a table in use
ALTER TABLE order_lines ALTER COLUMN line TYPE bigint;
