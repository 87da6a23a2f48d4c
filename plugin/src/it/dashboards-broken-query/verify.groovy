def log = new File(basedir, 'build.log').text
// One line naming the file, the line and PostgreSQL's message; found before a million rows are generated.
assert log.contains('on project dashboards-broken-query: plugin/target/it/dashboards-broken-query/src/main/dashboards/revenue.sql:4: ERROR: column "total_amount" does not exist (dashboard query revenue) -> [Help 1]')
assert !log.contains('Synthetic data:') : 'data was generated before the query was checked'
assert !log.contains('\tat ') : 'a stack trace was printed'
def left = new File(basedir, 'target/pg').listFiles()?.findAll { it.name.startsWith('dbcheck-pg-') }
assert !left : "cluster directories left behind: ${left}"
return true
