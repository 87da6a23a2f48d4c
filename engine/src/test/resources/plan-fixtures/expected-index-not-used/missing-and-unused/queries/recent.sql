-- expect-index: orders_created_at_idx
-- The index exists, but wrapping the column in a function hides it from the planner.
SELECT id FROM orders WHERE date(created_at) = '2026-01-01' -- expect: expected-index-not-used "uses no index"
