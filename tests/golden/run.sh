#!/usr/bin/env bash
# Golden tests for whole commands. Each case is tests/golden/<group>/<name>.cmd, one line of
# dbopt arguments (shell words, paths relative to the repository root), and <name>.expected:
# the command's stdout, then "--- stderr" and its stderr, then "--- exit N".
# A <name>.stdin file, when present, is fed to standard input.
#   tests/golden/run.sh path/to/dbopt [GROUP...]     UPDATE_GOLDEN=1 rewrites the .expected files
set -uo pipefail
dbopt=$(realpath "$1")
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=($(find tests/golden -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort))
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for group in "${groups[@]}"; do
  for cmd in $(find "tests/golden/$group" -name '*.cmd' | sort); do
    case_name=${cmd%.cmd}
    stdin=/dev/null
    [ -f "$case_name.stdin" ] && stdin="$case_name.stdin"
    eval "args=($(cat "$cmd"))"
    "$dbopt" "${args[@]}" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    code=$?
    { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit $code"; } >"$tmp/actual"
    if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
      cp "$tmp/actual" "$case_name.expected"
    fi
    if [ -f "$case_name.expected" ] && diff -u "$case_name.expected" "$tmp/actual" >"$tmp/diff"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAIL $case_name"
      [ -f "$case_name.expected" ] && head -n 40 "$tmp/diff" || echo "  (no $case_name.expected)"
    fi
  done
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
