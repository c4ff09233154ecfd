#!/usr/bin/env bash
# Validates `dbopt lint --format sarif` against the official SARIF 2.1.0 JSON schema
# (sarif-2.1.0-rtm.5.json, the OASIS final version, as shipped in the npm package
# @microsoft/jest-sarif) with ajv. Nothing is fetched at test time beyond the npm install into a
# cache directory outside the repository; nothing fetched is committed.
#   tests/integration/sarif_schema_test.sh path/to/dbopt
# Environment: DBOPT_NPM_CACHE (default ~/.cache/dbopt/sarif-schema-test).
set -euo pipefail
dbopt=$(realpath "${1:-build/dbopt}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${DBOPT_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dbopt/sarif-schema-test}
schema=$cache/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "sarif_schema_test: node and npm are needed (apt-get install nodejs npm)" >&2
  exit 2
}
if [ ! -f "$schema" ] || [ ! -d "$cache/node_modules/ajv-draft-04" ] ||
  [ ! -d "$cache/node_modules/ajv-formats" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    @microsoft/jest-sarif@1.0.0-beta.0 ajv@8 ajv-draft-04@1 ajv-formats@3 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
run() {  # exit 1 (findings) is expected; 2 or 3 is a failure
  local code=0
  "$dbopt" lint --format sarif "$@" >"$tmp/out.sarif" || code=$?
  [ "$code" -le 1 ] || { echo "FAIL: dbopt lint $* exited $code" >&2; exit 1; }
}
run samples/lint
cp "$tmp/out.sarif" "$tmp/samples.sarif"
run --catalog tests/lint/fixtures/catalog.json --docs-url https://example.com/dbopt/docs/lint/ \
  tests/lint/fixtures
cp "$tmp/out.sarif" "$tmp/fixtures.sarif"
run tests/lint/fixtures/DB102/neg_1.sql  # no results at all
cp "$tmp/out.sarif" "$tmp/empty.sarif"
# A log with a required property removed must fail: proves the validator really checks.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["runs"][0]["tool"]["driver"]["name"]; json.dump(d, open(sys.argv[2], "w"))' \
  "$tmp/samples.sarif" "$tmp/broken.sarif"
NODE_PATH="$cache/node_modules" node - "$schema" "$tmp" <<'JS'
const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const [schemaPath, dir] = process.argv.slice(2);
// unicodeRegExp: false — the schema's "language" pattern is not valid with the u flag.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const [name, expectValid] of [["samples.sarif", true], ["fixtures.sarif", true],
                                   ["empty.sarif", true], ["broken.sarif", false]]) {
  const log = JSON.parse(fs.readFileSync(`${dir}/${name}`, "utf8"));
  const ok = validate(log);
  const results = log.runs[0].results.length;
  if (ok !== expectValid) {
    failed++;
    console.log(`FAIL ${name}: valid=${ok}, expected ${expectValid}`);
    if (!ok) console.log(JSON.stringify(validate.errors.slice(0, 5), null, 2));
  } else {
    console.log(`ok   ${name}: ${ok ? "valid" : "rejected as expected"} (${results} results)`);
  }
}
process.exit(failed ? 1 : 0);
JS
echo "sarif_schema_test: passed"
