def log = new File(basedir, 'build.log').text
assert log.contains("rules[serial-primary-key].options.preferredKey: 'guid' is not one of uuidv7, identity")
return true
