#!/usr/bin/env bash
# Runs oscap on an extracted image root the way docs/reference/openscap.md §0 says is correct, as a reference to
# compare scapgate against. Needs root (mount namespace, overlayfs, chroot-mode probes).
#   TARGET=<image ref> IMAGE_ENV=<Config.Env, newline-separated> \
#     bash test/support/reference-oscap.sh ROOT <oscap arguments…>
# - ROOT is the lower layer of a private overlay: nothing is written into it;
# - /.dockerenv in the overlay makes SSG treat the root as a container (§3);
# - APT_CONFIG keeps libapt away from the host's apt.conf.d (docker-clean) and builds its cache
#   in memory (§5); HOME/.rpmmacros pins the rpmdb path (§6).
# The mount lives only in the private namespace, so it disappears with the process.
set -euo pipefail

root=$(cd "${1:?root}" && pwd)
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"/{upper,work,merged,apt-parts,rpmhome}
printf 'Dir::Etc::parts "%s/apt-parts";\nDir::Cache "/nonexistent-oscap-apt-cache/";\n' "$work" > "$work/apt.conf"
printf '%%_dbpath /var/lib/rpm\n' > "$work/rpmhome/.rpmmacros"
export APT_CONFIG="$work/apt.conf" HOME="$work/rpmhome"
export OSCAP_EVALUATION_TARGET="${TARGET:-reference}" OSCAP_CONTAINER_VARS="${IMAGE_ENV:-}"
unshare -m --propagation private bash -c '
  set -e
  mount -t overlay overlay -o "lowerdir=$0,upperdir=$1/upper,workdir=$1/work" "$1/merged"
  touch "$1/merged/.dockerenv"
  OSCAP_PROBE_ROOT="$1/merged" exec oscap "${@:2}"' "$root" "$work" "$@"
