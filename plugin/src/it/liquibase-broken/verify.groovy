def log = new File(basedir, 'build.log').text
// the changeSet's file and line, PostgreSQL's message, nothing of Liquibase's banner or stack
assert log.contains('on project liquibase-broken: plugin/target/it/liquibase-broken/src/main/resources/db/changelog/db.changelog-master.xml:13: ERROR: relation "public.orders" does not exist -> [Help 1]')
assert !log.contains('\tat ') : 'a stack trace was printed'
assert !log.contains('UPDATE SUMMARY')
def left = new File(basedir, 'target/pg').listFiles()?.findAll { it.name.startsWith('dbcheck-pg-') }
assert !left : "cluster directories left behind: ${left}"
return true
