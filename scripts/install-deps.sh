#!/usr/bin/env bash
# Installs what dbopt needs to build and test, from Debian 12's archive. Does nothing when
# everything is already installed. Runs apt-get update once, then apt-get install -y.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcli11-dev libsqlite3-dev nlohmann-json3-dev libfmt-dev doctest-dev
  libpg-query-dev libpq-dev
  zlib1g-dev  # gzip traces (trace module)
  # tests: a real PostgreSQL 15 server and the sqlite3 shell; HypoPG for the reference index
  # advisor of the recommend-index acceptance test (tests/acceptance/recommend)
  postgresql-15 postgresql-15-hypopg sqlite3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The SARIF schema test validates lint's output with ajv from the npm registry: it needs node
# and npm, from Debian unless the machine already has them.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >&2
# The postgresql-common package would create and start a default cluster; dbopt's tests start
# their own server in a temporary directory instead, so do not create one.
if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  $sudo mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
