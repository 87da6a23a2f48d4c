def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'dbcheck-baseline.json').text
assert log.contains('Wrote 4 finding(s) to plugin/target/it/baseline/dbcheck-baseline.json')
assert baseline.contains('{"rule":"json-column","object":"column:public.orders.payload","file":"plugin/target/it/baseline/src/main/resources/db/migration/V2__orders.sql"}')
assert !(baseline =~ /\.sql:\d/) : 'no line numbers in the baseline'
assert log.contains('dbcheck: 0 errors, 0 warnings, 0 info in 3 tables (4 in baseline)')
assert log.contains('BUILD SUCCESS')
// The third build: only the new finding fails it.
def third = log.substring(log.lastIndexOf('Scanning for projects'))
assert third.contains('ERROR [json-column] public.events.payload')
assert third.contains('dbcheck: 1 error, 0 warnings, 0 info in 4 tables (4 in baseline)')
assert third.contains('dbcheck found 1 finding at or above error:')
assert !third.contains('[json-column] public.orders.payload')
return true
