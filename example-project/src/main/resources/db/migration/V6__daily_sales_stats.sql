-- The leadership dashboard reads one row per day from here instead of aggregating orders on every page view.
CREATE MATERIALIZED VIEW daily_sales_stats AS
WITH paid AS (
    SELECT o.id, o.user_id, o.total_amount, (o.created_at AT TIME ZONE 'UTC')::date AS sales_date
    FROM orders o
    WHERE o.status IN ('paid', 'shipped', 'delivered')
),
product_revenue AS (
    SELECT p.sales_date, oi.product_id, sum(oi.quantity * oi.unit_price) AS revenue
    FROM paid p
    JOIN order_items oi ON oi.order_id = p.id
    GROUP BY p.sales_date, oi.product_id
),
top_product AS (
    SELECT DISTINCT ON (sales_date) sales_date, product_id, revenue
    FROM product_revenue
    ORDER BY sales_date, revenue DESC, product_id
)
SELECT p.sales_date,
       count(*)                                   AS orders,
       count(DISTINCT p.user_id)                  AS customers,
       sum(p.total_amount)                        AS revenue,
       round(avg(p.total_amount), 2)              AS average_order_value,
       max(t.product_id::text)::uuid              AS top_product_id,
       max(t.revenue)                             AS top_product_revenue
FROM paid p
LEFT JOIN top_product t ON t.sales_date = p.sales_date
GROUP BY p.sales_date;

-- REFRESH MATERIALIZED VIEW CONCURRENTLY needs a unique index: readers keep the old rows while it runs.
CREATE UNIQUE INDEX daily_sales_stats_sales_date_idx ON daily_sales_stats (sales_date);

CREATE OR REPLACE PROCEDURE refresh_daily_sales_stats()
LANGUAGE sql
AS $$
    REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales_stats;
$$;
