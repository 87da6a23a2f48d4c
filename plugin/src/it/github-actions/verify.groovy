def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// workflow commands at the start of a line, not behind Maven's [ERROR] prefix
def annotations = lines.findAll { it.startsWith('::error ') }
assert annotations.size() == 4 : "annotations: ${annotations}"
assert annotations.contains('::error file=plugin/target/it/github-actions/src/main/resources/db/migration/V2__orders.sql,line=3,title=[foreign-key-without-index] public.orders(customer_id)::foreign key orders_customer_id_fkey (customer_id) → public.customers(id) has no supporting index on public.orders: each DELETE or key UPDATE on public.customers scans public.orders for referencing rows, and joins on customer_id cannot use an index.%0AFix: CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);')
def summary = new File(basedir, 'step-summary.md').text
assert summary.startsWith('## dbcheck\n\n**Failed**: 4 errors, 0 warnings, 0 info in 3 tables (failing at error).')
// only the chosen formats
def dir = new File(basedir, 'target/dbcheck')
assert new File(dir, 'dbcheck.sarif').isFile()
assert new File(dir, 'junit/TEST-dbcheck.keys.xml').isFile()
assert !new File(dir, 'dbcheck.html').exists() && !new File(dir, 'dbcheck.json').exists()
assert log.contains('Reports: dbcheck.sarif, junit/ in ')
return true
