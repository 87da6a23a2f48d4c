--liquibase formatted sql

-- What change types cannot say — a procedure, materialized views — is formatted SQL: each changeSet's statements
-- as written, a procedure's body in one piece (splitStatements:false keeps its semicolons inside it).

--changeset arcane:checkout-1 splitStatements:false
-- The atomic checkout. Each stocked product row is locked with SELECT ... FOR UPDATE, so two buyers of the last
-- item queue behind each other instead of both succeeding. Short stock raises an exception, which rolls the
-- whole order back. Every inventory change is written to audit_logs with the row before and after, as JSONB.
--
--   CALL process_order('<user id>', '[{"product_id": "<id>", "quantity": 2}]', NULL);
CREATE OR REPLACE PROCEDURE process_order(
    p_user_id  uuid,
    p_items    jsonb,
    INOUT p_order_id uuid DEFAULT NULL
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_item    record;
    v_before  inventory%ROWTYPE;
    v_after   inventory%ROWTYPE;
    v_price   numeric(12, 2);
    v_total   numeric(12, 2) := 0;
BEGIN
    IF jsonb_typeof(p_items) IS DISTINCT FROM 'array' OR jsonb_array_length(p_items) = 0 THEN
        RAISE EXCEPTION 'an order needs at least one item' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO orders (user_id, status) VALUES (p_user_id, 'pending') RETURNING id INTO p_order_id;

    FOR v_item IN
        SELECT (e ->> 'product_id')::uuid AS product_id, (e ->> 'quantity')::integer AS quantity
        FROM jsonb_array_elements(p_items) AS e
        ORDER BY 1 -- lock rows in one global order, so concurrent checkouts cannot deadlock
    LOOP
        SELECT * INTO v_before FROM inventory WHERE product_id = v_item.product_id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'product % is not stocked', v_item.product_id USING ERRCODE = 'no_data_found';
        END IF;
        IF v_before.quantity < v_item.quantity THEN
            RAISE EXCEPTION 'insufficient stock for product %: % requested, % available',
                v_item.product_id, v_item.quantity, v_before.quantity
                USING ERRCODE = 'check_violation';
        END IF;

        UPDATE inventory
        SET quantity = quantity - v_item.quantity, updated_at = now()
        WHERE product_id = v_item.product_id
        RETURNING * INTO v_after;

        INSERT INTO audit_logs (table_name, record_id, action, old_data, new_data)
        VALUES ('inventory', v_item.product_id, 'UPDATE', to_jsonb(v_before), to_jsonb(v_after));

        SELECT price INTO v_price FROM products WHERE id = v_item.product_id;
        INSERT INTO order_items (order_id, product_id, quantity, unit_price)
        VALUES (p_order_id, v_item.product_id, v_item.quantity, v_price);
        v_total := v_total + v_price * v_item.quantity;
    END LOOP;

    UPDATE orders SET total_amount = v_total, status = 'paid' WHERE id = p_order_id;
END;
$$;

--changeset arcane:reporting-1
-- The leadership dashboard reads one row per day from here instead of aggregating orders on every page view.
CREATE MATERIALIZED VIEW daily_sales_stats AS
WITH paid AS (
    SELECT o.id, o.user_id, o.total_amount, (o.created_at AT TIME ZONE 'UTC')::date AS sales_date
    FROM orders o
    WHERE o.status IN ('paid', 'shipped', 'delivered')
),
product_revenue AS (
    SELECT p.sales_date, oi.product_id, sum(oi.quantity * oi.unit_price) AS revenue
    FROM paid p
    JOIN order_items oi ON oi.order_id = p.id
    GROUP BY p.sales_date, oi.product_id
),
top_product AS (
    SELECT DISTINCT ON (sales_date) sales_date, product_id, revenue
    FROM product_revenue
    ORDER BY sales_date, revenue DESC, product_id
)
SELECT p.sales_date,
       count(*)                                   AS orders,
       count(DISTINCT p.user_id)                  AS customers,
       sum(p.total_amount)                        AS revenue,
       round(avg(p.total_amount), 2)              AS average_order_value,
       max(t.product_id::text)::uuid              AS top_product_id,
       max(t.revenue)                             AS top_product_revenue
FROM paid p
LEFT JOIN top_product t ON t.sales_date = p.sales_date
GROUP BY p.sales_date;

-- REFRESH MATERIALIZED VIEW CONCURRENTLY needs a unique index: readers keep the old rows while it runs.
CREATE UNIQUE INDEX daily_sales_stats_sales_date_idx ON daily_sales_stats (sales_date);

--changeset arcane:reporting-2 splitStatements:false
CREATE OR REPLACE PROCEDURE refresh_daily_sales_stats()
LANGUAGE sql
AS $$
    REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales_stats;
$$;

--changeset arcane:reporting-3
-- Revenue per signup cohort and month of customer life, pre-aggregated for the cohort dashboard: a cohort report
-- over every order would read the whole orders table on each page view. One row per (cohort month, months since
-- signup): a few hundred rows however many orders there are. Refreshed nightly, like daily_sales_stats.
CREATE MATERIALIZED VIEW cohort_monthly_revenue AS
SELECT date_trunc('month', u.registered_at AT TIME ZONE 'UTC')::date AS cohort_month,
       (extract(year FROM age(o.created_at, u.registered_at)) * 12
        + extract(month FROM age(o.created_at, u.registered_at)))::integer AS months_since_signup,
       count(DISTINCT o.user_id) AS buyers,
       sum(o.total_amount) AS revenue
FROM orders o
JOIN users u ON u.id = o.user_id
WHERE o.status IN ('paid', 'shipped', 'delivered')
  AND o.created_at >= u.registered_at
GROUP BY 1, 2;

CREATE UNIQUE INDEX cohort_monthly_revenue_key ON cohort_monthly_revenue (cohort_month, months_since_signup);

-- Cohort sizes: how many customers joined each month, the denominator of "average revenue per customer".
CREATE MATERIALIZED VIEW cohort_sizes AS
SELECT date_trunc('month', registered_at AT TIME ZONE 'UTC')::date AS cohort_month, count(*) AS customers
FROM users
GROUP BY 1;

CREATE UNIQUE INDEX cohort_sizes_key ON cohort_sizes (cohort_month);

--changeset arcane:reporting-4 splitStatements:false
CREATE OR REPLACE PROCEDURE refresh_cohort_revenue()
LANGUAGE sql
AS $$
    REFRESH MATERIALIZED VIEW CONCURRENTLY cohort_sizes;
    REFRESH MATERIALIZED VIEW CONCURRENTLY cohort_monthly_revenue;
$$;
