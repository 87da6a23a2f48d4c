def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: ${text}" }
// Paths are relative to the repository root: this project sits in plugin/target/it/ of the dbcheck repository.
def at = { String finding, String path -> expect(finding + ' — plugin/target/it/headline-violations/' + path) }
at('ERROR [serial-primary-key] public.customers.id', 'src/main/resources/db/migration/V1__customers.sql:2 — ')
at('ERROR [foreign-key-without-index] public.orders(customer_id)', 'src/main/resources/db/migration/V2__orders.sql:3 — ')
expect('CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);')
at('ERROR [json-column] public.orders.payload', 'src/main/resources/db/migration/V2__orders.sql:4 — ')
expect('ALTER TABLE public.orders ALTER COLUMN payload TYPE jsonb USING payload::jsonb;')
at('ERROR [missing-primary-key] public.order_notes', 'src/main/resources/db/migration/V2__orders.sql:7 — ')
expect('dbcheck: 4 errors, 0 warnings, 0 info in 3 tables')
// The build's last lines say why it failed, not only "see above".
def tail = log.substring(log.lastIndexOf('BUILD FAILURE'))
assert tail.contains('dbcheck found 4 findings at or above error:')
assert tail.contains('[missing-primary-key] public.order_notes')
assert !log.contains('\tat ') : 'a stack trace was printed'
// every report format by default, written although the build failed
def reports = new File(basedir, 'target/dbcheck')
['dbcheck.json', 'dbcheck.sarif', 'dbcheck.html', 'junit/TEST-dbcheck.keys.xml', 'junit/TEST-dbcheck.indexes.xml',
 'junit/TEST-dbcheck.types.xml'].each { assert new File(reports, it).isFile() : "missing report ${it}" }
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'dbcheck.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 4
assert sarif.runs[0].results*.locations*.physicalLocation*.artifactLocation*.uri.flatten().contains('plugin/target/it/headline-violations/src/main/resources/db/migration/V2__orders.sql')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'dbcheck.json'))
assert json.schemaVersion == 1 && json.summary.error == 4 && json.timings*.phase.contains('reports') == false
assert !log.contains('::error ') : 'annotations outside GitHub Actions'
return true
