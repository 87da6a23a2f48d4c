SELECT id, total FROM orders WHERE status = 'refunded' ORDER BY created_at DESC LIMIT 20 -- expect: query-matches-no-rows "(orders: none of 20,000 rows matched"
