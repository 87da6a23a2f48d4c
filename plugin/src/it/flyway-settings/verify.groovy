def log = new File(basedir, 'build.log').text
// the locations, schemas and placeholders came from flyway-maven-plugin's configuration
assert log.contains('Migrations as the project configures them, from flyway-maven-plugin in pom.xml: locations, schemas, placeholders.app_schema')
// and Flyway's default mixed=false, as the project's own Flyway applies it: the mixed script fails at its line
assert log.contains('on project flyway-settings: plugin/target/it/flyway-settings/db/migrations/V2__orders_indexes.sql:3: Flyway: Detected both transactional and non-transactional statements within the same migration (even though mixed is false)')
assert !log.contains('\tat ') : 'a stack trace was printed'
return true
