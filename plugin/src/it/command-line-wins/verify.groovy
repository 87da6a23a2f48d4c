def log = new File(basedir, 'build.log').text
assert log.contains('PostgreSQL 18.') : 'the command line chose the major'
assert new File(basedir, 'target/dbcheck/dbcheck.sarif').isFile()
assert !new File(basedir, 'target/dbcheck/dbcheck.json').exists() : 'the command line chose the formats'
assert log.contains('BUILD SUCCESS')
return true
