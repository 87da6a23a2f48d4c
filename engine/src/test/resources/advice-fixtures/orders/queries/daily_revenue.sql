-- A month of a two-year range, summed per day: the index covering total reads no table page.
-- expect-fix: INCLUDE (total)
SELECT created_at::date AS day, sum(total) FROM orders WHERE created_at >= '2025-12-01' GROUP BY 1
