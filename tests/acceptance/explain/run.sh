#!/usr/bin/env bash
# The acceptance test of `dbopt explain` against a real PostgreSQL 15 (issue 3):
#   1. the comparator's own tests (explain_agreement --self-test);
#   2. a throwaway server (tests/integration/pg_server.sh) with two databases, tpch and skew,
#      loaded from schema/*.sql (deterministic data, VACUUM ANALYZE);
#   3. PostgreSQL's EXPLAIN (FORMAT JSON, SUMMARY) of every query in queries/<schema>/, with
#      default settings and with max_parallel_workers_per_gather = 0;
#   4. `dbopt catalog import` of both databases, then `dbopt explain --format json --summary`
#      of every query file (one statement per file, so one JSON document per run);
#   5. PostgreSQL's plans compared with themselves: must agree 100% (the comparator's sanity);
#   6. the time of a whole `dbopt explain` process on samples/shop (median of 20 runs);
#   7. dbopt's plans compared with PostgreSQL's by explain_agreement, held to the ratchet
#      floors in floor.conf; with --report-only, measured against the issue's targets and
#      never failing on them.
# Plans, catalogs, manifests and the report stay in BUILD_DIR/explain-acceptance/.
# Prints one line per failure and ends with "explain-acceptance: N passed, M failed".
#   tests/acceptance/explain/run.sh BUILD_DIR [--report-only]
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

schemas=(tpch skew)
runs=(default no-parallel)
dbopt=$build/dbopt
agreement=$build/explain_agreement
work=$build/explain-acceptance
started=$SECONDS

passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}
finish() {
  echo "explain-acceptance: $((SECONDS - started)) s; results in $work"
  echo "explain-acceptance: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit
}
step() { echo "explain-acceptance: $* ($((SECONDS - started)) s)"; }

# --- 1. The tools and the comparator's own tests. ---
check "$dbopt exists" test -x "$dbopt"
check "$agreement exists (configure with -DDBOPT_BUILD_BENCH=ON)" test -x "$agreement"
[ "$failed" -eq 0 ] || finish
self_test() { "$agreement" --self-test --no-version --minimal >"$work/self-test.txt" 2>&1; }
rm -rf "$work"
mkdir -p "$work"
check "explain_agreement --self-test (see $work/self-test.txt)" self_test

# --- 2. The server and the data. ---
if ! pg_server_start; then
  failed=$((failed + 1))
  echo "FAIL: the PostgreSQL server did not start"
  finish
fi
pids=()
for s in "${schemas[@]}"; do
  acceptance_load_database "$s" "$work/load-$s.log" &
  pids+=($!)
done
for i in "${!schemas[@]}"; do
  check "load schema/${schemas[$i]}.sql (see $work/load-${schemas[$i]}.log)" wait "${pids[$i]}"
done
[ "$failed" -eq 0 ] || finish
step "server on port $PG_PORT, data loaded"

