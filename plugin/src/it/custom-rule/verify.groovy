def log = new File(basedir, 'build.log').text
// dbcheck:rules lists every built-in rule with its default severity
assert log =~ /foreign-key-without-index\s+Indexes\s+error/
assert log =~ /varchar-length\s+Types\s+off/
assert log.contains('option preferredKey (default uuidv7)')
assert log.contains('ERROR [table-needs-comment] public.undocumented — plugin/target/it/custom-rule/src/main/resources/db/migration/V1__t.sql:3 — table has no comment — fix: COMMENT ON TABLE public.undocumented IS \'...\';')
assert !log.contains('[table-needs-comment] public.documented')
return true
