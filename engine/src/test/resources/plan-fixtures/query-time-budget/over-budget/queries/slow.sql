-- budget: 1ms
-- allow-seq-scan: orders  measured for its time only
SELECT status, count(*), sum(total) FROM orders GROUP BY status -- expect: query-time-budget "over its 1 ms budget"
