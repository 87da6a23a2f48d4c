-- Look-alike: a whole read the query allows.
-- allow-seq-scan: orders  counts every order on purpose
SELECT count(*) FROM orders
