-- Look-alike: a top-N sort keeps ten rows in memory.
-- allow-seq-scan: orders  the top ten by total
SELECT id FROM orders ORDER BY total DESC LIMIT 10
