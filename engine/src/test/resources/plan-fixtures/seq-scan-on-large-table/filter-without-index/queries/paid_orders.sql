-- The filter has no index: every row of orders is read to find the paid ones.
SELECT id, total
FROM orders -- expect: seq-scan-on-large-table "with a sequential scan"
WHERE status = 'paid' AND total > 500
