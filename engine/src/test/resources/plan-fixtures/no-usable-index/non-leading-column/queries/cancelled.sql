-- Look-alike: a partial index read whole, without an index condition, holds only the rows asked for.
SELECT id, created_at FROM orders WHERE status = 'cancelled'
