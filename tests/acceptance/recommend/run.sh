#!/usr/bin/env bash
# The acceptance test of `dbopt recommend-index` (issue 4), docs/recommend-acceptance.md:
#   1. a throwaway PostgreSQL 15 (tests/integration/pg_server.sh) with the explain acceptance's
#      tpch and skew databases (tests/acceptance/databases.sh), secondary indexes dropped so only
#      the constraint-backing ones remain, HypoPG created, ANALYZE;
#   2. `dbopt catalog import` of both;
#   3. per workload (workloads/<db>.sql) at the budget below: `dbopt recommend-index --format
#      sql` (offline, on the imported catalog) and the reference Extend greedy with HypoPG
#      (build/index_reference recommend), each timed by wall clock;
#   4. each index set (none, dbopt's, the reference's) created for real, ANALYZE, and measured:
#      PostgreSQL's own EXPLAIN cost of the whole workload (Σ calls × total cost), execution time
#      (fastest of 5 runs per statement, weighted; DML inside BEGIN ... ROLLBACK) and real index
#      bytes (pg_relation_size); then dropped (build/index_reference measure). The advisors see
#      $n parameters; the measurement averages over the "-- args:" values of each statement;
#   5. the SQLite part (sqlite.sh): dbopt against sqlite3's .expert on a SQLite database;
#   6. the figures against the ratchet floors of floor.conf (targets printed next to them).
# Until `dbopt recommend-index` exists, the dbopt slot holds the hand-written stand-in/<db>.sql
# index lists, every figure that depends on it is marked STAND-IN and is not enforced.
# Results stay in BUILD_DIR/recommend-acceptance/.
# Ends with "recommend-acceptance: N passed, M failed".
#   tests/acceptance/recommend/run.sh BUILD_DIR [--report-only]
set -uo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != "--report-only" ]; }; then
  echo "usage: $0 BUILD_DIR [--report-only]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
report_only=0
[ "${2:-}" = "--report-only" ] && report_only=1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
# shellcheck source=tests/integration/pg_server.sh
source "$root/tests/integration/pg_server.sh"
# shellcheck source=tests/acceptance/databases.sh
source "$root/tests/acceptance/databases.sh"
dbopt=$build/dbopt
reference=$build/index_reference
work=$build/recommend-acceptance
# shellcheck source=tests/acceptance/recommend/lib.sh
source "$here/lib.sh"

workloads=(tpch skew)
declare -A budget=([tpch]=16MB [skew]=8MB)  # about a third of what the reference uses unbounded
max_width=2                                 # Extend's default max_index_width
runs=5
started=$SECONDS
step() { echo "recommend-acceptance: $* ($((SECONDS - started)) s)"; }
finish() {
  [ -n "${sqlite_generate_pid:-}" ] && wait "$sqlite_generate_pid" 2>/dev/null  # no stray job
  echo "recommend-acceptance: $((SECONDS - started)) s; results in $work"
  echo "recommend-acceptance: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit
}

rm -rf "$work"
mkdir -p "$work"
read_floors
check "$dbopt exists" test -x "$dbopt"
check "$reference exists (configure with -DDBOPT_BUILD_BENCH=ON)" test -x "$reference"
[ "$failed" -eq 0 ] || finish
standin=""
if ! advisor_available; then
  standin=1
  echo "recommend-acceptance: 'dbopt recommend-index' is not available: the dbopt slot holds the" \
    "hand-written STAND-IN lists $here/stand-in/<workload>.sql (figures marked STAND-IN)"
fi

# --- 1. The server and the data. ---
if ! pg_server_start; then
  failed=$((failed + 1))
  echo "FAIL: the PostgreSQL server did not start"
  finish
fi
prepare() {  # prepare DB: load, keep only constraint-backing indexes, HypoPG
  acceptance_load_database "$1" "$work/load-$1.log" &&
    acceptance_drop_secondary_indexes "$1" >>"$work/load-$1.log" 2>&1 &&
    pg_psql -d "$1" -c "CREATE EXTENSION hypopg" >>"$work/load-$1.log" 2>&1
}
# The SQLite shop (sqlite.sh) is generated meanwhile: it needs no server.
bash "$root/samples/shop/generate.sh" --scale 10 --sqlite-only "$work/shop.db" >"$work/sqlite-generate.log" 2>&1 &
sqlite_generate_pid=$!
pids=()
for w in "${workloads[@]}"; do
  prepare "$w" &
  pids+=($!)
done
for i in "${!workloads[@]}"; do
  check "load ${workloads[$i]}, drop its secondary indexes, create hypopg (see $work/load-${workloads[$i]}.log)" \
    wait "${pids[$i]}"
done
[ "$failed" -eq 0 ] || finish
step "server on port $PG_PORT, data loaded"

# --- 2. The catalogs. ---
for w in "${workloads[@]}"; do
  check "dbopt catalog import $w (see $work/import-$w.err)" \
    timeout 120 "$dbopt" catalog import "host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=$w" \
    -o "$work/catalog-$w.json" 2>"$work/import-$w.err"
done
[ "$failed" -eq 0 ] || finish
step "catalogs imported"

