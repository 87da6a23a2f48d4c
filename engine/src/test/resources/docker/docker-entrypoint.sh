#!/bin/sh
# A stand-in for the official postgres image's entrypoint, built by the tests from the embedded binaries because
# this machine cannot pull images. It keeps the contract dbcheck and Testcontainers rely on: POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB, a "postgres" first argument followed by server options, and "database system
# is ready to accept connections" logged twice (once by a temporary server during initialisation, as the official
# image does, once by the real one).
set -e
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [ "$1" = "postgres" ]; then
  shift
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  umask 077
  printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C --no-sync > /dev/null
  rm -f /tmp/pwfile
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != "postgres" ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\"" | postgres --single -D "$PGDATA" postgres > /dev/null
  fi
  pg_ctl -D "$PGDATA" -o "-c listen_addresses= -c unix_socket_directories=/var/run/postgresql" -w start
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c "listen_addresses=*" -c unix_socket_directories=/var/run/postgresql "$@"
