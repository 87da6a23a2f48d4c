def log = new File(basedir, 'build.log').text
assert log.contains("rules[json-columns]: unknown rule id 'json-columns' (did you mean json-column?); known rules: char-column, constraint-not-validated, duplicate-index,")
return true
