-- Look-alike: the customer's orders come from an index.
SELECT id, total FROM orders WHERE customer_id = 42
