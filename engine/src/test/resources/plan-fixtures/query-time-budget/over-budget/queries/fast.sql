-- Look-alike: a primary-key lookup well inside the default budget.
SELECT total FROM orders WHERE id = 7