# --- 3 and 4. Advice and measurements, per workload. ---
measure() {  # measure WORKLOAD SET INDEX_FILE|none
  "$reference" measure --conn "host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=$1" \
    --workload "$here/workloads/$1.sql" --indexes "$3" --runs "$runs" --label "$2" \
    --details "$work/$1-measure-$2.tsv" >"$work/$1-measure-$2.txt" 2>"$work/$1-measure-$2.err"
}
for w in "${workloads[@]}"; do
  conn="host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=$w"
  if [ -z "$standin" ]; then
    check "dbopt recommend-index on $w (see $work/$w-dbopt.err)" \
      run_dbopt_advisor "$work/catalog-$w.json" "$here/workloads/$w.sql" "${budget[$w]}" "$work/$w-dbopt"
  else
    cp "$here/stand-in/$w.sql" "$work/$w-dbopt.sql"
  fi
  start=$(now_ms)
  check "index_reference recommend on $w (see $work/$w-reference.err)" \
    "$reference" recommend --conn "$conn" --workload "$here/workloads/$w.sql" \
    --budget "${budget[$w]}" --max-width "$max_width" >"$work/$w-reference.sql" 2>"$work/$w-reference.err"
  calc "r = $(now_ms) - $start" >"$work/$w-reference.ms"
  for set in none dbopt reference; do
    file=$work/$w-$set.sql
    [ "$set" = none ] && file=none
    check "measure the $set index set on $w (see $work/$w-measure-$set.err)" measure "$w" "$set" "$file"
  done
  # The issue's "no more bytes": dbopt again, with the bytes the reference's indexes really took
  # as its budget (each advisor fills a budget by its own size model, HypoPG's being pessimistic).
  ref_bytes=$(kv "$work/$w-measure-reference.txt" measure: bytes)
  if [ -z "$standin" ] && [ -n "$ref_bytes" ]; then
    check "dbopt recommend-index on $w at the reference's bytes (see $work/$w-dbopt-same.err)"       run_dbopt_advisor "$work/catalog-$w.json" "$here/workloads/$w.sql" "$ref_bytes" "$work/$w-dbopt-same"
    check "measure the dbopt-same index set on $w (see $work/$w-measure-dbopt-same.err)"       measure "$w" dbopt-same "$work/$w-dbopt-same.sql"
  fi
  step "$w: advice and measurements done"
done
pg_server_stop

# --- 5. SQLite. ---
# shellcheck source=tests/acceptance/recommend/sqlite.sh
source "$here/sqlite.sh"
sqlite_part
step "SQLite part done"

# --- 6. The figures. ---
for w in "${workloads[@]}"; do
  echo "recommend-acceptance [$w] budget ${budget[$w]}, max width $max_width, $(grep -c '^-- dbopt:' "$here/workloads/$w.sql") statements"
  printf '  %-10s %8s %12s %16s %12s\n' "index set" indexes bytes "EXPLAIN cost" "exec ms"
  for set in none dbopt dbopt-same reference; do
    [ -f "$work/$w-measure-$set.txt" ] || continue
    f=$work/$w-measure-$set.txt
    printf '  %-10s %8s %12s %16s %12s\n' "$set" "$(kv "$f" measure: indexes)" "$(kv "$f" measure: bytes)" \
      "$(kv "$f" measure: cost)" "$(kv "$f" measure: exec_ms)"
  done
  cost_none=$(kv "$work/$w-measure-none.txt" measure: cost)
  cost_dbopt=$(kv "$work/$w-measure-dbopt.txt" measure: cost)
  cost_ref=$(kv "$work/$w-measure-reference.txt" measure: cost)
  red_dbopt=$(reduction "$cost_none" "$cost_dbopt")
  red_ref=$(reduction "$cost_none" "$cost_ref")
  echo "  cost reduction: dbopt $red_dbopt, reference $red_ref"
  figure "${w}_reference_reduction" "$red_ref" min "> 0, the reference must work"
  figure "${w}_reduction_ratio" "$(ratio "$red_dbopt" "$red_ref")" min "≥ 0.95" "$standin"
  figure "${w}_bytes_ratio" "$(ratio "$(kv "$work/$w-measure-dbopt.txt" measure: bytes)" \
    "$(kv "$work/$w-measure-reference.txt" measure: bytes)")" max "≤ 1.0" "$standin"
  if [ -z "$standin" ]; then
    cost_same=$(kv "$work/$w-measure-dbopt-same.txt" measure: cost)
    red_same=$(reduction "$cost_none" "$cost_same")
    echo "  at the reference's real bytes as budget: dbopt cost reduction $red_same"
    figure "${w}_reduction_ratio_same_bytes" "$(ratio "$red_same" "$red_ref")" min "≥ 0.95"
    figure "${w}_bytes_ratio_same_bytes" "$(ratio "$(kv "$work/$w-measure-dbopt-same.txt" measure: bytes)" \
      "$(kv "$work/$w-measure-reference.txt" measure: bytes)")" max "≤ 1.0"
  fi
  ref_ms=$(cat "$work/$w-reference.ms" 2>/dev/null || echo n/a)
  dbopt_ms=n/a
  [ -z "$standin" ] && dbopt_ms=$(cat "$work/$w-dbopt.ms" 2>/dev/null || echo n/a)
  echo "  advisor wall time: reference $ref_ms ms ($(kv "$work/$w-reference.sql" index_reference: what_if_calls) what-if calls)," \
    "dbopt $dbopt_ms ms ($(e=$(evaluations_of "$work/$w-dbopt.json"); echo "${e:-n/a}") evaluations)"
  speed=$(ratio "$ref_ms" "$dbopt_ms")
  figure "${w}_time_ratio" "$speed" min "≥ 100" "$standin"
  exec_none=$(kv "$work/$w-measure-none.txt" measure: exec_ms)
  figure "${w}_exec_speedup_dbopt" "$(ratio "$exec_none" "$(kv "$work/$w-measure-dbopt.txt" measure: exec_ms)")" \
    min "≥ the reference's" "$standin"
  figure "${w}_exec_speedup_reference" "$(ratio "$exec_none" "$(kv "$work/$w-measure-reference.txt" measure: exec_ms)")" \
    min "> 1"
done
sqlite_figures
finish
