#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit, storage and
# HTTP integration on SQLite and on a throwaway PostgreSQL 15 (started here on
# a loopback port in a temporary directory, stopped on exit), and the browser
# tests. Ends with ctest's summary; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps
scripts/build

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

./fuzz.sh gs1 10

pgdir=$(mktemp -d /tmp/txng-pgtest.XXXXXX)
trap 'scripts/pgtest stop "$pgdir" >/dev/null 2>&1 || true' EXIT
TXNG_TEST_PG_URL=$(scripts/pgtest start "$pgdir")
export TXNG_TEST_PG_URL
export TXNG_REQUIRE_PG=1
echo "PostgreSQL for tests: $TXNG_TEST_PG_URL"

ctest --test-dir build -j "$(nproc)" --output-on-failure --timeout 300 "$@"
