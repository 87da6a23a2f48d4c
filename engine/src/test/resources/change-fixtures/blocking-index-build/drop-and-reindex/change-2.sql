SET lock_timeout = '2s';
REINDEX INDEX orders_number_key; -- expect: blocking-index-build "REINDEX without CONCURRENTLY"
