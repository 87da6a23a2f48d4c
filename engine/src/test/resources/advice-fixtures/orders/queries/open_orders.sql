-- 95% of the rows: no index beats reading the table, and none is printed.
-- expect-advice: no index helps
-- expect-advice: 95%
SELECT sum(total) FROM orders WHERE status <> 'cancelled'
