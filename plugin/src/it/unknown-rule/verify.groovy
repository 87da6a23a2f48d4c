def log = new File(basedir, 'build.log').text
assert log.contains("rules[json-columns]: unknown rule id 'json-columns' (did you mean json-column?); known rules: array-btree-index, blocking-index-build, char-column, constraint-not-validated, ")
// the list names every rule, schema, plan and migration safety rules alike
assert log =~ /known rules: [a-z, -]*json-column, [a-z, -]*seq-scan-on-large-table, [a-z, -]* -> \[Help 1\]/
return true
