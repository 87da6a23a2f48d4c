-- In fast mode (no data, sequential scans disabled) no index can serve this filter.
SELECT id FROM orders -- expect: no-usable-index "has no usable index on public.orders"
WHERE status = 'paid'
