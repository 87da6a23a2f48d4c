-- Composite order: the equality column first, then the range.
-- expect-fix: ON public.orders (customer_id, created_at)
SELECT id, total FROM orders WHERE created_at >= '2025-06-01' AND customer_id = 42
