def log = new File(basedir, 'build.log').text
// One message naming the daemon it tried and the alternatives, at once (no Testcontainers retries), no stack trace.
assert log.contains('on project docker-unavailable: No Docker daemon is reachable at unix:///nonexistent/dbcheck-it/docker.sock (no socket /nonexistent/dbcheck-it/docker.sock). Start Docker, point DOCKER_HOST at a running daemon, or use provider embedded (PostgreSQL from Maven Central, no Docker needed) or server -> [Help 1]')
assert !log.contains('\tat ') : 'a stack trace was printed'
assert !log.contains('Applied ') : 'nothing ran'
return true
