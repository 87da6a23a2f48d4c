-- expect-index: orders_customer_id_idx
-- allow-seq-scan: orders  the cast is the bug this query shows
-- param $1 = (SELECT id::text FROM customers LIMIT 1)
SELECT id, total
FROM orders
WHERE customer_id::text = $1
