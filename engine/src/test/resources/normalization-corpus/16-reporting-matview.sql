-- A denormalized reporting table as a materialized view: derived data, refreshed, not a source of truth.
CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE);
CREATE TABLE orders (id uuid PRIMARY KEY, customer_id uuid NOT NULL REFERENCES customers (id), total numeric(12, 2) NOT NULL);
CREATE MATERIALIZED VIEW customer_order_summaries AS
SELECT c.id AS customer_id, c.name AS customer_name, c.email AS customer_email, count(o.id) AS total_orders,
       sum(o.total) AS total_spent
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name, c.email;
CREATE UNIQUE INDEX customer_order_summaries_key ON customer_order_summaries (customer_id);
