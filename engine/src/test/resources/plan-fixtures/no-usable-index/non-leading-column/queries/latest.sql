-- Look-alike: rows in index order until the LIMIT.
SELECT id FROM orders ORDER BY created_at DESC LIMIT 10
