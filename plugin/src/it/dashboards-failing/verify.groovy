def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: ${text}" }
def dashboards = 'plugin/target/it/dashboards-failing/src/main/dashboards/'
def migration = 'plugin/target/it/dashboards-failing/src/main/resources/db/migration/V1__shop.sql'
// 1. full mode
expect('Synthetic data: public.orders 60,000 rows')
expect("ERROR [seq-scan-on-large-table] query paid_orders → public.orders — ${dashboards}paid_orders.sql:4 — query paid_orders reads public.orders (60,000 rows at the declared volume, threshold 10,000) with a sequential scan: Seq Scan on public.orders")
// full mode: the fix is the index built and measured on the loaded data (keyed on status, or partial on paid)
assert log =~ /query paid_orders reads public\.orders [^\n]* — fix: CREATE INDEX CONCURRENTLY orders_(status|paid)\w*_idx ON public\.orders \((status\)[^\n]*|[^\n]* WHERE status = 'paid'); -- measured: [0-9.]+ ms → [0-9.]+ ms, [A-Za-z ]+ Scan, [0-9.]+ [kMG]?B at the declared volume/
expect('Index advice (')
assert new File(basedir, 'target/dbcheck/advice.sql').text.contains('CREATE INDEX CONCURRENTLY') : 'advice.sql'
// fast mode: checked by the planner on the empty tables
expect('fix: CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders (status); -- checked by the planner (fast mode, no data): Bitmap Index Scan with sequential scans disabled')
expect("ERROR [temp-spill] query sorted_export → Sort — ${dashboards}sorted_export.sql:2 — ")
expect('Sort Method: external merge')
// inline queries point at their SQL in the pom
expect('ERROR [query-time-budget] query slow_report — plugin/target/it/dashboards-failing/pom.xml:55 — query slow_report takes ')
expect('over its 1 ms budget')
expect("ERROR [expected-index-not-used] query customer_lookup → orders_customer_id_idx — ${dashboards}customer_lookup.sql:4 — query customer_lookup expects index orders_customer_id_idx but its plan uses no index")
expect('ERROR [index-budget-exceeded] all indexes — all indexes together take ')
expect('over the budget of 1.0 MB.')
expect("ERROR [index-budget-exceeded] public.orders — ${migration}:7 — public.orders has 5 indexes, over the budget of 4 per table")
expect("WARNING [unused-index] public.orders_created_at_idx on public.orders(created_at) — ${migration}:17 — ")
expect("WARNING [unused-index] public.orders_note_idx on public.orders(note) — ${migration}:19 — ")
expect("WARNING [unused-index] public.orders_total_idx on public.orders(total) — ${migration}:20 — ")
// the report: a verdict per query and the index budget table
expect('Dashboard queries (65,000 synthetic rows in 2 tables loaded in ')
assert log =~ /paid_orders +[0-9.,]+ ms  seq-scan-on-large-table/
expect('Index budget (measured after the load → projected to the declared volume):')
assert log =~ /public\.orders +60,000 /
// 2. fast mode: nothing loaded, the access no index can serve
def fast = log.substring(log.lastIndexOf('Dashboard queries (fast mode'))
expect('Dashboard queries (fast mode: no data loaded, sequential scans disabled to test index use):')
assert fast.contains("ERROR [no-usable-index] query paid_orders → public.orders — ${dashboards}paid_orders.sql:4 — ")
assert !fast.contains('[temp-spill]') && !fast.contains('[query-time-budget]') : 'fast mode measures nothing'
assert !log.contains('\tat ') : 'a stack trace was printed'
def left = new File(basedir, 'target/pg').listFiles()?.findAll { it.name.startsWith('dbcheck-pg-') }
assert !left : "cluster directories left behind: ${left}"
return true
