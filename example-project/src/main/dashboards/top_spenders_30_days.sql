-- name: top_spenders_30_days
-- The ten customers who spent most in the last 30 days. Aggregate the month's orders first (index-only on
-- orders_created_at_idx), then look up just the ten winners: joining users before aggregating would read all of
-- them.
-- param $1 = now() - interval '30 days'
-- budget: 1s
WITH spend AS (
    SELECT user_id, count(*) AS orders, sum(total_amount) AS total_spent
    FROM orders
    WHERE created_at >= $1
      AND status IN ('paid', 'shipped', 'delivered')
    GROUP BY user_id
    ORDER BY total_spent DESC
    LIMIT 10
)
SELECT u.id, u.email, u.full_name, s.orders, s.total_spent
FROM spend s
JOIN users u ON u.id = s.user_id
ORDER BY s.total_spent DESC
