# The SQLite part of the recommend-index acceptance test, sourced by run.sh (which defines
# check, figure, $work, $dbopt, $reference, $standin; see lib.sh):
#   1. samples/shop/generate.sh --scale 10 builds a shop database of about 800,000 rows; its
#      secondary indexes are dropped (the rowid keys and UNIQUE/PRIMARY KEY autoindexes stay),
#      then ANALYZE (sqlite_stat1) and VACUUM;
#   2. sqlite3's .expert on every statement of workloads/shop.sql: the union of its CREATE INDEX
#      advice (identical lines once);
#   3. `dbopt recommend-index --catalog shop.db --format sql` at $sqlite_budget;
#   4. each index set (none, .expert's, dbopt's) created on its own copy of the file, ANALYZE,
#      and measured: index bytes (dbstat) and the weighted median execution time of the workload
#      (build/index_reference measure-sqlite).

sqlite_budget=4MB
sqlite_runs=5

# .expert before every statement of a workload file, for one sqlite3 session.
expert_script() {
  awk '/^[[:space:]]*(--|$)/ && !open { next }
       !open { print ".expert"; open = 1 }
       { print }
       /;[[:space:]]*$/ { open = 0 }' "$1"
}

sqlite_part() {
  local db=$work/shop.db w=$here/workloads/shop.sql set file start
  check "generate the SQLite shop at scale 10 (see $work/sqlite-generate.log)" \
    bash "$root/samples/shop/generate.sh" --scale 10 --sqlite-only "$db" >"$work/sqlite-generate.log" 2>&1 || return
  check "drop the shop's secondary indexes, ANALYZE, VACUUM" sqlite3 -bail "$db" \
    "$(sqlite3 "$db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL") ANALYZE; VACUUM;" ||
    return
  start=$(now_ms)
  expert_script "$w" | sqlite3 -bail "$db" >"$work/shop-expert.txt" 2>"$work/shop-expert.err"
  check "sqlite3 .expert on every statement (see $work/shop-expert.err)" test $? -eq 0
  calc "r = $(now_ms) - $start" >"$work/shop-expert.ms"
  grep '^CREATE INDEX' "$work/shop-expert.txt" | sort -u >"$work/shop-expert.sql"
  if [ -z "$standin" ]; then
    check "dbopt recommend-index on the SQLite shop (see $work/shop-dbopt.err)" \
      run_dbopt_advisor "$db" "$w" "$sqlite_budget" "$work/shop-dbopt"
  else
    cp "$here/stand-in/shop.sql" "$work/shop-dbopt.sql"
  fi
  for set in none expert dbopt; do
    file=$work/shop-$set.sql
    [ "$set" = none ] && file=none
    cp "$db" "$work/shop-$set.db"
    check "measure the $set index set on SQLite (see $work/shop-measure-$set.err)" \
      "$reference" measure-sqlite --db "$work/shop-$set.db" --workload "$w" --indexes "$file" \
      --runs "$sqlite_runs" --label "$set" --details "$work/shop-measure-$set.tsv" \
      >"$work/shop-measure-$set.txt" 2>"$work/shop-measure-$set.err"
    rm -f "$work/shop-$set.db"
  done
}

sqlite_figures() {
  local set f none_ms
  echo "recommend-acceptance [sqlite shop] budget $sqlite_budget, $(grep -c '^-- dbopt:' "$here/workloads/shop.sql") statements"
  printf '  %-10s %8s %12s %12s\n' "index set" indexes bytes "exec ms"
  for set in none expert dbopt; do
    f=$work/shop-measure-$set.txt
    printf '  %-10s %8s %12s %12s\n' "$set" "$(kv "$f" measure: indexes)" "$(kv "$f" measure: bytes)" \
      "$(kv "$f" measure: exec_ms)"
  done
  none_ms=$(kv "$work/shop-measure-none.txt" measure: exec_ms)
  local sp_expert sp_dbopt
  sp_expert=$(ratio "${none_ms:-0}" "$(kv "$work/shop-measure-expert.txt" measure: exec_ms)")
  sp_dbopt=$(ratio "${none_ms:-0}" "$(kv "$work/shop-measure-dbopt.txt" measure: exec_ms)")
  echo "  execution speed-up: dbopt $sp_dbopt, .expert $sp_expert (.expert advice took $(cat "$work/shop-expert.ms" 2>/dev/null) ms)"
  figure sqlite_expert_speedup "$sp_expert" min "> 1 (.expert must work)"
  figure sqlite_speedup_ratio "$(ratio "${sp_dbopt:-0}" "${sp_expert:-0}")" min 1.0 "$standin"
  figure sqlite_bytes_ratio "$(ratio "$(kv "$work/shop-measure-dbopt.txt" measure: bytes)" \
    "$(kv "$work/shop-measure-expert.txt" measure: bytes)")" max 0.6 "$standin"
}
