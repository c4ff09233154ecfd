#!/usr/bin/env bash
# Checks dbopt's cost functions against a real PostgreSQL 15:
#   1. starts a throwaway server (pg_server.sh), loads cost_check_data.sql (tables of known
#      sizes, VACUUM ANALYZE, helper functions);
#   2. runs EXPLAIN (FORMAT JSON) for single-node shapes (cost_check_cases.sql) under
#      max_parallel_workers_per_gather = 0, writing one case per plan node with PostgreSQL's
#      inputs (pg_class sizes, btree heights, pg_stats, the plan's rows and widths) and costs;
#   3. runs the doctest case "cost pg check*" on that file: it recomputes every node's startup
#      and total cost with dbopt's cost module and requires them within 0.01 of PostgreSQL's.
# Prints the table of PostgreSQL vs dbopt costs; exits nonzero on any mismatch.
#   tests/integration/cost_check_test.sh BUILD_DIR
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/integration/pg_server.sh
source "$here/pg_server.sh"

if ! pg_server_start; then
  echo "FAIL: the PostgreSQL server did not start"
  exit 1
fi
if ! pg_psql -d postgres -c "CREATE DATABASE costdb" >/dev/null ||
  ! pg_psql -d costdb -f "$here/cost_check_data.sql" >/dev/null; then
  echo "FAIL: loading the cost-check data"
  exit 1
fi
cases=$PG_TMP/cost_cases.txt
if ! pg_psql -d costdb -At -F $'\n' -f "$here/cost_check_cases.sql" -o "$cases"; then
  echo "FAIL: generating the cases"
  exit 1
fi
echo "cost-check: $(grep -c . "$cases") plan nodes from PostgreSQL $(pg_psql -d costdb -Atc 'SHOW server_version')"
DBOPT_TEST_COST_CASES=$cases "$build/dbopt_tests" --test-case="cost pg check*" --no-version \
  --no-intro 2>&1
status=$?
if [ "$status" -ne 0 ]; then
  echo "cost-check: FAILED (cases: $cases)"
  cp "$cases" "${TMPDIR:-/tmp}/dbopt_cost_cases.txt" 2>/dev/null &&
    echo "cost-check: cases kept in ${TMPDIR:-/tmp}/dbopt_cost_cases.txt"
  exit 1
fi
echo "cost-check: all plan nodes within 0.01 of PostgreSQL"
