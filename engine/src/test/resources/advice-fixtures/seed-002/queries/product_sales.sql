-- Seed 002's query 2, for one product: its units and revenue.
-- expect-fix: ON public.order_items (product_id
SELECT sum(quantity) AS units, sum(quantity * unit_price) AS revenue FROM order_items WHERE product_id = 77
