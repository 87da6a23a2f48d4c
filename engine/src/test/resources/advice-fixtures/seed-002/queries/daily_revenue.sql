-- Seed 002's query 1: the last quarter's revenue per day.
-- expect-fix: ON public.orders (order_date)
SELECT order_date::date AS day, count(*) AS orders, sum(total_amount) AS revenue
FROM orders
WHERE order_date >= '2025-10-01' AND status <> 'cancelled'
GROUP BY 1
ORDER BY 1
