# Sourced by .ci/run and usable by hand: `source .ci/postgres.sh && start_test_postgres`.
# Runs a throwaway PostgreSQL cluster as the unprivileged `postgres` user (initdb and postgres
# refuse to run as root) on a loopback port, and exports TEST_DATABASE_URL for the test suite.

PG_TEST_PORT="${PG_TEST_PORT:-55432}"
PG_TEST_DIR="${PG_TEST_DIR:-/tmp/novavms-test-pg}"
# PG_TEST_SERVER_OPTIONS: extra server settings, e.g. "-c shared_preload_libraries=pg_stat_statements" (the bench's cluster).

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

start_test_postgres() {
  local bin
  bin=$(pg_bin) || return 1
  stop_test_postgres
  rm -rf "$PG_TEST_DIR" && mkdir -p "$PG_TEST_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TEST_DIR"; fi
  as_pg_user "'$bin/initdb' -D '$PG_TEST_DIR/data' -U novavms -A trust --no-sync >'$PG_TEST_DIR/initdb.log' 2>&1" || {
    cat "$PG_TEST_DIR/initdb.log" >&2
    return 1
  }
  as_pg_user "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/server.log' -w -o \"-p $PG_TEST_PORT -k '$PG_TEST_DIR' -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_TEST_SERVER_OPTIONS:-}\" start" >/dev/null || {
    cat "$PG_TEST_DIR/server.log" >&2
    return 1
  }
  export TEST_DATABASE_URL="postgresql://novavms@127.0.0.1:$PG_TEST_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') test cluster on $TEST_DATABASE_URL"
}

stop_test_postgres() {
  local bin
  bin=$(pg_bin) || return 0
  # A cluster left by a killed run may have no server behind it: pg_ctl's failure is no error here
  # (and under `set -e` a failing last command of an `&&` list would end the caller).
  if [ -d "$PG_TEST_DIR/data" ]; then
    as_pg_user "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  return 0
}
