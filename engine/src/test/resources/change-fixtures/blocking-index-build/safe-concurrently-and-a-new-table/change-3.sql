DROP INDEX CONCURRENTLY orders_customer_id_idx;
REINDEX INDEX CONCURRENTLY orders_number_key;
