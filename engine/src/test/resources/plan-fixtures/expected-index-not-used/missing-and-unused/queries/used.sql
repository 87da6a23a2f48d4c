-- expect-index: orders_customer_id_idx
-- Look-alike: the plan uses the index it expects.
SELECT id FROM orders WHERE customer_id = 42
