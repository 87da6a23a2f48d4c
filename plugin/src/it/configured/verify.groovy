def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING]   WARNING [serial-primary-key] public.customers.id')
assert log.contains('an identity column is the SQL-standard form')
assert !log.contains('[json-column]')
assert !log.contains('[foreign-key-without-index]')
assert !log.contains('[missing-primary-key]')
assert log.contains('dbcheck: 0 errors, 1 warning, 0 info')
assert log.contains('BUILD SUCCESS')
return true
