-- The lines of one order.
-- expect-fix: ON public.order_items (order_id
SELECT product_id, quantity, unit_price FROM order_items WHERE order_id = 4242
