-- allow-seq-scan: orders  the yearly report reads every order
SELECT sum(total) FROM orders