# --- 3. PostgreSQL's plans: one psql session per schema and settings run. Each query is
# explained twice and the second is kept, so "Planning Time" is measured with warm caches. ---
capture_pg() {  # capture_pg SCHEMA RUN
  local schema=$1 run=$2 out=$work/pg/$2/$1 script=$work/pg-$2-$1.psql f
  mkdir -p "$out"
  {
    echo '\pset format unaligned'
    echo '\pset tuples_only on'
    [ "$run" = no-parallel ] && echo 'SET max_parallel_workers_per_gather = 0;'
    for f in "$here/queries/$schema"/*.sql; do
      printf '\\o /dev/null\nEXPLAIN (FORMAT JSON, SUMMARY)\n%s\n' "$(cat "$f")"
      printf "\\\\o '%s'\nEXPLAIN (FORMAT JSON, SUMMARY)\n%s\n\\\\o\n" "$out/$(basename "$f" .sql).json" "$(cat "$f")"
    done
  } >"$script"
  pg_psql -d "$schema" -f "$script" >"$work/pg-$run-$schema.log" 2>&1
}
ends_with_semicolon() {  # every query file holds one statement ending with ';'
  local f bad=0
  for f in "$here"/queries/*/*.sql; do
    [ "$(grep -v '^\s*--' "$f" | grep -c ';')" -eq 1 ] || { echo "  $f"; bad=1; }
    grep -v '^\s*$' "$f" | tail -n 1 | grep -q ';\s*$' || { echo "  $f"; bad=1; }
  done
  return "$bad"
}
check "every query file holds one statement ending with ';'" ends_with_semicolon
count=$(find "$here/queries" -name '*.sql' | wc -l)
check "the corpus has at least 80 queries ($count)" test "$count" -ge 80
for run in "${runs[@]}"; do
  for s in "${schemas[@]}"; do
    check "PostgreSQL explains queries/$s [$run] (see $work/pg-$run-$s.log)" capture_pg "$s" "$run"
  done
done
[ "$failed" -eq 0 ] || finish
step "PostgreSQL's plans captured"

# --- 4. dbopt: import the catalogs, explain every query. ---
for s in "${schemas[@]}"; do
  check "dbopt catalog import $s (see $work/import-$s.err)" \
    timeout 120 "$dbopt" catalog import "host=$PG_SOCKET_DIR port=$PG_PORT user=postgres dbname=$s" \
    -o "$work/catalog-$s.json" 2>"$work/import-$s.err"
done
[ "$failed" -eq 0 ] || finish
pg_server_stop  # everything below runs offline
step "catalogs imported, server stopped"

# Writes one manifest line per query: NAME, PG plan, dbopt plan or "missing", the reason.
explain_dbopt() {  # explain_dbopt RUN
  local run=$1 s f name out err code reason settings=()
  [ "$run" = no-parallel ] && settings=(--set max_parallel_workers_per_gather=0)
  echo "# $run: PostgreSQL's plan, dbopt's plan (or missing), why missing"
  for s in "${schemas[@]}"; do
    mkdir -p "$work/dbopt/$run/$s"
    for f in "$here/queries/$s"/*.sql; do
      name=$(basename "$f" .sql)
      out=$work/dbopt/$run/$s/$name.json
      err=$work/dbopt/$run/$s/$name.err
      timeout 20 "$dbopt" explain --catalog "$work/catalog-$s.json" --format json --summary \
        "${settings[@]}" -f "$f" >"$out" 2>"$err" </dev/null
      code=$?
      if [ "$code" -eq 0 ]; then
        printf '%s\t%s\t%s\n' "$s/$name" "pg/$run/$s/$name.json" "dbopt/$run/$s/$name.json"
      else
        reason=$(grep -m 1 -v '^\s*$' "$err" | tr '\t' ' ' | cut -c 1-200)
        printf '%s\t%s\tmissing\texit %s: %s\n' "$s/$name" "pg/$run/$s/$name.json" "$code" "$reason"
      fi
    done
  done
}
for run in "${runs[@]}"; do
  explain_dbopt "$run" >"$work/manifest-$run.tsv"
  # The same queries with PostgreSQL's plan on both sides: the comparator's sanity check.
  awk -F '\t' '/^#/ { print; next } { print $1 "\t" $2 "\t" $2 }' "$work/manifest-$run.tsv" \
    >"$work/manifest-$run-self.tsv"
done
step "dbopt explain run on every query"

# --- 5. PostgreSQL against itself: every figure must be perfect. ---
self_compare() {
  "$agreement" --run default=manifest-default-self.tsv --run no-parallel=manifest-no-parallel-self.tsv \
    --min-planned 100 --min-shape 100 --min-join-order 100 --min-cost-within 100 \
    --max-median-qerror 1.0 --max-planning-ratio 1.0 --max-process-ms none >"$work/self-comparison.txt" 2>&1
}
(cd "$work" && self_compare)
self_code=$?
grep '^explain-agreement \[' "$work/self-comparison.txt" | sed 's/^/self-comparison: /'
check "PostgreSQL's plans compared with themselves agree 100% (see $work/self-comparison.txt)" \
  test "$self_code" -eq 0

# --- 6. A whole dbopt explain process on the sample catalog, 20 times. ---
shop_query=$(awk '/^-- 4\. /{f=1; next} f{print} f && /;$/{exit}' "$root/samples/shop/queries.sql")
time_process() {
  local i start code
  "$dbopt" explain --catalog "$root/samples/shop/shop.json" --format json "$shop_query" \
    >/dev/null 2>"$work/process.err" </dev/null
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "error: exit $code: $(grep -m 1 -v '^\s*$' "$work/process.err" | cut -c 1-200)"
    return
  fi
  for i in $(seq 1 20); do
    start=$EPOCHREALTIME
    "$dbopt" explain --catalog "$root/samples/shop/shop.json" --format json "$shop_query" \
      >/dev/null 2>&1 </dev/null
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
  done
}
time_process >"$work/process-times.txt"

# --- 7. dbopt against PostgreSQL. ---
thresholds=()
if [ "$report_only" -eq 1 ]; then
  thresholds=(--report-only)  # the issue's targets (explain_agreement's defaults), not enforced
else
  while IFS='=' read -r key value; do
    case "$key" in
      '' | '#'*) continue ;;
      min_planned | min_shape | min_join_order | min_cost_within | max_median_qerror | \
        max_planning_ratio | max_process_ms) thresholds+=("--${key//_/-}" "$value") ;;
      *) echo "FAIL: $here/floor.conf: unknown key '$key'"; failed=$((failed + 1)) ;;
    esac
  done <"$here/floor.conf"
fi
# The whole report (every query's row) with --report-only; the summary lines otherwise.
shown='^(explain-agreement|explain-process)'
[ "$report_only" -eq 1 ] && shown=''
(cd "$work" && "$agreement" --run default=manifest-default.tsv --run no-parallel=manifest-no-parallel.tsv \
  --process-times process-times.txt "${thresholds[@]}") | tee "$work/report.txt" | grep -E "$shown"
agreement_code=${PIPESTATUS[0]}
if [ "$report_only" -eq 1 ]; then
  check "the agreement report was produced (see $work/report.txt)" test "$agreement_code" -eq 0
else
  check "dbopt explain meets the floors of floor.conf (see $work/report.txt)" test "$agreement_code" -eq 0
fi
finish
