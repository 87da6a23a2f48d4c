-- two index changes without a lock on the table, and a column: Flyway (mixed unset) refuses the mix
DROP INDEX CONCURRENTLY ${app_schema}.orders_status_idx;
ALTER TABLE ${app_schema}.orders ADD COLUMN note text;
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON ${app_schema}.orders (placed_at);
