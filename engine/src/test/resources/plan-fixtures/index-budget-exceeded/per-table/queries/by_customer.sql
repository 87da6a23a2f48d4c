SELECT id FROM orders WHERE customer_id = 42
