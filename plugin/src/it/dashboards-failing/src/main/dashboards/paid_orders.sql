-- name: paid_orders
-- status has no index: a sequential scan at 60,000 rows (and, in fast mode, no index that could serve it)
SELECT id, total
FROM orders
WHERE status = 'paid'
