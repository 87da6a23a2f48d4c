-- A range that keeps 96% of the rows: the candidates on created_at are built and measured, the planner still reads
-- the table, and no index is printed as the fix.
-- expect-advice: none removed this
SELECT sum(total) FROM orders WHERE created_at >= '2024-02-01'
