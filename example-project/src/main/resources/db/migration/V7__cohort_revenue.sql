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

CREATE OR REPLACE PROCEDURE refresh_cohort_revenue()
LANGUAGE sql
AS $$
    REFRESH MATERIALIZED VIEW CONCURRENTLY cohort_sizes;
    REFRESH MATERIALIZED VIEW CONCURRENTLY cohort_monthly_revenue;
$$;
