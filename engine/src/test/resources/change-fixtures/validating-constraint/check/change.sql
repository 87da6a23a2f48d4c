SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0); -- expect: validating-constraint "CHECK reads every row of public.orders under ACCESS EXCLUSIVE"
