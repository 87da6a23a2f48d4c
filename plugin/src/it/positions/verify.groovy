def log = new File(basedir, 'build.log').text
def at = { String finding, String file, int line ->
    def text = finding + ' — plugin/target/it/positions/src/main/resources/db/migration/' + file + ':' + line + ' — '
    assert log.contains(text) : "build.log lacks: ${text}"
}
at('ERROR [missing-primary-key] public.audit_trail', 'V1__customers.sql', 6)          // table, first migration
at('ERROR [duplicate-index] public.orders_placed_idx on public.orders(placed_at)', 'V2__orders.sql', 9) // index
at('ERROR [foreign-key-without-index] public.orders(customer_id)', 'V3__changes.sql', 2) // constraint added later
at('ERROR [json-column] public.orders.notes', 'V3__changes.sql', 3)                    // column added later
at('WARNING [timestamp-without-time-zone] public.customers.created', 'V3__changes.sql', 5) // type changed later
assert log.contains('dbcheck: 4 errors, 1 warning, 0 info in 3 tables')
return true
