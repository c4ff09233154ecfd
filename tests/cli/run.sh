#!/usr/bin/env bash
# CLI behaviour: flags, help, exit codes, and that the man page documents every option that
# `--help` lists.
#   tests/cli/run.sh path/to/dbopt
set -uo pipefail
dbopt=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
passed=0
failed=0
expect_exit() {  # expect_exit CODE ARGS...
  local want=$1
  shift
  "$dbopt" "$@" >/dev/null 2>&1 </dev/null
  local got=$?
  if [ "$got" -eq "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: dbopt $* exited $got, expected $want"
  fi
}
expect_output() {  # expect_output PATTERN ARGS...: stdout+stderr matches the grep -E pattern
  local pattern=$1
  shift
  local out
  out=$("$dbopt" "$@" 2>&1 </dev/null)
  if grep -qE -- "$pattern" <<<"$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: dbopt $* does not print /$pattern/"
  fi
}

expect_exit 0 --version
expect_output '^dbopt [0-9]+\.[0-9]+\.[0-9]+$' --version
expect_exit 0 --help
expect_exit 2
expect_exit 2 no-such-command
expect_exit 2 --no-such-flag
expect_exit 2 catalog show --no-such-flag samples/shop/shop.db
expect_exit 2 catalog show /nonexistent/catalog.json
expect_output "/nonexistent/catalog.json: cannot open: No such file or directory" \
  catalog show /nonexistent/catalog.json
expect_exit 0 catalog show samples/shop/shop.db
expect_exit 0 parse "SELECT 1"
expect_exit 2 parse "SELECT FROM WHERE"
expect_exit 2 parse -f /nonexistent.sql

# lint: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
expect_exit 2 lint
expect_exit 2 lint --format xml samples/lint
expect_exit 2 lint no/such/path.sql
expect_exit 0 lint tests/lint/fixtures/DB101/neg_4.sql
expect_exit 1 lint samples/lint
expect_exit 0 lint --fail-on error samples/lint/migrations/004_loyalty.sql
expect_exit 1 lint --fail-on warning samples/lint/migrations/004_loyalty.sql
expect_output '^DB410  implicit-cast-defeats-index' lint --list-rules

expect_exit 2 replay
expect_exit 2 replay /nonexistent/trace.jsonl
expect_exit 2 replay samples/traces/shop.jsonl --format yaml
expect_exit 0 replay samples/traces/shop.jsonl --format json
expect_output '"events": 61' replay samples/traces/shop.jsonl --format json

# Every subcommand's --help exits 0, and every long option it lists is in the man page.
subcommands=("parse" "explain" "recommend-index" "replay" "catalog" "catalog import" "catalog show" "catalog validate" "catalog diff" "lint")
for sub in "${subcommands[@]}"; do
  read -r -a words <<<"$sub"
  expect_exit 0 "${words[@]}" --help
  for option in $("$dbopt" "${words[@]}" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    [ "$option" = "--help" ] && continue
    if grep -qF -- "${option//-/\\-}" man/dbopt.1 || grep -qF -- "$option" man/dbopt.1; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAIL: man/dbopt.1 does not document '$option' of 'dbopt $sub'"
    fi
  done
  if grep -qF "${sub}" man/dbopt.1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: man/dbopt.1 does not document 'dbopt $sub'"
  fi
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
