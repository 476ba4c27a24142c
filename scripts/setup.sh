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
# chromium + fonts-noto-color-emoji: the reviewer-view tests screenshot the rendered PR comment.
apt_packages=(
  openscap-scanner openscap-utils ssg-debian ssg-nondebian libxml2-utils
  util-linux podman debootstrap skopeo umoci docker-registry apache2-utils bzip2 rpm
  rsync groovy default-jre-headless chromium fonts-noto-color-emoji
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

# Current SCAP content (docs/content.md). Debian 12 ships SSG 0.1.65, which has no Debian 12/13 or
# Ubuntu 24.04 content. Download the newer ssg-* packages pinned in
# packages/core/src/content/pinned-content.json from their suites (signed indexes, private apt
# state: nothing is installed and the system's ssg-* packages stay) and check them against the
# pins; scripts/install-content.sh imports them into scapgate's content store after the build.
# trixie's 0.1.76 has no SCE checks; sid's 0.1.82 adds Debian 13, Ubuntu 24.04/26.04, RHEL 10.
if [ "$(id -u)" -eq 0 ]; then debs=/var/cache/scapgate-debs; else debs=${XDG_CACHE_HOME:-$HOME/.cache}/scapgate-debs; fi
pins=packages/core/src/content/pinned-content.json
while read -r suite spec file sha256; do
  path=$(bash scripts/debian-download.sh "$suite" "$debs/$suite" "$spec" | tail -n 1)
  [ "$(basename "$path")" = "$file" ] || { echo "setup: expected $file from $suite, got $path" >&2; exit 3; }
  echo "$sha256  $path" | sha256sum --check --quiet --strict - || {
    echo "setup: $path does not match the sha256 pinned in $pins" >&2; exit 3; }
done < <(node -e '
  const pins = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).debian
  const wanted = ["ssg-debian=0.1.76-1", "ssg-debian=0.1.82-1", "ssg-debderived=0.1.82-1", "ssg-nondebian=0.1.82-1"]
  for (const spec of wanted) {
    const pin = pins.find(p => `${p.package}=${p.version}` === spec)
    if (!pin) { console.error(`setup: ${spec} is not pinned`); process.exit(3) }
    console.log(pin.suite, spec, pin.filename.split("/").pop(), pin.sha256)
  }' "$pins")
