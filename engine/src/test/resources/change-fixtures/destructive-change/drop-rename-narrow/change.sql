SET lock_timeout = '2s';
ALTER TABLE orders DROP COLUMN code; -- expect: destructive-change "DROP COLUMN public.orders.code"
ALTER TABLE customers RENAME COLUMN email TO email_address; -- expect: destructive-change "RENAME of column public.customers.email to email_address"
ALTER TABLE orders ALTER COLUMN quantity TYPE smallint; -- expect: destructive-change "narrows from integer to smallint"
DROP TABLE old_audit; -- expect: destructive-change "DROP TABLE public.old_audit"
ALTER TABLE orders RENAME TO purchases; -- expect: destructive-change "RENAME of public.orders to public.purchases"
