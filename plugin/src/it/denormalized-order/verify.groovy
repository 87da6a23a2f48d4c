def log = new File(basedir, 'build.log').text
def at = 'plugin/target/it/denormalized-order/src/main/resources/db/migration/V1__orders.sql:'
assert log.contains('Loaded 1 sample data file(s)')
// every count of the seeds' critique: customer data repeated per order (schema and data evidence), items not atomic
assert log.contains('WARNING [copied-attribute] public.orders.customer_name — ' + at + '4 — 3NF: customer_name, customer_email, customer_address in public.orders describe a customer, not an order')
assert log.contains('WARNING [transitive-dependency] public.orders.customer_name — ' + at + '4 — 3NF (from the data): in 80 rows, each customer_name has exactly one customer_email and one customer_address')
assert log.contains('WARNING [list-valued-column] public.orders.items — ' + at + '7 — 1NF (from the data): public.orders.items holds lists')
assert log.contains('dbcheck: 0 errors, 3 warnings, 0 info in 1 tables')
return true
