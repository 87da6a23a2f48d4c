SET lock_timeout = '2s';
CREATE INDEX orders_status_idx ON orders (status); -- expect: blocking-index-build "CREATE INDEX without CONCURRENTLY takes SHARE on public.orders (50,000 rows at the declared volume) held"
