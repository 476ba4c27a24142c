#!/usr/bin/env bash
# Builds the scanner image (scanner/Dockerfile) for the tests, on a Debian 13 base made here with
# debootstrap (no registry is reachable in the test environment). Called by
# test/support/scanner-image.ts; runnable by hand as root from the repository root:
#   CACHE_DIR=/var/cache/scapgate-test TAG=localhost/scapgate-test/scanner-trixie:dev \
#     bash test/support/build-scanner-image.sh
#
# Inputs (environment):
#   CACHE_DIR   cache root (created if missing); the debootstrap root is kept there
#   TAG         tag for the built scanner image
#   SUITE, VARIANT, MIRROR, EPOCH   as in build-debian-image.sh (default trixie, minbase)
#   SCAPGATE_VERSION, SSG_SUITE, SSG_VERSION, SSG_CHECK_VALID_UNTIL   build arguments, when set
#
# The base is imported once as localhost/scapgate-test/<suite>-minbase:r1 and reused, so podman's
# layer cache keeps the apt layer and a rebuild after a new dist/ takes seconds. Each build runs
# `podman build --isolation chroot` (no nested container runtime needed). Output: the image id.
set -euo pipefail

: "${CACHE_DIR:?}" "${TAG:?}"
SUITE=${SUITE:-trixie}
VARIANT=${VARIANT:-minbase}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
EPOCH=${EPOCH:-1704067200}
export SOURCE_DATE_EPOCH=$EPOCH

rootfs_revision=1
rootfs=$CACHE_DIR/rootfs/$SUITE-$VARIANT-scanner-r$rootfs_revision
base_name=localhost/scapgate-test/$SUITE-$VARIANT:r$rootfs_revision

log() { printf '[build-scanner-image] %s\n' "$*" >&2; }

mkdir -p "$CACHE_DIR/rootfs"
exec 9> "$CACHE_DIR/.scanner-lock"
flock 9

tmp=
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT

if [ ! -d "$rootfs" ]; then
  log "debootstrap --variant=$VARIANT $SUITE $MIRROR"
  tmp=$(mktemp -d "$CACHE_DIR/rootfs/.tmp-$SUITE-$VARIANT.XXXXXX")
  debootstrap --variant="$VARIANT" "$SUITE" "$tmp/root" "$MIRROR" > "$tmp/debootstrap.log" 2>&1 ||
    { tail -n 30 "$tmp/debootstrap.log" >&2; exit 1; }
  # What makes a root host-specific: the build host's resolver and hostname, downloaded packages.
  echo scapgate-scanner > "$tmp/root/etc/hostname"
  : > "$tmp/root/etc/resolv.conf"
  rm -rf "$tmp"/root/var/cache/apt/archives/*.deb "$tmp"/root/var/lib/apt/lists/* \
    "$tmp/root/var/log/bootstrap.log"
  mv -T "$tmp/root" "$rootfs"
  rm -rf "$tmp"; tmp=
fi

if ! podman image exists "$base_name"; then
  log "importing $rootfs as $base_name"
  tar -C "$rootfs" --numeric-owner --sort=name --mtime="@$EPOCH" --clamp-mtime -c . |
    podman import -q - "$base_name" > /dev/null
fi

log "podman build -f scanner/Dockerfile -t $TAG"
tmp=$(mktemp -d)
build_args=(--build-arg "BASE_IMAGE=$base_name" --build-arg "DEBIAN_MIRROR=$MIRROR")
if [ -n "${SCAPGATE_VERSION+set}" ]; then
  build_args+=(--build-arg "SCAPGATE_VERSION=$SCAPGATE_VERSION")
fi
if [ -n "${SSG_SUITE+set}" ]; then build_args+=(--build-arg "SSG_SUITE=$SSG_SUITE"); fi
if [ -n "${SSG_VERSION+set}" ]; then build_args+=(--build-arg "SSG_VERSION=$SSG_VERSION"); fi
if [ -n "${SSG_CHECK_VALID_UNTIL+set}" ]; then
  build_args+=(--build-arg "SSG_CHECK_VALID_UNTIL=$SSG_CHECK_VALID_UNTIL")
fi
podman build --isolation chroot --pull=never --layers "${build_args[@]}" \
  -f scanner/Dockerfile -t "$TAG" . > "$tmp/build.log" 2>&1 ||
  { tail -n 40 "$tmp/build.log" >&2; exit 1; }
podman image inspect --format '{{.Id}}' "$TAG"
