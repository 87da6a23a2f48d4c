def log = new File(basedir, 'build.log').text
assert log.contains("rules[json-column].severity: 'fatal' is not one of error, warning, info, off")
assert !log.contains('PostgreSQL 18') : 'configuration must be checked before starting the database'
return true
