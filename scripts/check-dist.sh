#!/usr/bin/env bash
# Fails when dist/ differs from a fresh build of the sources (dist/ is committed; see docs/adrs).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
if ! git diff --quiet --exit-code -- dist/ || [ -n "$(git status --porcelain -- dist/)" ]; then
  echo "dist/ is stale: run \`npm run build\` and commit dist/." >&2
  git status --short -- dist/ >&2
  git --no-pager diff --stat -- dist/ >&2
  exit 1
fi
echo "dist/ is fresh"
