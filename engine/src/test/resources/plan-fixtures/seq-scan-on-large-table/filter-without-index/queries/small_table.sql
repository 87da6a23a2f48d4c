-- Look-alike: customers has 2,000 rows at the declared volume, under the threshold.
SELECT count(*) FROM customers WHERE region = 'EU'
