-- Look-alike: a join whose result is small but whose scans read rows.
SELECT c.region, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' GROUP BY c.region
