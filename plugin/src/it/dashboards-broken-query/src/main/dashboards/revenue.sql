-- name: revenue
-- param $1 = now() - interval '7 days'
SELECT date_trunc('day', created_at) AS day,
       sum(total_amount) AS revenue
FROM orders
WHERE created_at >= $1
GROUP BY 1
