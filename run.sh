#!/usr/bin/env bash
# Installs what is missing, builds, fills ./var/txng.db with the demo province
# on first use, and serves the portal on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps
scripts/build txng

db="sqlite:./var/txng.db"
demo_password="${TXNG_DEMO_PASSWORD:-demo-txng-2026}"
if [[ ! -s var/txng.db ]]; then
  echo "Creating the demo province in ./var/txng.db ..."
  printf '%s\n' "$demo_password" | ./build/src/cli/txng --db "$db" demo --password-stdin
fi

cat <<MSG

  TXNG portal:  http://127.0.0.1:8080/
  Demo login:   admin / $demo_password   (also: reviewer, officer.nn, producer01 ... same password)
  Stop with Ctrl-C. Delete ./var to start again from a fresh demo.

MSG
exec ./build/src/cli/txng --db "$db" serve --listen "${TXNG_LISTEN:-127.0.0.1:8080}"
