SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN note SET NOT NULL; -- expect: validating-constraint "SET NOT NULL on public.orders.note reads every row"
