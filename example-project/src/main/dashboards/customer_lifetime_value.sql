-- name: customer_lifetime_value
-- Customer lifetime value for the customers who joined in one month: every order with the customer's first
-- purchase (MIN ... OVER) and the running revenue (SUM ... OVER ... ORDER BY). One cohort per page.
-- param $1 = date_trunc('month', now() - interval '6 months')
-- expect-index: orders_user_id_created_at_idx
WITH cohort AS (
    SELECT id
    FROM users
    WHERE registered_at >= $1
      AND registered_at < $1 + interval '1 month'
)
SELECT o.user_id,
       o.created_at,
       o.total_amount,
       MIN(o.created_at) OVER (PARTITION BY o.user_id) AS first_purchase_at,
       SUM(o.total_amount) OVER (PARTITION BY o.user_id ORDER BY o.created_at) AS lifetime_revenue
FROM cohort c
JOIN orders o ON o.user_id = c.id
WHERE o.status IN ('paid', 'shipped', 'delivered')
ORDER BY o.user_id, o.created_at
