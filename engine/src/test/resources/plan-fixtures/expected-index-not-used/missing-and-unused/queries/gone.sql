-- expect-index: orders_status_idx
-- allow-seq-scan: orders  the test is about the missing index
SELECT id FROM orders WHERE status = 'paid' -- expect: expected-index-not-used "which does not exist"
