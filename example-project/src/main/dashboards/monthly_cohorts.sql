-- name: monthly_cohorts
-- Average revenue per customer 3, 6 and 12 months after signup, by signup month, from the pre-aggregated
-- cohort_monthly_revenue (V7): a few hundred rows instead of every order.
SELECT s.cohort_month,
       s.customers,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.months_since_signup < 3), 0) / s.customers, 2)
           AS avg_revenue_3_months,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.months_since_signup < 6), 0) / s.customers, 2)
           AS avg_revenue_6_months,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.months_since_signup < 12), 0) / s.customers, 2)
           AS avg_revenue_12_months
FROM cohort_sizes s
LEFT JOIN cohort_monthly_revenue r ON r.cohort_month = s.cohort_month
GROUP BY s.cohort_month, s.customers
ORDER BY s.cohort_month DESC
