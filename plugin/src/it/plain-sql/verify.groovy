def log = new File(basedir, 'build.log').text
assert log.contains('PostgreSQL 16.15.0 (embedded)')
assert log.contains('Applied 3 migration script(s)')
// On PostgreSQL 16 there is no uuidv7(): the fix says to generate it in the application.
assert log.contains('ERROR [serial-primary-key] public.audit.id — plugin/target/it/plain-sql/sql/10_audit.sql:3 — ')
assert log.contains('generate UUIDv7 in the application')
assert log.contains('dbcheck: 1 error, 0 warnings, 0 info in 3 tables')
return true
