#!/usr/bin/env bash
# Builds (or reuses) a cached Debian test image (debian11-app, debian12-app, …). Called by
# test/support/debian-image.ts, which computes the cache key; runnable by hand as root:
#   CACHE_DIR=/var/cache/scapgate-test KEY=manual CONTEXT=test/fixtures/images/debian11-app \
#     bash test/support/build-debian-image.sh
#
# Inputs (environment):
#   CACHE_DIR   cache root (created if missing)
#   KEY         image cache key (hash of the Containerfile, this script, suite and variant)
#   CONTEXT     build context holding the Containerfile
#   NAME        image slug: the app image, the cache directory and the OCI tag (default debian11-app)
#   SUITE, VARIANT, MIRROR   debootstrap arguments (default bullseye, minbase, deb.debian.org)
#   RELEASE     the base image's name stem, `localhost/scapgate-test/<RELEASE>-minbase:1`, which the
#               Containerfile's FROM names (default debian11)
#   EPOCH       timestamp for the layers and image config (default 2024-01-01T00:00:00Z)
#
# Layout (each directory appears only complete: built under .tmp-* and renamed):
#   $CACHE_DIR/rootfs/<suite>-<variant>-r<N>/   the debootstrap root (N: normalise_root version)
#   $CACHE_DIR/images/<NAME>-<KEY>/       docker-archive.tar, oci-archive.tar, oci/, image.env
# A lock file serialises builds across test workers. Output on stdout: the image directory.
set -euo pipefail

: "${CACHE_DIR:?}" "${KEY:?}" "${CONTEXT:?}"
[[ $KEY =~ ^[a-z0-9][a-z0-9._-]*$ ]] || { echo "KEY must be a lowercase tag, got '$KEY'" >&2; exit 2; }
NAME=${NAME:-debian11-app}
RELEASE=${RELEASE:-debian11}
[[ $NAME =~ ^[a-z0-9][a-z0-9-]*$ && $RELEASE =~ ^[a-z0-9]+$ ]] ||
  { echo "NAME and RELEASE must be lowercase slugs, got '$NAME' and '$RELEASE'" >&2; exit 2; }
SUITE=${SUITE:-bullseye}
VARIANT=${VARIANT:-minbase}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
EPOCH=${EPOCH:-1704067200}
export SOURCE_DATE_EPOCH=$EPOCH

base_name=localhost/scapgate-test/$RELEASE-minbase:1
app_name=localhost/scapgate-test/$NAME:$KEY
# Bump when normalise_root changes, so that cached roots are rebuilt.
rootfs_revision=2
rootfs=$CACHE_DIR/rootfs/$SUITE-$VARIANT-r$rootfs_revision
image_dir=$CACHE_DIR/images/$NAME-$KEY

log() { printf '[build-debian-image] %s\n' "$*" >&2; }

mkdir -p "$CACHE_DIR/rootfs" "$CACHE_DIR/images"
exec 9> "$CACHE_DIR/.lock"
flock 9

tmp=
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT

# Leaves out what makes a debootstrap root host-specific or needlessly large: the build host's
# hostname and resolver, downloaded .debs and indexes, logs, the build day in /etc/shadow and
# ldconfig's aux-cache (build-time stamps). What remains is reproducible for a given mirror state.
normalise_root() {
  local root=$1 day=$((EPOCH / 86400))
  echo scapgate-test > "$root/etc/hostname"
  : > "$root/etc/resolv.conf"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root/var/log/bootstrap.log" \
    "$root/var/cache/ldconfig/aux-cache"
  find "$root/var/log" -type f -exec truncate -s 0 {} +
  sed -i -E "s/^([^:]*:[^:]*:)[0-9]+:/\1$day:/" "$root/etc/shadow"
  rm -f "$root/etc/shadow-" "$root/etc/gshadow-" "$root/etc/passwd-" "$root/etc/group-"
}

if [ ! -d "$rootfs" ]; then
  log "debootstrap --variant=$VARIANT $SUITE $MIRROR"
  tmp=$(mktemp -d "$CACHE_DIR/rootfs/.tmp-$SUITE-$VARIANT.XXXXXX")
  debootstrap --variant="$VARIANT" "$SUITE" "$tmp/root" "$MIRROR" > "$tmp/debootstrap.log" 2>&1 ||
    { tail -n 30 "$tmp/debootstrap.log" >&2; exit 1; }
  normalise_root "$tmp/root"
  mv -T "$tmp/root" "$rootfs"
  rm -rf "$tmp"; tmp=
fi

if [ -f "$image_dir/image.env" ]; then
  # The archives are the source of truth; podman's storage may have been reset since, or the tag
  # moved to a build from another cache directory.
  want_id=$(sed -n 's/^IMAGE_ID=sha256://p' "$image_dir/image.env")
  have_id=$(podman image inspect --format '{{.Id}}' "$app_name" 2> /dev/null || true)
  if [ "${have_id#sha256:}" != "$want_id" ]; then
    log "loading $app_name from the cache"
    podman load -q -i "$image_dir/docker-archive.tar" > /dev/null
  fi
  echo "$image_dir"
  exit 0
fi

log "importing $rootfs as $base_name"
old_base_id=$(podman image inspect --format '{{.Id}}' "$base_name" 2> /dev/null || true)
tar -C "$rootfs" --numeric-owner --sort=name --mtime="@$EPOCH" --clamp-mtime \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -c . |
  podman import -q - "$base_name" > /dev/null

log "podman build $CONTEXT as $app_name"
tmp=$(mktemp -d "$CACHE_DIR/images/.tmp-$NAME-$KEY.XXXXXX")
chmod 0755 "$tmp"
podman build -q --isolation chroot --pull=never --no-cache --layers --timestamp "$EPOCH" \
  -f "$CONTEXT/Containerfile" -t "$app_name" "$CONTEXT" > "$tmp/build.log" 2>&1 ||
  { tail -n 40 "$tmp/build.log" >&2; exit 1; }

# The previous import, unless an older app image still builds on it (then rmi refuses).
if [ -n "$old_base_id" ]; then podman rmi "$old_base_id" > /dev/null 2>&1 || true; fi

log "saving $app_name"
podman save -q --format docker-archive -o "$tmp/docker-archive.tar" "$app_name"
podman save -q --format oci-archive -o "$tmp/oci-archive.tar" "$app_name"
# A plain tag in the layout (podman's own oci-dir names the ref `localhost/…:KEY`, which umoci's
# `DIR:TAG` syntax cannot address).
skopeo copy -q "oci-archive:$tmp/oci-archive.tar" "oci:$tmp/oci:$NAME"

image_id=$(podman image inspect --format '{{.Id}}' "$app_name")
manifest_digest=$(skopeo inspect --format '{{.Digest}}' "oci:$tmp/oci:$NAME")
env_json=$(podman image inspect --format '{{json .Config.Env}}' "$app_name")
{
  echo "IMAGE_NAME=$app_name"
  echo "IMAGE_ID=sha256:${image_id#sha256:}"
  echo "MANIFEST_DIGEST=$manifest_digest"
  echo "OCI_TAG=$NAME"
  echo "ENV_JSON=$env_json"
  echo "EPOCH=$EPOCH"
  echo "ROOTFS=$rootfs"
} > "$tmp/image.env"
mv -T "$tmp" "$image_dir"
tmp=
echo "$image_dir"
