-- Look-alike: the leading column is in the condition.
SELECT id FROM orders WHERE created_at >= now() - interval '1 day' AND status = 'paid'
