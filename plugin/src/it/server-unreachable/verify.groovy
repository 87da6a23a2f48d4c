def log = new File(basedir, 'build.log').text
assert log.contains('on project server-unreachable: Cannot reach the PostgreSQL server at 127.0.0.1:1 (server.url): Connection refused. Check that it runs and accepts TCP connections from here, or use provider embedded (no server needed) or docker -> [Help 1]')
assert !log.contains('It-Password-Never-Printed-93') : 'the password was printed'
assert !log.contains('it_user_4471') : 'the user name was printed'
assert !log.contains('\tat ') : 'a stack trace was printed'
return true
