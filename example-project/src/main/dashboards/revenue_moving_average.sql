-- name: revenue_moving_average
-- Daily revenue of the last 90 days with its 7-day moving average, smoothing weekday and weekend noise.
-- param $1 = now() - interval '90 days'
-- expect-index: orders_created_at_idx
WITH daily AS (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
           sum(total_amount) AS revenue
    FROM orders
    WHERE created_at >= $1
      AND status IN ('paid', 'shipped', 'delivered')
    GROUP BY 1
)
SELECT day,
       revenue,
       round(avg(revenue) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW), 2) AS revenue_7_day_average
FROM daily
ORDER BY day
