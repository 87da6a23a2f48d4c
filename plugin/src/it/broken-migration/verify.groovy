def log = new File(basedir, 'build.log').text
// The last lines of the build name the file, the line and PostgreSQL's message, and nothing else.
assert log.contains('on project broken-migration: plugin/target/it/broken-migration/src/main/resources/db/migration/V2__orders.sql:6: ERROR: relation "shops" does not exist -> [Help 1]')
assert !log.contains('SQL State') : "Flyway's banner leaked into the message"
assert !log.contains('\tat ') : 'a stack trace was printed'
def left = new File(basedir, 'target/pg').listFiles()?.findAll { it.name.startsWith('dbcheck-pg-') }
assert !left : "cluster directories left behind: ${left}"
return true
