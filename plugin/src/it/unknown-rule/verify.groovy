def log = new File(basedir, 'build.log').text
assert log.contains("rules[json-columns]: unknown rule id 'json-columns' (did you mean json-column?); known rules: foreign-key-without-index, json-column, missing-primary-key, serial-primary-key")
return true
