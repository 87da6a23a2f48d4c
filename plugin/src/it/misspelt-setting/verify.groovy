// a misspelt setting fails the build, naming the closest one, before any database starts
def log = new File(basedir, 'build.log').text
assert log.contains("postgresVerison: unknown setting (did you mean postgresVersion?)")
assert !log.contains('PostgreSQL 1') : 'no server was started'
assert !log.contains('\tat ')
return true
