-- Look-alike: with a threshold of 50,000 rows the 20,000 orders may be scanned.
SELECT id FROM orders WHERE status = 'paid'
