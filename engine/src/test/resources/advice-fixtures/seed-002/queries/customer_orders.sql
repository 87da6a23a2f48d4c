-- Seed 002's customer lookup: one customer's orders, newest first.
-- expect-fix: ON public.orders (customer_id
SELECT order_id, order_date, total_amount
FROM orders
WHERE customer_id = 1234 AND status <> 'cancelled'
ORDER BY order_date DESC
