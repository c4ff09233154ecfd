#!/usr/bin/env bash
# Imports the catalog of a real PostgreSQL 15 and checks it against the server:
#   1. starts a throwaway server (pg_server.sh), loads postgres_import_data.sql, runs ANALYZE;
#   2. runs the doctest cases that need a server (tests/unit/catalog/pg_*_test.cc): every
#      table, column, constraint, index and statistic against pg_class/pg_stats/bt_metap, the
#      read-only guarantee, and the failures (wrong password, missing database, privileges);
#   3. runs `dbopt catalog import` and checks its output, exit codes and messages;
#   4. checks in the server log that every dbopt session started read-only and wrote nothing.
# Prints one line per failure and ends with "pg-import: N passed, M failed".
#   tests/integration/postgres_import_test.sh BUILD_DIR
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/pg_server.sh
source "$here/pg_server.sh"

passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}
finish() {
  echo "pg-import: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit
}

if ! pg_server_start; then
  failed=$((failed + 1))
  echo "FAIL: the PostgreSQL server did not start"
  finish
fi
work=$PG_TMP/work
mkdir -p "$work"

# --- 1. The database, its data, and the roles. ---
reader_password=reader-secret
setup() {
  pg_psql -d postgres -c "CREATE DATABASE shopdb" -c "CREATE DATABASE noprivs" || return 1
  pg_psql -d shopdb -f "$here/postgres_import_data.sql" || return 1
  pg_psql -d postgres <<SQL || return 1
ALTER DATABASE shopdb SET random_page_cost = 1.1;
ALTER DATABASE shopdb SET work_mem = '64MB';
ALTER DATABASE shopdb SET enable_nestloop = off;
CREATE ROLE dbopt_reader LOGIN PASSWORD '$reader_password';
REVOKE CONNECT ON DATABASE shopdb, noprivs FROM PUBLIC;
GRANT CONNECT ON DATABASE shopdb, noprivs TO dbopt_reader;
SQL
  pg_psql -d shopdb <<SQL || return 1
GRANT USAGE ON SCHEMA shop, "Odd Schema" TO dbopt_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA shop, "Odd Schema" TO dbopt_reader;
SQL
  # A database where the reader cannot read pg_index: the import must fail cleanly.
  pg_psql -d noprivs -c "REVOKE SELECT ON pg_catalog.pg_index FROM PUBLIC"
}
start=$SECONDS
check "create and load the test database" setup
[ "$failed" -eq 0 ] || finish
echo "pg-import: server on 127.0.0.1:$PG_PORT, data loaded in $((SECONDS - start)) s"

admin="host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=shopdb"
reader="postgresql://dbopt_reader:$reader_password@127.0.0.1:$PG_PORT/shopdb"
export DBOPT_TEST_PG_CONNINFO=$admin
export DBOPT_TEST_PG_READER=$reader
export DBOPT_TEST_PG_NOPRIVS="postgresql://dbopt_reader:$reader_password@127.0.0.1:$PG_PORT/noprivs"
unset PGPASSWORD PGSERVICE PGCONNECT_TIMEOUT PGHOST PGPORT PGUSER PGDATABASE

# --- 2. The doctest cases, none of them skipped now. ---
doctest_out=$work/doctest.txt
filter="pg import*,pg connect*"
listed=$("$build/dbopt_tests" --test-case="$filter" --list-test-cases --no-skip --no-version |
  sed -nE 's/.*passing the current filters: ([0-9]+).*/\1/p')
"$build/dbopt_tests" --test-case="$filter" --no-version >"$doctest_out" 2>&1
doctest_exit=$?
check "doctest cases pass (exit $doctest_exit; see below)" test "$doctest_exit" -eq 0
# Cases outside the filter count as skipped, so compare the passes with the listed cases.
summary=$(grep "test cases:" "$doctest_out")
ran=$(sed -nE 's/.*\| +([0-9]+) passed.*/\1/p' <<<"$summary")
check "doctest ran all ${listed:-?} server cases, none skipped: $summary" \
  test "${ran:-0}" -eq "${listed:-x}" -a "${listed:-0}" -ge 15
[ "$doctest_exit" -eq 0 ] || sed -n '1,200p' "$doctest_out"

