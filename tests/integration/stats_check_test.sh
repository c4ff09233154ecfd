#!/usr/bin/env bash
# Checks dbopt's row estimates (the stats module) against a real PostgreSQL 15:
#   1. starts a throwaway server (pg_server.sh), loads stats_check_data.sql (deterministic data,
#      skew, NULLs, text patterns; ANALYZE reads every row), and imports its catalog with
#      `dbopt catalog import`;
#   2. runs EXPLAIN (FORMAT JSON) for every case of stats_check_cases.txt and takes the top plan
#      node's "Plan Rows" (the scan, join or aggregate the case is about);
#   3. runs the doctest case "stats check*" (tests/unit/stats/pg_check_test.cc), which estimates
#      the same rows with the stats module, prints a table and fails on any difference of more
#      than one row.
# Ends with "stats-check: N passed, M failed".
#   tests/integration/stats_check_test.sh BUILD_DIR
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
  echo "stats-check: $passed passed, $failed failed"
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
chmod 777 "$work"

setup() {
  pg_psql -d postgres -c "CREATE DATABASE statsdb" || return 1
  pg_psql -d statsdb -f "$here/stats_check_data.sql" >/dev/null
}
check "create and load the test database" setup
[ "$failed" -eq 0 ] || finish

conninfo="host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=statsdb"
unset PGPASSWORD PGSERVICE PGHOST PGPORT PGUSER PGDATABASE
timeout 120 "$build/dbopt" catalog import "$conninfo" -o "$work/catalog.json" \
  >"$work/import.out" 2>"$work/import.err"
import_code=$?
check "catalog import exits 0 (got $import_code: $(head -c 300 "$work/import.err"))" \
  test "$import_code" -eq 0

# PostgreSQL's estimate of each case: the top node's Plan Rows. Parallel plans are switched off
# so that the top node is the scan, join or aggregate itself.
cases=$work/cases.txt
: >"$cases"
explain_ok=true
while IFS='|' read -r name kind pg_sql dbopt_sql; do
  case "$name" in '' | '#'*) continue ;; esac
  json=$(pg_psql -d statsdb -At -c "SET max_parallel_workers_per_gather = 0" \
    -c "EXPLAIN (FORMAT JSON) $pg_sql" 2>&1)
  rows=$(grep -m1 -o '"Plan Rows": [0-9.e+]*' <<<"$json" | sed 's/.*: //')
  if [ -z "$rows" ]; then
    echo "EXPLAIN failed for $name: $json"
    explain_ok=false
    continue
  fi
  echo "$name|$kind|$rows|${dbopt_sql:-$pg_sql}" >>"$cases"
done <"$here/stats_check_cases.txt"
check "EXPLAIN ran for every case" $explain_ok

DBOPT_STATS_CHECK_CATALOG=$work/catalog.json DBOPT_STATS_CHECK_CASES=$cases \
  "$build/dbopt_tests" --test-case="stats check*" --no-version >"$work/doctest.txt" 2>&1
doctest_exit=$?
sed -n '/^case /,/^stats-check: [0-9]* of/p' "$work/doctest.txt"
check "dbopt's estimates agree with PostgreSQL's (doctest exit $doctest_exit)" \
  test "$doctest_exit" -eq 0
[ "$doctest_exit" -eq 0 ] || grep -E 'ERROR|FAILED|error' "$work/doctest.txt" | head -40
finish
