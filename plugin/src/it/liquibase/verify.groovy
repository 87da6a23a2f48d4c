def log = new File(basedir, 'build.log').text
def dir = 'plugin/target/it/liquibase/src/main/resources/db/changelog/'
// the headline findings, each on the changeSet (YAML) or the line (formatted SQL) that made the object
assert log.contains("ERROR [foreign-key-without-index] public.orders(customer_id) — ${dir}orders.yaml:2 — ")
assert log.contains("ERROR [json-column] public.orders.payload — ${dir}orders.yaml:2 — ")
// a log table with a serial key: a warning about int4 overflow, on the column line of the formatted SQL
assert log.contains("WARNING [serial-primary-key] public.audit_events.id — ${dir}audit.sql:5 — ")
// the dev context did not run; Liquibase's own tables are not linted; nothing of Liquibase on standard output
assert !log.contains('dev@example.com')
assert !log.contains('databasechangelog')
assert !log.contains('UPDATE SUMMARY')
assert !log.contains('\tat ') : 'a stack trace was printed'
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/dbcheck/dbcheck.json'))
assert json.findings.find { it.ruleId == 'json-column' }.file == "${dir}orders.yaml"
return true