# --- 3. The CLI. ---
dbopt=$build/dbopt
run_dbopt() {  # run_dbopt NAME ARGS...: stdout, stderr and exit code into $work/NAME.*
  local name=$1
  shift
  timeout 60 "$dbopt" "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null
  echo $? >"$work/$name.code"
}
code_of() { cat "$work/$1.code"; }
err_has() { grep -qF -- "$2" "$work/$1.err"; }
err_lacks() { ! grep -qF -- "$2" "$work/$1.err"; }

run_dbopt import catalog import "$reader" -o "$work/catalog.json"
check "catalog import exits 0 (got $(code_of import): $(head -c 300 "$work/import.err"))" \
  test "$(code_of import)" -eq 0
check "catalog import writes the catalog" grep -q '"order_lines_product_idx"' "$work/catalog.json"
check "the catalog names its source without the password" \
  grep -qF "postgresql://dbopt_reader@127.0.0.1:$PG_PORT/shopdb" "$work/catalog.json"
check "the catalog does not contain the password" \
  bash -c "! grep -qF '$reader_password' '$work/catalog.json'"
run_dbopt import2 catalog import "$reader" -o "$work/catalog2.json"
check "two imports of the same database are byte-identical" cmp -s "$work/catalog.json" "$work/catalog2.json"

wrong="postgresql://dbopt_reader:not-the-password@127.0.0.1:$PG_PORT/shopdb"
run_dbopt wrong catalog import "$wrong" -o "$work/wrong.json"
check "wrong password exits 2 (got $(code_of wrong))" test "$(code_of wrong)" -eq 2
check "wrong password says so" err_has wrong 'password authentication failed for user "dbopt_reader"'
check "wrong password is not echoed" err_lacks wrong "not-the-password"

closed_port=$(_pg_free_port)
run_dbopt refused catalog import "host=127.0.0.1 port=$closed_port dbname=shopdb user=x" -o "$work/refused.json"
check "unreachable server exits 2 (got $(code_of refused))" test "$(code_of refused)" -eq 2
check "unreachable server says connection refused" err_has refused "Connection refused"

run_dbopt missing catalog import "postgresql://dbopt_reader:$reader_password@127.0.0.1:$PG_PORT/no_such_db" -o "$work/missing.json"
check "missing database exits 2 (got $(code_of missing))" test "$(code_of missing)" -eq 2
check "missing database says so" err_has missing 'database "no_such_db" does not exist'

# --- 4. The server log: every dbopt session began read-only and never committed. ---
# Lines look like "2024-.. UTC [pid] app=dbopt user=.. db=.. LOG:  statement: BEGIN ...";
# queries sent with parameters are logged as "execute <unnamed>: ...".
sessions=$(awk '
  / app=dbopt / {
    pid = $0; sub(/^[^[]*\[/, "", pid); sub(/\].*$/, "", pid)
  }
  / app=dbopt / && /ERROR:  / { failed[pid] = 1 }
  / app=dbopt / && /LOG:  (statement|execute [^:]*): / {
    sql = $0; sub(/^.*LOG:  (statement|execute [^:]*): /, "", sql)
    if (!(pid in first)) first[pid] = sql
    last[pid] = sql
  }
  END {
    for (pid in first) {
      # A failed import ends with the failing query; closing the connection rolls back.
      ok = first[pid] == "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" &&
           (last[pid] == "ROLLBACK" || pid in failed)
      print (ok ? "ok" : "bad") " " pid ": first \"" first[pid] "\", last \"" last[pid] "\""
    }
  }' "$PG_LOG")
check "the server log shows dbopt sessions ($(grep -c '^ok' <<<"$sessions") read-only)" \
  test "$(grep -c '^ok' <<<"$sessions")" -ge 4
check "every dbopt session began READ ONLY and ended with ROLLBACK or an error" \
  bash -c "! grep -q '^bad' <<<'$sessions'"
grep '^bad' <<<"$sessions" | head -5
check "no dbopt session ran COMMIT or a write" bash -c \
  "! grep ' app=dbopt ' '$PG_LOG' | grep -qE 'LOG:  (statement|execute [^:]*): (COMMIT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|GRANT|VACUUM|ANALYZE)'"

finish
