#!/usr/bin/env bash
# Installs what Lumbung needs to build, test and benchmark, from Debian bookworm's packages and,
# for the browser tests and the API validator only, the npm registry. Quiet and idempotent:
# a second run on a ready machine installs nothing and takes well under a second.
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build ccache make pkg-config git
  # libraries
  libboost-dev libsqlite3-dev sqlite3 nlohmann-json3-dev zlib1g-dev libsodium-dev
  libstemmer-dev libpq-dev
  # the PostgreSQL backend's tests start a server of their own
  postgresql
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev wrk nginx-light curl python3
  # browser tests (tests/e2e): Debian's Chromium, driven by the npm package playwright-core,
  # which downloads no browser of its own; fonts so that pages and screenshots show real
  # glyphs (Liberation matches the metrics of Arial, Times and Courier; DejaVu covers the rest)
  chromium fonts-liberation2 fonts-dejavu-core
)
# The API validator and the browser tests run on Node.js. Some images ship Node.js with its own
# npm, which Debian's npm package conflicts with, so both are installed only when there is no npm
# at all.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm tools live in tools/node_modules, pinned by tools/package-lock.json.
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -f "$root/tools/package.json" ]]; then
  if [[ ! -d "$root/tools/node_modules" || "$root/tools/package-lock.json" -nt "$root/tools/node_modules" ]]; then
    echo "install-deps: installing npm tools into tools/node_modules" >&2
    (cd "$root/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$root/tools/node_modules"
  fi
fi
