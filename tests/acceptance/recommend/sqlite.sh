# shellcheck shell=bash disable=SC2154  # sourced by run.sh, which sets the variables
# The SQLite part of the recommend-index acceptance test, sourced by run.sh (which defines
# check, figure, $work, $dbopt, $reference, $standin; see lib.sh):
#   1. samples/shop/generate.sh --scale 10 builds a shop database of about 800,000 rows (run.sh
#      starts it in the background, as $sqlite_generate_pid, while PostgreSQL loads); its
#      secondary indexes are dropped (the rowid keys and UNIQUE/PRIMARY KEY autoindexes stay),
#      then ANALYZE (sqlite_stat1) and VACUUM;
#   2. sqlite3's .expert on every statement of workloads/shop.sql: the union of its CREATE INDEX
#      advice (identical lines once);
#   3. each index set created on its own copy of the file, ANALYZE, and measured: index bytes
#      (dbstat) and the weighted execution time of the workload, fastest of 5 runs per statement
#      (build/index_reference measure-sqlite): first none and .expert's;
#   4. `dbopt recommend-index --catalog shop.db --format sql` with --budget 60% of the bytes
#      .expert's indexes took (the issue's byte target, in whole MB), then dbopt's set measured.

sqlite_budget=""
sqlite_runs=5

# .expert before every statement of a workload file, for one sqlite3 session.
expert_script() {
  awk '/^[[:space:]]*(--|$)/ && !open { next }
       !open { print ".expert"; open = 1 }
       { print }
       /;[[:space:]]*$/ { open = 0 }' "$1"
}

sqlite_part() {
  local db=$work/shop.db w=$here/workloads/shop.sql start
  check "generate the SQLite shop at scale 10 (see $work/sqlite-generate.log)" wait "$sqlite_generate_pid" || return
  check "drop the shop's secondary indexes, ANALYZE, VACUUM" sqlite3 -bail "$db" \
    "$(sqlite3 "$db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL") ANALYZE; VACUUM;" ||
    return
  start=$(now_ms)
  expert_script "$w" | sqlite3 -bail "$db" >"$work/shop-expert.txt" 2>"$work/shop-expert.err"
  check "sqlite3 .expert on every statement (see $work/shop-expert.err)" test $? -eq 0
  calc "r = $(now_ms) - $start" >"$work/shop-expert.ms"
  grep '^CREATE INDEX' "$work/shop-expert.txt" | sort -u >"$work/shop-expert.sql"
  measure_sqlite none none && measure_sqlite expert "$work/shop-expert.sql" || return
  local expert_bytes
  expert_bytes=$(kv "$work/shop-measure-expert.txt" measure: bytes)
  sqlite_budget=$(awk -v b="$expert_bytes" 'BEGIN { printf "%dMB\n", b * 0.6 / 1048576 }')
  if [ -z "$standin" ]; then
    check "dbopt recommend-index on the SQLite shop (see $work/shop-dbopt.err)" \
      run_dbopt_advisor "$db" "$w" "$sqlite_budget" "$work/shop-dbopt"
  else
    cp "$here/stand-in/shop.sql" "$work/shop-dbopt.sql"
  fi
  measure_sqlite dbopt "$work/shop-dbopt.sql"
}

measure_sqlite() {  # measure_sqlite SET INDEX_FILE|none: on a copy of shop.db
  cp "$work/shop.db" "$work/shop-$1.db"
  check "measure the $1 index set on SQLite (see $work/shop-measure-$1.err)" \
    "$reference" measure-sqlite --db "$work/shop-$1.db" --workload "$here/workloads/shop.sql" \
    --indexes "$2" --runs "$sqlite_runs" --label "$1" --details "$work/shop-measure-$1.tsv" \
    >"$work/shop-measure-$1.txt" 2>"$work/shop-measure-$1.err"
  local code=$?
  rm -f "$work/shop-$1.db"
  return $code
}

sqlite_figures() {
  local set f none_ms
  echo "recommend-acceptance [sqlite shop] budget ${sqlite_budget:-n/a} (60% of .expert's bytes), $(grep -c '^-- dbopt:' "$here/workloads/shop.sql") statements"
  printf '  %-10s %8s %12s %12s\n' "index set" indexes bytes "exec ms"
  for set in none expert dbopt; do
    f=$work/shop-measure-$set.txt
    printf '  %-10s %8s %12s %12s\n' "$set" "$(kv "$f" measure: indexes)" "$(kv "$f" measure: bytes)" \
      "$(kv "$f" measure: exec_ms)"
  done
  none_ms=$(kv "$work/shop-measure-none.txt" measure: exec_ms)
  local sp_expert sp_dbopt
  sp_expert=$(ratio "$none_ms" "$(kv "$work/shop-measure-expert.txt" measure: exec_ms)")
  sp_dbopt=$(ratio "$none_ms" "$(kv "$work/shop-measure-dbopt.txt" measure: exec_ms)")
  echo "  execution speed-up: dbopt $sp_dbopt, .expert $sp_expert (.expert advice took $(cat "$work/shop-expert.ms" 2>/dev/null) ms)"
  figure sqlite_expert_speedup "$sp_expert" min "> 1, .expert must work"
  figure sqlite_speedup_ratio "$(ratio "$sp_dbopt" "$sp_expert")" min "≥ 1.0" "$standin"
  figure sqlite_bytes_ratio "$(ratio "$(kv "$work/shop-measure-dbopt.txt" measure: bytes)" \
    "$(kv "$work/shop-measure-expert.txt" measure: bytes)")" max "≤ 0.6" "$standin"
}
