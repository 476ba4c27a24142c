#!/usr/bin/env bash
# Installs what scapgate's demo and tests need on a fresh Debian or Ubuntu machine, and nothing
# that is already there. Idempotent; safe to run on every `make demo` / `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: OpenSCAP and the SCAP Security Guide are the scanner; the rest build and read
# real images in the tests (podman build --isolation chroot, debootstrap, skopeo, umoci), and a
# local registry with htpasswd auth for the registry-pull tests (docker-registry, apache2-utils).
# rsync: gitlab-ci-local (GitLab component tests); groovy + a JRE: the Jenkins step tests.
# bzip2: .bz2 CVE feeds; rpm: the rpm version-order oracle in the CVE tests and rpm image listing.
apt_packages=(
  openscap-scanner openscap-utils ssg-debian ssg-nondebian libxml2-utils
  util-linux podman debootstrap skopeo umoci docker-registry apache2-utils bzip2 rpm
  rsync groovy default-jre-headless
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "setup: not root and no sudo: install ${apt_packages[*]} yourself" >&2
    exit 2
  fi
fi

missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm itself may run on the distribution's older Node (Debian 12: 18); everything after `npm ci`
# runs on Node >= 22 through scripts/with-node.sh, which falls back to the npm-packaged Node 24.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs npm"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/with-node.sh node --version >/dev/null
