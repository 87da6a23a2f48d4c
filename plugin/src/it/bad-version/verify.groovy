def log = new File(basedir, 'build.log').text
assert log.contains("postgresVersion: '13' is not a supported PostgreSQL version; use a major (14, 15, 16, 17, 18)")
return true
