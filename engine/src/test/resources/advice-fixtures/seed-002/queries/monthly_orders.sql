-- Seed 002's query 6, narrowed to a quarter: served by the same index as daily_revenue.
SELECT date_trunc('month', order_date) AS month, count(*) AS orders
FROM orders
WHERE order_date >= '2025-07-01' AND order_date < '2025-10-01'
GROUP BY 1
ORDER BY 1
