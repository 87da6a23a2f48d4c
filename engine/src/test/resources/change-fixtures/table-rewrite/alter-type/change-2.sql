SET lock_timeout = '2s';
-- the key's column: its index and constraint are rebuilt with the table, which is this rule's finding alone
ALTER TABLE order_lines ALTER COLUMN line TYPE bigint; -- expect: table-rewrite "rewrites public.order_lines and rebuilds 1 index"
