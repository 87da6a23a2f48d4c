-- name: daily_sales_stats
-- The leadership dashboard: the last 30 days from the materialized view (V6), one row per day.
-- budget: 100ms
SELECT sales_date, orders, customers, revenue, average_order_value, top_product_id, top_product_revenue
FROM daily_sales_stats
WHERE sales_date >= current_date - 30
ORDER BY sales_date DESC
