-- Look-alike: a rare value the data has (5%) is matched, even if its count is small.
SELECT count(*) FROM orders WHERE status = 'cancelled'
