-- Uses orders_customer_id_idx; orders_note_idx serves no query and no constraint. The unique index on customers
-- is a look-alike: it enforces something.
SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.customer_id = 42
