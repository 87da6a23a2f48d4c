SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: table-rewrite "ACCESS EXCLUSIVE on public.orders (50,000 rows at the declared volume)"
