SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: validating-constraint "FOREIGN KEY reads every row of public.orders under SHARE ROW EXCLUSIVE"
