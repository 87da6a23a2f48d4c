-- Look-alike: an index serves it.
SELECT id FROM orders WHERE customer_id = 42
