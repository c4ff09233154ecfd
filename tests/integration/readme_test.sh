#!/usr/bin/env bash
# The README's quick start: exactly two commands; the test command is the one .ci/run calls,
# and the first command works and prints the sample's catalog.
#   tests/integration/readme_test.sh BUILD_DIR
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}
commands=$(sed -n '/<!-- quick-start:begin -->/,/<!-- quick-start:end -->/p' README.md |
  grep -v -e '^<!--' -e '^```' | sed 's/ *#.*$//' | sed '/^$/d')
check "the quick start has exactly two commands" test "$(echo "$commands" | wc -l)" -eq 2
run_cmd=$(echo "$commands" | sed -n 1p)
test_cmd=$(echo "$commands" | sed -n 2p)
check ".ci/run calls the README's test command" grep -qx "exec $test_cmd" .ci/run
out=$(bash -c "$run_cmd" 2>&1)
code=$?
check "'$run_cmd' exits 0 (got $code)" test "$code" -eq 0
check "'$run_cmd' shows the sample's orders table" grep -q "orders" <<<"$out"
echo "readme: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
