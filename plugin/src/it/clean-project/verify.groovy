def log = new File(basedir, 'build.log').text
assert log.contains('PostgreSQL 18.6.0 (embedded) on 127.0.0.1:')
assert log.contains('Applied 2 migration script(s)')
assert log.contains('dbcheck: 0 errors, 0 warnings, 0 info in 2 tables')
assert log.contains('BUILD SUCCESS')
// a clean build says nothing else: no library's deprecation notice (Flyway's initSql once warned in every build)
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
assert !warnings : "warnings in a clean build: ${warnings}"
def left = new File(basedir, 'target/pg').listFiles()?.findAll { it.name.startsWith('dbcheck-pg-') }
assert !left : "cluster directories left behind: ${left}"
return true
