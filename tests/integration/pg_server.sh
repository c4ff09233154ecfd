# A throwaway PostgreSQL 15 server for tests. Source this file, then:
#
#   pg_server_start             # initdb in a fresh temporary directory, start, wait until ready
#   pg_psql -d DB -c 'SQL'      # psql as the superuser "postgres" over the Unix socket
#   pg_server_stop              # stop the server and remove the directory (also runs on exit)
#
# After pg_server_start these are set:
#   PG_BIN         server binaries (override before starting: PG_BIN=/path/to/bin)
#   PG_TMP         the temporary directory (data directory, Unix socket, log)
#   PG_DATA        the data directory
#   PG_SOCKET_DIR  the Unix socket directory (= PG_TMP)
#   PG_PORT        the TCP port, on 127.0.0.1 only
#   PG_LOG         the server log (every statement is logged, with its application name)
#
# Authentication: the Unix socket trusts every local user; TCP asks for a SCRAM password, so
# a test can log in with a wrong one. Create TCP roles with pg_psql ... CREATE ROLE ... PASSWORD.
#
# The server never touches the machine's default cluster or port 5432: it has its own data
# directory, a port chosen free at start, and its socket in PG_TMP. PostgreSQL refuses to run
# as root, so as root the server runs as the "postgres" system user; otherwise as the caller.
# pg_server_start installs an EXIT trap that calls pg_server_stop; a caller that sets its own
# EXIT trap must call pg_server_stop from it.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_TMP=""
PG_DATA=""
PG_SOCKET_DIR=""
PG_PORT=""
PG_LOG=""

# Runs a server binary as the user that owns the cluster, from a directory that user can read.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$PG_TMP" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on now, never 5432.
_pg_free_port() {
  local port tries
  for tries in $(seq 1 50); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    [ "$port" -eq 5432 ] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "pg_server: no free TCP port found" >&2
  return 1
}

pg_server_start() {
  local tool
  for tool in initdb pg_ctl psql; do
    if [ ! -x "$PG_BIN/$tool" ]; then
      echo "pg_server: $PG_BIN/$tool not found (install postgresql-15 or set PG_BIN)" >&2
      return 1
    fi
  done
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg_server: running as root needs the 'postgres' system user" >&2
    return 1
  fi
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dbopt-pg.XXXXXX") || return 1
  trap pg_server_stop EXIT
  trap 'exit 130' INT TERM
  chmod 755 "$PG_TMP"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_TMP"
  PG_DATA=$PG_TMP/data
  PG_SOCKET_DIR=$PG_TMP
  PG_LOG=$PG_TMP/server.log
  if ! _pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_TMP/initdb.log" 2>&1; then
    echo "pg_server: initdb failed:" >&2
    cat "$PG_TMP/initdb.log" >&2
    return 1
  fi
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(_pg_free_port) || return 1
    # Later lines win: a fresh block per attempt overrides the previous port.
    cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
password_encryption = 'scram-sha-256'
max_connections = 20
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
autovacuum = off
jit = off
log_statement = 'all'
log_line_prefix = '%m [%p] app=%a user=%u db=%d '
EOF
    if _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
      >"$PG_TMP/pg_ctl.log" 2>&1; then
      return 0
    fi
    if ! grep -q "could not bind\|could not create any TCP/IP sockets" "$PG_LOG" 2>/dev/null; then
      break
    fi
  done
  echo "pg_server: the server did not start:" >&2
  cat "$PG_TMP/pg_ctl.log" "$PG_LOG" >&2 2>/dev/null
  return 1
}

pg_server_stop() {
  [ -n "$PG_TMP" ] || return 0
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1
  fi
  rm -rf "$PG_TMP"
  PG_TMP=""
}

# psql as the superuser over the Unix socket; stops at the first error; no ~/.psqlrc.
pg_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres "$@"
}
