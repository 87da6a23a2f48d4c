def log = new File(basedir, 'build.log').text
assert log.contains('dbcheck is skipped (dbcheck.skip=true)')
assert log.contains('BUILD SUCCESS')
return true
