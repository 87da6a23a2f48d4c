def log = new File(basedir, 'build.log').text
// The suppressed finding disappears ...
assert !log.contains('[json-column] public.webhooks.payload')
assert !log.contains('[missing-primary-key]')
// ... the one without a reason silences nothing and is itself reported.
assert log.contains('ERROR [json-column] public.webhooks.headers — plugin/target/it/suppressions/src/main/resources/db/migration/V1__hooks.sql:4')
assert log.contains('ERROR [invalid-suppression] plugin/target/it/suppressions/src/main/resources/db/migration/V1__hooks.sql — plugin/target/it/suppressions/src/main/resources/db/migration/V1__hooks.sql:4 — suppression of json-column at plugin/target/it/suppressions/src/main/resources/db/migration/V1__hooks.sql:4 gives no reason, so it silences nothing')
assert log.contains('dbcheck: 2 errors, 0 warnings, 0 info in 2 tables (2 suppressed)')
return true
