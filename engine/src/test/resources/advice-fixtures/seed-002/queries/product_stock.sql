-- Seed 002's query 4: one product's stock over the warehouses.
-- expect-fix: ON public.inventory (product_id
SELECT warehouse, quantity FROM inventory WHERE product_id = 77
