#!/usr/bin/env bash
# Imports the SCAP content that scripts/setup.sh downloaded into scapgate's content store, with
# the built CLI (`scapgate content fetch`, which checks each .deb against its pin again). Runs
# after `npm run build`; idempotent (a package already in the store is a cache hit).
# The store is /var/cache/scapgate/content as root (scans run as root), else
# $XDG_CACHE_HOME/scapgate/content; SCAPGATE_CONTENT_DIR overrides both (docs/content.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then debs=/var/cache/scapgate-debs; else debs=${XDG_CACHE_HOME:-$HOME/.cache}/scapgate-debs; fi
for deb in trixie/ssg-debian_0.1.76-1_all.deb sid/ssg-debian_0.1.82-1_all.deb \
  sid/ssg-debderived_0.1.82-1_all.deb sid/ssg-nondebian_0.1.82-1_all.deb; do
  [ -s "$debs/$deb" ] || { echo "install-content: $debs/$deb is missing; run scripts/setup.sh" >&2; exit 2; }
  node dist/cli/index.js content fetch "$debs/$deb" | sed -n 1p
done
