#!/usr/bin/env bash
# The reference offline evaluator against the whole conformance kit, under Node.js (called by
# .ci/run). Skipped, with a message, where Node.js or npm is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: the offline JavaScript evaluator's conformance tests need Node.js >= 20 and npm (not found)."
  exit 0
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
kit="$(mktemp -d)"
trap 'rm -rf "$kit"' EXIT
# A throwaway signing key: the kit carries its public key, the tests verify every bundle with it.
SAFESTEPS_BUNDLE_SIGNING_KEY="$("$root/.venv/bin/python" -c 'from app.services.bundles import new_private_key_text as k; print(k())')" \
  "$root/.venv/bin/safesteps" conformance export "$kit"
(cd "$here" && SAFESTEPS_KIT_DIR="$kit" npm test --silent)
