#!/usr/bin/env bash
# `make demo`: scan the embedded sample image (Debian 12) with the bundled CLI, print the summary
# and the verdict, and leave every output in ./scapgate-out. The sample image fails a few real
# rules, so the gate is expected to fail: that is the demo's point, and `make demo` itself still
# succeeds. Debian 12 content comes from scapgate's content store, filled by
# scripts/install-content.sh (`make demo` runs it first; docs/content.md).
set -uo pipefail
cd "$(dirname "$0")/.."
image=test/fixtures/images/sample-app/sample-app.docker.tar
runner=()
[ "$(id -u)" -eq 0 ] || runner=(sudo --preserve-env=PATH)
"${runner[@]}" node dist/cli/index.js scan "docker-archive:$image" \
  --dockerfile test/fixtures/images/sample-app/Dockerfile --out scapgate-out
code=$?
case "$code" in
  0) echo "demo: the gate passed (exit 0)";;
  1) echo "demo: the gate failed (exit 1), as expected for the sample image; see scapgate-out/";;
  *) echo "demo: the scan did not complete (exit $code)" >&2; exit "$code";;
esac
