-- 5% of the rows: a partial index holds only them (a full index on status would hold every row).
-- expect-fix: WHERE status = 'pending'
SELECT count(*), sum(total) FROM orders WHERE status = 'pending'
