-- 'refunded' is no value the declared distribution has: the index scan finds nothing, in no time
SELECT count(*), sum(total) FROM orders WHERE status = 'refunded' -- expect: query-matches-no-rows "ran on 0 rows at the declared volume: its plan says little; check its parameters and the declared distributions (orders: none of 20,000 rows matched (orders.status = 'refunded'::text))"
