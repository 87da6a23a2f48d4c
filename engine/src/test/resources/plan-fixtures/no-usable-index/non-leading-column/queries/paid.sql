-- With sequential scans disabled the planner scans all of (created_at, status) for status: full mode finds the
-- sequential scan this is, and fast mode must not pass it.
SELECT id, total FROM orders -- expect: no-usable-index "has no usable index on public.orders (20,000 rows declared): with sequential scans disabled the planner reads all of index"
WHERE status = 'paid'
