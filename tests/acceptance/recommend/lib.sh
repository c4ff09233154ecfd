# shellcheck shell=bash disable=SC2154  # sourced by run.sh, which sets the variables
# Shared by run.sh and sqlite.sh of the recommend-index acceptance test: pass/fail counting,
# the ratchet floors of floor.conf, arithmetic on figures, and the dbopt slot.
# Needs: $here (this directory), $work (the results directory), $dbopt (the dbopt binary).

passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1"
    return 1
  fi
}

# floor.conf: KEY=VALUE lines, VALUE a number or "none"; read once into floor[KEY].
declare -A floor=()
read_floors() {
  local key value
  while IFS='=' read -r key value; do
    case "$key" in
      '' | '#'*) continue ;;
      *) floor[$key]=$value ;;
    esac
  done <"$here/floor.conf"
}

# A figure against its floor: figure NAME VALUE min|max TARGET [stand-in]
#   prints "  NAME: VALUE (target TARGET, floor F)" and, unless reporting only or the figure
#   comes from the stand-in index list, fails when VALUE is on the wrong side of the floor.
figure() {
  local name=$1 value=$2 kind=$3 target=$4 standin=${5:-} f=${floor[$1]:-none}
  local note="target $target, floor $f"
  [ -n "$standin" ] && note="$note; STAND-IN, not enforced"
  printf '  %-34s %s (%s)\n' "$name:" "$value" "$note"
  if [ "$value" = "n/a" ] && [ "$f" != none ] && [ -z "$standin" ] && [ "${report_only:-0}" -eq 0 ]; then
    failed=$((failed + 1))
    echo "FAIL: $name could not be measured (floor $f)"
    return
  fi
  [ "$f" = none ] || [ -n "$standin" ] || [ "${report_only:-0}" -eq 1 ] || [ "$value" = "n/a" ] && return
  if awk -v v="$value" -v f="$f" -v k="$kind" 'BEGIN { exit !((k == "min" && v >= f) || (k == "max" && v <= f)) }'; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name = $value is $([ "$kind" = min ] && echo below || echo above) its floor $f (floor.conf)"
  fi
}

# calc EXPRESSION: awk arithmetic, 3 decimals, "n/a" on division by zero.
calc() { awk "BEGIN { d = 1; $1; if (d == 0) print \"n/a\"; else printf \"%.3f\\n\", r }"; }
is_number() { [[ "${1:-}" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; }
# ratio A B = A / B; reduction NONE X = 1 - X / NONE; "n/a" when a figure is missing.
ratio() { if is_number "${1:-}" && is_number "${2:-}"; then calc "d = $2; if (d != 0) r = ($1) / d"; else echo n/a; fi; }
reduction() { if is_number "${1:-}" && is_number "${2:-}"; then calc "d = $1; if (d != 0) r = 1 - ($2) / d"; else echo n/a; fi; }

# The value of KEY=VALUE in the line of FILE that starts with PREFIX.
kv() { grep -m 1 "^$2" "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$3=//p"; }

# Milliseconds since the epoch, for wall-clock timing.
now_ms() { awk -v t="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", t * 1000 }'; }

# Is `dbopt recommend-index` there? Until it is, the dbopt slot holds stand-in/<workload>.sql.
advisor_available() { "$dbopt" --help 2>/dev/null | grep -q '^ *recommend-index '; }

# run_dbopt_advisor CATALOG WORKLOAD BUDGET OUT_PREFIX: runs `dbopt recommend-index` with
# --format sql (timed: prints the wall time in ms) and --format json (for its evaluation count),
# writing OUT_PREFIX.sql, OUT_PREFIX.json and OUT_PREFIX.err.
run_dbopt_advisor() {
  local catalog=$1 workload=$2 budget=$3 out=$4 start end
  start=$(now_ms)
  "$dbopt" recommend-index --catalog "$catalog" --workload "$workload" --budget "$budget" \
    --max-width "$max_width" --format sql >"$out.sql" 2>"$out.err" </dev/null || return 1
  end=$(now_ms)
  "$dbopt" recommend-index --catalog "$catalog" --workload "$workload" --budget "$budget" \
    --max-width "$max_width" --format json >"$out.json" 2>>"$out.err" </dev/null || return 1
  calc "r = $end - $start" >"$out.ms"
}
evaluations_of() { grep -o '"evaluations": *[0-9]*' "$1" 2>/dev/null | grep -o '[0-9]*$' | head -n 1; }
