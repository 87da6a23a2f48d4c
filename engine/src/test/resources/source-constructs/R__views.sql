CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY 1;
CREATE MATERIALIZED VIEW order_days AS SELECT placed_at::date AS day, count(*) AS n FROM orders GROUP BY 1;
